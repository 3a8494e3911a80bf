#!/usr/bin/env bash
# Creates, or reuses, the kind cluster the acceptance tests' kind target runs against, with the API
# server's audit log written to a directory of this machine, and writes target/kind/env with the
# variables the tests read (acceptance-tests/.../driver/TestCluster.java):
#   KMCP_API_SERVER        the API server URL, as k-mcp is given it and tokens name it
#   KMCP_CA_FILE           the cluster CA (PEM)
#   KMCP_ADMIN_KUBECONFIG  an administrator's kubeconfig, for set-up only
#   KMCP_AUDIT_LOG         the API server's audit log (JSON lines, metadata level)
# The scenarios create their own namespaces, service accounts, RBAC and tokens with the administrator's
# kubeconfig; the cluster needs nothing more. Running it again reuses the cluster and rewrites the files.
#
# Needs Docker (or another engine kind supports), kind and kubectl on PATH.
# Usage: scripts/kind/setup.sh, then (after mvn -B -DskipTests -DskipITs install once, for the jar):
#   source target/kind/env && mvn -B verify -pl acceptance-tests -Dkmcp.cluster=kind
# Environment: KMCP_KIND_CLUSTER (default k-mcp), KMCP_KIND_NODE_IMAGE (a kindest/node image; kind's default otherwise)
set -euo pipefail
cd "$(dirname "$0")/../.."

cluster=${KMCP_KIND_CLUSTER:-k-mcp}
out=$PWD/target/kind
# Outside target/ on purpose: the node mounts this directory, and `mvn clean` would pull it from under a
# running cluster (the node would go on writing to the deleted directory).
state=${XDG_CACHE_HOME:-$HOME/.cache}/k-mcp/kind/$cluster

say() { echo "[kind] $*" >&2; }
fail() { echo "[kind] $*" >&2; exit 1; }

for tool in docker kind kubectl; do
  command -v "$tool" >/dev/null 2>&1 \
    || fail "$tool is not on PATH; the kind target needs Docker, kind and kubectl (https://kind.sigs.k8s.io/docs/user/quick-start/)"
done
docker info >/dev/null 2>&1 \
  || fail "docker is installed but no Docker engine answers (docker info failed); start it, then run this again"

mkdir -p "$out" "$state/audit"
state=$(cd "$state" && pwd)
audit_log=$state/audit/audit.log
chmod 0755 "$state/audit"
# The API server appends to this file. Created here, it stays readable by whoever runs the tests; the API
# server would create it readable by root only.
touch "$audit_log"
chmod 0644 "$audit_log"
cat >"$state/audit-policy.yaml" <<'POLICY'
apiVersion: audit.k8s.io/v1
kind: Policy
omitStages: ["RequestReceived"]
rules:
  - level: Metadata
POLICY

if kind get clusters 2>/dev/null | grep -qx "$cluster"; then
  say "reusing the kind cluster $cluster"
else
  cat >"$out/cluster.yaml" <<CONFIG
kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
  - role: control-plane
    extraMounts:
      - hostPath: $state/audit-policy.yaml
        containerPath: /etc/kubernetes/k-mcp/audit-policy.yaml
        readOnly: true
      - hostPath: $state/audit
        containerPath: /var/log/kubernetes/k-mcp
    kubeadmConfigPatches:
      - |
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
            audit-policy-file: /etc/kubernetes/k-mcp/audit-policy.yaml
            audit-log-path: /var/log/kubernetes/k-mcp/audit.log
            audit-log-format: json
          extraVolumes:
            - name: k-mcp-audit-policy
              hostPath: /etc/kubernetes/k-mcp/audit-policy.yaml
              mountPath: /etc/kubernetes/k-mcp/audit-policy.yaml
              readOnly: true
              pathType: File
            - name: k-mcp-audit-log
              hostPath: /var/log/kubernetes/k-mcp
              mountPath: /var/log/kubernetes/k-mcp
              readOnly: false
              pathType: DirectoryOrCreate
CONFIG
  say "creating the kind cluster $cluster (a few minutes the first time: kind pulls its node image)"
  image_args=()
  if [ -n "${KMCP_KIND_NODE_IMAGE:-}" ]; then
    image_args=(--image "$KMCP_KIND_NODE_IMAGE")
  fi
  # ${a[@]+...}: an empty array under set -u, in the bash 3 of macOS too.
  kind create cluster --name "$cluster" --config "$out/cluster.yaml" --wait 180s ${image_args[@]+"${image_args[@]}"}
fi

kubeconfig=$out/kubeconfig
(umask 077 && kind get kubeconfig --name "$cluster" >"$kubeconfig")
api_server=$(kubectl --kubeconfig "$kubeconfig" config view --minify -o jsonpath='{.clusters[0].cluster.server}')
kubectl --kubeconfig "$kubeconfig" config view --raw --minify \
  -o jsonpath='{.clusters[0].cluster.certificate-authority-data}' | base64 -d >"$out/ca.crt"
grep -q -- '-----BEGIN CERTIFICATE-----' "$out/ca.crt" || fail "no CA certificate in the kubeconfig of $cluster"

# The no-delete checks read the audit log: make sure this cluster records requests where the tests look.
size() { wc -c <"$audit_log" | tr -d ' '; }
before=$(size)
kubectl --kubeconfig "$kubeconfig" get --raw /readyz >/dev/null \
  || fail "the API server of $cluster at $api_server does not answer"
for _ in $(seq 1 30); do
  [ "$(size)" -gt "$before" ] && break
  sleep 1
done
[ "$(size)" -gt "$before" ] \
  || fail "the API server of $cluster records no request in $audit_log (a cluster created without this script, or one whose audit directory was deleted); recreate it with scripts/kind/teardown.sh and run this again"

cat >"$out/env" <<ENV
# Written by scripts/kind/setup.sh for the kind cluster $cluster.
export KMCP_API_SERVER='$api_server'
export KMCP_CA_FILE='$out/ca.crt'
export KMCP_ADMIN_KUBECONFIG='$kubeconfig'
export KMCP_AUDIT_LOG='$audit_log'
ENV

say "cluster $cluster ready at $api_server; audit log $audit_log"
echo "Run the features against it with (mvn -B -DskipTests -DskipITs install first, once, for the jar):"
echo "  source target/kind/env && mvn -B verify -pl acceptance-tests -Dkmcp.cluster=kind"

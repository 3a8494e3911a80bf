#!/usr/bin/env bash
# Builds the helm command from the Go module proxy, without a download site, and caches it by version.
# Idempotent: with a warm cache it only checks that the binary is there.
#
# Usage: scripts/helm/build.sh            # builds helm if missing; the last line is KMCP_HELM=<path>
#        scripts/helm/build.sh --cached   # exit status 0 when it is built already
#        KMCP_HELM_VERSION=v3.20.2 scripts/helm/build.sh
#
# Layout of the cache (XDG_CACHE_HOME is respected):
#   $XDG_CACHE_HOME/k-mcp/helm/<version>/helm
set -euo pipefail

# The newest helm 3 release that resolves with this machine's Go (v3.22.0 is served but not vetted).
HELM_VERSION="${KMCP_HELM_VERSION:-v3.21.4}"
MAJOR="${HELM_VERSION#v}"; MAJOR="${MAJOR%%.*}"
MODULE="helm.sh/helm/v${MAJOR}"

CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/k-mcp/helm/${HELM_VERSION}"
HELM="${CACHE_DIR}/helm"

log() { printf '[helm] %s\n' "$*" >&2; }

if [ "${1:-}" = "--cached" ]; then
  [ -x "$HELM" ]
  exit
fi

command -v go >/dev/null || { log "Go is required to build helm (https://go.dev/dl/)"; exit 1; }
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-buildvcs=false

# Several test JVMs may ask at once: one builds, the others wait and reuse.
mkdir -p "$(dirname "$CACHE_DIR")"
exec 9>"$(dirname "$CACHE_DIR")/.lock"
flock 9

if [ -x "$HELM" ]; then
  log "helm ${HELM_VERSION}: cached in ${CACHE_DIR}"
else
  started=$SECONDS
  work=$(mktemp -d)
  trap 'rm -rf "$work" "$CACHE_DIR.partial"' EXIT
  # A throwaway module that requires helm and declares its command as a tool, so that 'go mod tidy'
  # pins exactly what the command needs. helm's go.mod has no replace directive to carry over.
  cat > "$work/go.mod" <<EOF
module kmcp.local/helm

go $(go env GOVERSION | sed -E 's/^go([0-9]+\.[0-9]+).*/\1/').0

require ${MODULE} ${HELM_VERSION}

tool ${MODULE}/cmd/helm
EOF
  log "helm ${HELM_VERSION}: resolving"
  (cd "$work" && go mod tidy)
  # What helm's Makefile sets: its version, and the Kubernetes version that 'helm template' and
  # 'helm lint' assume without a cluster (one above the client-go it is built with, 1.20 otherwise).
  client_go=$(cd "$work" && go list -m -f '{{.Version}}' k8s.io/client-go)
  client_go=${client_go#v}
  k8s_major=$(( ${client_go%%.*} + 1 ))
  k8s_minor=$(echo "$client_go" | cut -d. -f2)
  ldflags="-s -w -X ${MODULE}/internal/version.version=${HELM_VERSION} -X ${MODULE}/internal/version.metadata="
  ldflags+=" -X ${MODULE}/internal/version.gitTreeState=clean"
  for pkg in pkg/lint/rules pkg/chartutil; do
    ldflags+=" -X ${MODULE}/${pkg}.k8sVersionMajor=${k8s_major} -X ${MODULE}/${pkg}.k8sVersionMinor=${k8s_minor}"
  done
  log "helm ${HELM_VERSION}: building"
  mkdir -p "$CACHE_DIR.partial"
  (cd "$work" && go build -trimpath -ldflags "$ldflags" -o "$CACHE_DIR.partial/helm" "${MODULE}/cmd/helm")
  rm -rf "$CACHE_DIR" && mv "$CACHE_DIR.partial" "$CACHE_DIR"
  log "helm ${HELM_VERSION}: built in $((SECONDS - started))s"
fi

"$HELM" version --short >&2
echo "KMCP_HELM=${HELM}"

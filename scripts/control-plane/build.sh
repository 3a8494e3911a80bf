#!/usr/bin/env bash
# Builds the upstream Kubernetes control plane (kube-apiserver, kube-controller-manager,
# kube-scheduler, kubectl), etcd and kwok from the Go module proxy, without Docker, and caches the
# binaries by version. Idempotent: with a warm cache it only checks that the binaries are there.
#
# Usage: scripts/control-plane/build.sh            # builds what is missing, prints the bin dir
#        scripts/control-plane/build.sh --cached   # exit status 0 when everything is built already
#        KMCP_K8S_VERSION=v1.35.4 scripts/control-plane/build.sh
#
# Layout of the cache (XDG_CACHE_HOME is respected):
#   $XDG_CACHE_HOME/k-mcp/control-plane/<recipe>/k8s-<version>/{kube-apiserver,...}
#   $XDG_CACHE_HOME/k-mcp/control-plane/<recipe>/etcd-<version>/etcd
#   $XDG_CACHE_HOME/k-mcp/control-plane/<recipe>/kwok-<version>/kwok
# The last line printed on stdout is "KMCP_CONTROL_PLANE_BIN=<dir>" where every binary is linked.
set -euo pipefail

K8S_VERSION="${KMCP_K8S_VERSION:-v1.36.3}"
ETCD_VERSION="${KMCP_ETCD_VERSION:-v3.6.16}"
KWOK_VERSION="${KMCP_KWOK_VERSION:-v0.7.0}"
# Bump when the way binaries are built changes, so stale caches are not reused.
RECIPE="r1"

CACHE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/k-mcp/control-plane/${RECIPE}"
K8S_DIR="${CACHE_ROOT}/k8s-${K8S_VERSION}"
ETCD_DIR="${CACHE_ROOT}/etcd-${ETCD_VERSION}"
KWOK_DIR="${CACHE_ROOT}/kwok-${KWOK_VERSION}"
BIN_DIR="${CACHE_ROOT}/bin-${K8S_VERSION}-${ETCD_VERSION}-${KWOK_VERSION}"
K8S_COMMANDS=(kube-apiserver kube-controller-manager kube-scheduler kubectl)

log() { printf '[control-plane] %s\n' "$*" >&2; }

command -v go >/dev/null || { log "Go is required to build the control plane (https://go.dev/dl/)"; exit 1; }
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-buildvcs=false

all_present() {
  local dir=$1; shift
  for b in "$@"; do [ -x "$dir/$b" ] || return 1; done
}

# Writes a throwaway wrapper module in $1 that requires $2@$3 and declares the commands as tools,
# so 'go mod tidy' pins exactly what those commands need.
wrapper_module() {
  local dir=$1 module=$2 version=$3; shift 3
  mkdir -p "$dir"
  {
    echo "module kmcp.local/controlplane"
    echo
    echo "go $(go env GOVERSION | sed -E 's/^go([0-9]+\.[0-9]+).*/\1/').0"
    echo
    echo "require $module $version"
    echo
    for tool in "$@"; do echo "tool $tool"; done
  } > "$dir/go.mod"
}

build_kubernetes() {
  if all_present "$K8S_DIR" "${K8S_COMMANDS[@]}"; then
    log "Kubernetes ${K8S_VERSION}: cached in ${K8S_DIR}"
    return
  fi
  local started=$SECONDS work
  work=$(mktemp -d)
  trap 'rm -rf "$work"' RETURN
  log "Kubernetes ${K8S_VERSION}: downloading k8s.io/kubernetes go.mod"
  local gomod
  gomod=$(cd "$work" && go mod download -json "k8s.io/kubernetes@${K8S_VERSION}" | sed -n 's/.*"GoMod": "\(.*\)",*/\1/p')
  [ -f "$gomod" ] || { log "the Go module proxy did not serve k8s.io/kubernetes@${K8S_VERSION}"; exit 1; }
  local staging_version="v0.${K8S_VERSION#v1.}"
  wrapper_module "$work" k8s.io/kubernetes "$K8S_VERSION" \
    $(printf 'k8s.io/kubernetes/cmd/%s ' "${K8S_COMMANDS[@]}")
  # Every staging module of this release is replaced by its published v0.Y.Z twin; the list is read
  # from the release's own go.mod because it changes between releases.
  {
    echo
    echo "replace ("
    grep -E '^\s*k8s\.io/[a-z0-9-]+ => \./staging/' "$gomod" \
      | awk -v v="$staging_version" '{print "\t" $1 " => " $1 " " v}'
    echo ")"
  } >> "$work/go.mod"
  log "Kubernetes ${K8S_VERSION}: $(grep -c "=> k8s.io" "$work/go.mod") staging modules mapped to ${staging_version}; resolving"
  (cd "$work" && go mod tidy)
  local minor=${K8S_VERSION#v1.}; minor=${minor%%.*}
  local ldflags="-s -w"
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ldflags+=" -X ${pkg}.gitVersion=${K8S_VERSION} -X ${pkg}.gitMajor=1 -X ${pkg}.gitMinor=${minor}"
    ldflags+=" -X ${pkg}.gitTreeState=clean -X ${pkg}.buildDate=1970-01-01T00:00:00Z"
  done
  mkdir -p "$K8S_DIR.partial"
  for cmd in "${K8S_COMMANDS[@]}"; do
    log "Kubernetes ${K8S_VERSION}: building ${cmd}"
    (cd "$work" && go build -trimpath -ldflags "$ldflags" -o "$K8S_DIR.partial/$cmd" "k8s.io/kubernetes/cmd/$cmd")
  done
  rm -rf "$K8S_DIR" && mv "$K8S_DIR.partial" "$K8S_DIR"
  log "Kubernetes ${K8S_VERSION}: built in $((SECONDS - started))s"
}

build_single() {
  local name=$1 module=$2 version=$3 dir=$4 package=$5
  if all_present "$dir" "$name"; then
    log "${name} ${version}: cached in ${dir}"
    return
  fi
  local started=$SECONDS work
  work=$(mktemp -d)
  trap 'rm -rf "$work"' RETURN
  wrapper_module "$work" "$module" "$version" "$package"
  log "${name} ${version}: resolving"
  (cd "$work" && go mod tidy)
  log "${name} ${version}: building"
  mkdir -p "$dir.partial"
  (cd "$work" && go build -trimpath -ldflags "-s -w" -o "$dir.partial/$name" "$package")
  rm -rf "$dir" && mv "$dir.partial" "$dir"
  log "${name} ${version}: built in $((SECONDS - started))s"
}

# --cached: only say (exit status) whether every binary is already built, without building anything.
if [ "${1:-}" = "--cached" ]; then
  all_present "$K8S_DIR" "${K8S_COMMANDS[@]}" && all_present "$ETCD_DIR" etcd && all_present "$KWOK_DIR" kwok
  exit
fi

total=$SECONDS
# Several test JVMs may ask for the binaries at once: one builds, the others wait and reuse.
mkdir -p "$CACHE_ROOT"
exec 9>"$CACHE_ROOT/.lock"
flock 9
build_single etcd go.etcd.io/etcd/server/v3 "$ETCD_VERSION" "$ETCD_DIR" go.etcd.io/etcd/server/v3
build_kubernetes
build_single kwok sigs.k8s.io/kwok "$KWOK_VERSION" "$KWOK_DIR" sigs.k8s.io/kwok/cmd/kwok

mkdir -p "$BIN_DIR"
for cmd in "${K8S_COMMANDS[@]}"; do ln -sfn "$K8S_DIR/$cmd" "$BIN_DIR/$cmd"; done
ln -sfn "$ETCD_DIR/etcd" "$BIN_DIR/etcd"
ln -sfn "$KWOK_DIR/kwok" "$BIN_DIR/kwok"
printf '%s\n' "${K8S_VERSION#v}" > "$BIN_DIR/KUBERNETES_VERSION"
log "control plane ready in $((SECONDS - total))s: ${BIN_DIR}"
echo "KMCP_CONTROL_PLANE_BIN=${BIN_DIR}"

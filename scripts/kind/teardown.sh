#!/usr/bin/env bash
# Deletes the kind cluster scripts/kind/setup.sh created, with its files (target/kind and the audit log).
# Nothing happens to a cluster that is not there. Environment: KMCP_KIND_CLUSTER (default k-mcp).
set -euo pipefail
cd "$(dirname "$0")/../.."

cluster=${KMCP_KIND_CLUSTER:-k-mcp}
command -v kind >/dev/null 2>&1 || { echo "[kind] kind is not on PATH" >&2; exit 1; }

if kind get clusters 2>/dev/null | grep -qx "$cluster"; then
  kind delete cluster --name "$cluster"
else
  echo "[kind] no kind cluster $cluster" >&2
fi
rm -rf target/kind "${XDG_CACHE_HOME:-$HOME/.cache}/k-mcp/kind/$cluster"

#!/usr/bin/env bash
# One command to try k-mcp with no cluster: builds what is missing (the jar, the local control plane
# from upstream sources), starts the control plane, creates a service account with read-mostly RBAC,
# mints a token with the three audiences, starts k-mcp against it and prints the MCP client
# configuration. Ctrl-C stops everything.
#
# Usage: scripts/quickstart.sh [--port N] [--check]
#   --check   start everything, check k-mcp answers, then stop (no waiting for Ctrl-C)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh

port=8080
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port=$2; shift 2 ;;
    --check) args+=(--check); shift ;;
    *) echo "quickstart: unknown argument $1 (use --port N, --check)" >&2; exit 2 ;;
  esac
done

if ! bash scripts/control-plane/build.sh --cached >/dev/null 2>&1; then
  echo "[quickstart] compiling the Kubernetes control plane from upstream sources (once, about 9 minutes on" \
    "2 cores; cached under ${XDG_CACHE_HOME:-$HOME/.cache}/k-mcp/control-plane). Progress follows." >&2
fi
bash scripts/control-plane/build.sh >/dev/null
if [ ! -x bootstrap/target/k-mcp/bin/k-mcp ] || [ ! -d adapters-kubernetes/target/test-classes ]; then
  echo "[quickstart] building k-mcp without running its tests (once, a minute or two)" >&2
  # -DskipTests skips the unit tests, -DskipITs the acceptance suite that Failsafe runs.
  mvn -B -q -DskipTests -DskipITs -DskipPitest -Dkmcp.image.skip=true -Dspotless.check.skip=true install
fi
classpath_file=adapters-kubernetes/target/quickstart.classpath
if [ ! -f "$classpath_file" ]; then
  mvn -B -q -pl adapters-kubernetes dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/quickstart.classpath >/dev/null
fi
# k-mcp runs from the distribution, as the README runs it: bin/k-mcp with its defaults and AOT cache.
exec java -Dkmcp.port="$port" -Dkmcp.launcher="$PWD/bootstrap/target/k-mcp/bin/k-mcp" -Dkmcp.projectRoot="$PWD" \
  -cp "adapters-kubernetes/target/test-classes:adapters-kubernetes/target/classes:$(cat "$classpath_file")" \
  io.kmcp.adapters.kubernetes.testbed.Quickstart "${args[@]}"

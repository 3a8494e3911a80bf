#!/usr/bin/env bash
# The diagnosis benchmark: k-mcp's workload_diagnose against kubernetes-mcp-server's kubectl-style
# round trips, for nine workload states on a local control plane. Prints a Markdown table and writes
# it to bench/results/latest.md. Idempotent; see bench/README.md.
#
#   bench/diagnosis.sh                 # build, install kubernetes-mcp-server once, run (under 2 minutes warm)
#   bench/diagnosis.sh --skip-build    # reuse the jar and the classes already built and installed
#   bench/diagnosis.sh --runs 5        # measured runs per state and server (default 3, after 1 warm-up)
#   bench/diagnosis.sh --verbose       # also print every answer and every API request (stderr)
set -euo pipefail

KMS_VERSION="${KMCP_BENCH_KMS_VERSION:-0.0.67}"   # kubernetes-mcp-server, npm registry; latest when pinned

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/java-home.sh

build=true
runs=3
verbose=false
while (($#)); do
  case "$1" in
    --skip-build) build=false ;;
    --runs) runs="${2:?--runs needs a number}"; shift ;;
    --verbose) verbose=true ;;
    -h | --help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

work="$root/target/bench"
mkdir -p "$work"
source "$root/bench/common.sh"

if $build; then
  bench_build
fi
bench_require_build
bench_classpath

if ! install_kubernetes_mcp_server; then
  say "kubernetes-mcp-server is not available: $kms_unavailable"
  say "measuring k-mcp alone"
  kms_properties=(-Dbench.kms.unavailable="$kms_unavailable")
fi

commit="$(bench_commit)"

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java" -cp "acceptance-tests/target/test-classes:$(cat "$work/classpath.txt")" \
  -Dkmcp.jar="$root/bootstrap/target/k-mcp.jar" \
  -Dkmcp.scripts="$root/scripts" \
  -Dbench.output="$root/bench/results/latest.md" \
  -Dbench.runs="$runs" \
  -Dbench.verbose="$verbose" \
  -Dbench.commit="$commit" \
  "${kms_properties[@]}" \
  io.kmcp.acceptance.bench.DiagnosisBench

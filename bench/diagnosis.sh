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
say() { echo "[bench] $*" >&2; }

if $build; then
  say "building the project (mvn install; unit tests, acceptance suite and PIT skipped)"
  # Failsafe 3.6 no longer reads -DskipTests: without -DskipITs the whole acceptance suite would run.
  # Maven's output (even -q prints colour resets) goes to stderr: stdout carries the table only.
  mvn -B -q install -DskipTests -DskipITs -DskipPitest >&2
fi
if [[ ! -f bootstrap/target/k-mcp.jar || ! -d acceptance-tests/target/test-classes/io/kmcp/acceptance/bench ]]; then
  say "bootstrap/target/k-mcp.jar or the benchmark's classes are missing: run without --skip-build"
  exit 1
fi

# The test classpath of acceptance-tests (test bed, MCP client, fabric8 ...) from the local Maven
# repository, where the build installed the project's modules. The plugin version is pinned so that no
# registry is asked for the latest one.
say "writing the test classpath of acceptance-tests"
mvn -B -q -pl acceptance-tests org.apache.maven.plugins:maven-dependency-plugin:2.8:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt" >&2

# kubernetes-mcp-server: the npm package's launcher (bin/index.js) runs the Go binary of its platform
# package. Installed once per version under the cache; any failure is reported and k-mcp is measured alone.
kms_properties=()
kms_unavailable=""
unavailable() { kms_unavailable="$*"; }
install_kubernetes_mcp_server() {
  local node cache entry partial
  if ! command -v npm >/dev/null; then
    unavailable "npm is not installed, so kubernetes-mcp-server@$KMS_VERSION cannot be installed"
    return 1
  fi
  # The project's Node 22 (scripts/node/install.sh, cached); the machine's Node will do if that fails.
  node="$(bash scripts/node/install.sh 2>"$work/node-install.log" | sed -n 's/^NODE=//p' || true)"
  if [[ -z "$node" || ! -x "$node" ]]; then
    node="$(command -v node || true)"
    if [[ -z "$node" ]]; then
      unavailable "no Node: scripts/node/install.sh failed (see $work/node-install.log) and node is not on the PATH"
      return 1
    fi
    say "scripts/node/install.sh failed (see $work/node-install.log); using $node $("$node" --version)"
  fi
  cache="${XDG_CACHE_HOME:-$HOME/.cache}/k-mcp/kubernetes-mcp-server-$KMS_VERSION"
  if [[ ! -f "$cache/.complete" ]]; then
    say "installing kubernetes-mcp-server@$KMS_VERSION from the npm registry into $cache"
    mkdir -p "$(dirname "$cache")"
    partial="$(mktemp -d "$cache.partial.XXXXXX")"
    if ! (cd "$partial" && echo '{"private":true}' >package.json \
      && PATH="$(dirname "$node"):$PATH" npm install --no-save --no-package-lock --loglevel=error \
        --no-fund --no-audit --no-update-notifier "kubernetes-mcp-server@$KMS_VERSION") >"$work/kms-install.log" 2>&1; then
      rm -rf "$partial"
      unavailable "npm install kubernetes-mcp-server@$KMS_VERSION failed: $(tail -n 3 "$work/kms-install.log" | tr '\n' ' ')"
      return 1
    fi
    touch "$partial/.complete"
    rm -rf "$cache"
    mv "$partial" "$cache" 2>/dev/null || [[ -f "$cache/.complete" ]]
  fi
  entry="$cache/node_modules/kubernetes-mcp-server/bin/index.js"
  if ! "$node" "$entry" --version >"$work/kms-version.txt" 2>&1; then
    unavailable "kubernetes-mcp-server@$KMS_VERSION does not run here: $(head -n 3 "$work/kms-version.txt" | tr '\n' ' ')"
    return 1
  fi
  kms_properties=(-Dbench.kms.node="$node" -Dbench.kms.entry="$entry" -Dbench.kms.version="$KMS_VERSION")
}
if ! install_kubernetes_mcp_server; then
  say "kubernetes-mcp-server is not available: $kms_unavailable"
  say "measuring k-mcp alone"
  kms_properties=(-Dbench.kms.unavailable="$kms_unavailable")
fi

# The source revision, for the record (read-only git commands).
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
git diff-index --quiet HEAD -- 2>/dev/null || commit="$commit with uncommitted changes"

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

#!/usr/bin/env bash
# Start-up benchmark: how fast k-mcp is ready and how much memory it holds, started by bin/k-mcp (with
# and without its AOT cache, Java 25 and 17) and by java -jar (Java 25 and 17), against a local
# kube-apiserver. Prints a Markdown table and writes it to bench/results/startup.md. See bench/README.md.
#
#   bench/startup.sh                  # build the distribution (tests skipped), run, write the table
#   bench/startup.sh --skip-build     # reuse what the last build made
#   bench/startup.sh --runs 9         # measured starts per configuration (default 5, after one warm-up)
#   bench/startup.sh --memory 256m    # the container memory limit every JVM is sized for (default 512m)
#   bench/startup.sh --stub           # against the build's stub API server instead of a control plane
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/java-home.sh

build=true
runs=5
memory=512m
stub=false
while (($#)); do
  case "$1" in
    --skip-build) build=false ;;
    --runs) runs="${2:?--runs needs a number}"; shift ;;
    --memory) memory="${2:?--memory needs a size such as 512m}"; shift ;;
    --stub) stub=true ;;
    -h | --help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

say() { echo "[bench] $*" >&2; }
java25="${JAVA_HOME:?}"
java17="${KMCP_JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}"
if [[ "$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$java25/release" 2>/dev/null)" -lt 25 ]]; then
  say "no JDK 25 (JAVA_HOME is $java25): the AOT cache needs one; see scripts/java-home.sh"
  exit 1
fi
if [[ ! -x "$java17/bin/java" ]]; then
  say "no JDK 17 at $java17 (KMCP_JDK17 names another)"
  exit 1
fi

work="$root/target/bench/startup"
mkdir -p "$work"
if $build; then
  say "building the distribution and the test bed (mvn install of bootstrap and what it needs; tests skipped)"
  mvn -B -q -pl bootstrap -am install -DskipTests -DskipITs -DskipPitest -Dkmcp.image.skip=true >&2
fi
if [[ ! -x bootstrap/target/k-mcp/bin/k-mcp || ! -f bootstrap/target/k-mcp.jar ]]; then
  say "bootstrap/target/k-mcp/ is missing: run without --skip-build"
  exit 1
fi
say "writing the test classpath of bootstrap"
mvn -B -q -pl bootstrap org.apache.maven.plugins:maven-dependency-plugin:2.8:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt" >&2

# This work tree's classes first: the local Maven repository may hold the same snapshot from another one.
classes=bootstrap/target/test-classes:adapters-kubernetes/target/test-classes
for module in adapters-kubernetes adapters-mcp application domain; do classes="$classes:$module/target/classes"; done
exec "$java25/bin/java" -cp "$classes:$(cat "$work/classpath.txt")" \
  -Dkmcp.projectRoot="$root" \
  -Dbench.distribution="$root/bootstrap/target/k-mcp" \
  -Dbench.jar="$root/bootstrap/target/k-mcp.jar" \
  -Dbench.java25="$java25" \
  -Dbench.java17="$java17" \
  -Dbench.runs="$runs" \
  -Dbench.memory="$memory" \
  -Dbench.stub="$stub" \
  -Dbench.work="$work" \
  -Dbench.output="$root/bench/results/startup.md" \
  io.kmcp.bootstrap.launcher.StartupBench

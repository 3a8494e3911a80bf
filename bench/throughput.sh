#!/usr/bin/env bash
# The throughput benchmark: k-mcp (the jar on Java 17 and on Java 25), kubernetes-mcp-server (stateful
# and --stateless) and the bare API server, on one local control plane and one service account, under
# wrk in interleaved rounds: resource_list of 100 config maps at 1 and 16 connections, workload_diagnose
# at 4, start until ready, RSS idle, after load and across 1,000 distinct tokens, with k-mcp's targets.
# Prints a Markdown table and writes it to bench/results/throughput.md. Idempotent; see bench/README.md.
#
#   bench/throughput.sh                    # build, install wrk and kubernetes-mcp-server once, run (~10 min)
#   bench/throughput.sh --skip-build       # reuse the jar and the classes already built and installed
#   bench/throughput.sh --offline          # Maven offline (-o)
#   bench/throughput.sh --duration 10 --rounds 3 --warmup 5 --tokens 1000   # the defaults: 6, 3, 3, 1000
#   bench/throughput.sh --profile          # k-mcp's resource_list under a flight recording instead:
#                                          #   bench/results/profile-resource_list.md
#   bench/throughput.sh --profile --profile-duration 30 --profile-warmup 10 --profile-jvm java25
#                                          #   defaults: 20 s per lane after 10 s of warm-up, java17
set -euo pipefail

KMS_VERSION="${KMCP_BENCH_KMS_VERSION:-0.0.67}"   # kubernetes-mcp-server, npm registry
JVM_OPTIONS="${KMCP_BENCH_JVM_OPTIONS:--Xmx256m}" # k-mcp's JVM options, as the acceptance suite runs the jar

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

build=true
offline=false
duration=6
rounds=3
warmup=3
tokens=1000
profile=false
profile_duration=20
profile_warmup=10
profile_jvm=java17
number() { [[ "${2:-}" =~ ^[0-9]+$ ]] || { echo "$1 needs a number" >&2; exit 2; }; }
while (($#)); do
  case "$1" in
    --skip-build) build=false ;;
    --offline) offline=true ;;
    --duration) number "$1" "${2:-}"; duration="$2"; shift ;;
    --rounds) number "$1" "${2:-}"; rounds="$2"; shift ;;
    --warmup) number "$1" "${2:-}"; warmup="$2"; shift ;;
    --tokens) number "$1" "${2:-}"; tokens="$2"; shift ;;
    --profile) profile=true ;;
    --profile-duration) number "$1" "${2:-}"; profile_duration="$2"; shift ;;
    --profile-warmup) number "$1" "${2:-}"; profile_warmup="$2"; shift ;;
    --profile-jvm)
      case "${2:-}" in java17 | java25) profile_jvm="$2" ;; *) echo "--profile-jvm is java17 or java25" >&2; exit 2 ;; esac
      shift ;;
    -h | --help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

work="$root/target/bench/throughput"
mkdir -p "$work"
source "$root/bench/common.sh"
! $offline || mvn_args=(-o)

if $build; then
  bench_build
fi
bench_require_build
bench_classpath

# wrk from Debian's packages, unpacked under the cache without root.
wrk="$(bash scripts/wrk/install.sh 2>"$work/wrk-install.log" | sed -n 's/^KMCP_WRK=//p' || true)"
if [[ -z "$wrk" || ! -x "$wrk" ]]; then
  say "wrk could not be installed (scripts/wrk/install.sh):"
  cat "$work/wrk-install.log" >&2
  exit 1
fi

# The JVMs k-mcp runs on: the first candidate of the right major version. KMCP_BENCH_JAVA17 and
# KMCP_BENCH_JAVA25 name a launcher (bin/java) explicitly.
major_of() { "$1" -version 2>&1 | sed -n '1s/^[^"]*"\([0-9]*\).*/\1/p'; }
find_java() {
  local major="$1" candidate
  shift
  for candidate in "$@"; do
    if [[ -n "$candidate" && -x "$candidate" && "$(major_of "$candidate")" == "$major" ]]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}
jvm_properties=()
for major in 17 25; do
  explicit_var="KMCP_BENCH_JAVA$major"
  # shellcheck disable=SC2206 # the globs are meant to expand
  candidates=("${!explicit_var:-}" "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)"
    /usr/lib/jvm/temurin-$major-jdk-*/bin/java /usr/lib/jvm/java-$major-openjdk-*/bin/java /usr/lib/jvm/*-$major*/bin/java)
  if launcher="$(find_java "$major" "${candidates[@]}")"; then
    say "Java $major: $launcher"
    jvm_properties+=(-Dbench.java$major="$launcher")
  else
    say "no Java $major found (set $explicit_var to its bin/java): k-mcp is not measured on it"
    jvm_properties+=(-Dbench.java$major.unavailable="no Java $major on this machine (set $explicit_var)")
  fi
done

kms_properties_or_reason=()
if ! $profile; then
  if install_kubernetes_mcp_server; then
    kms_properties_or_reason=("${kms_properties[@]}")
  else
    say "kubernetes-mcp-server is not available: $kms_unavailable"
    kms_properties_or_reason=(-Dbench.kms.unavailable="$kms_unavailable")
  fi
fi

# The driver runs on Java 17 (JAVA_HOME or the PATH's), or on Java 25 to read a Java 25 recording.
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
profile_properties=()
if $profile; then
  profile_properties=(-Dbench.profile="$root/bench/results/profile-resource_list.md"
    -Dbench.profile.duration="$profile_duration" -Dbench.profile.warmup="$profile_warmup"
    -Dbench.profile.jvm="$profile_jvm")
  if [[ $profile_jvm == java25 ]]; then
    java="$(find_java 25 "${KMCP_BENCH_JAVA25:-}" /usr/lib/jvm/temurin-25-jdk-*/bin/java /usr/lib/jvm/*-25*/bin/java)" \
      || { say "--profile-jvm java25: no Java 25 found"; exit 1; }
  fi
fi

say "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
exec "$java" -cp "acceptance-tests/target/test-classes:$(cat "$work/classpath.txt")" \
  -Dkmcp.jar="$root/bootstrap/target/k-mcp.jar" \
  -Dbench.launcher="$root/bootstrap/target/k-mcp/bin/k-mcp" \
  -Dkmcp.scripts="$root/scripts" \
  -Dbench.wrk="$wrk" \
  -Dbench.jvm.options="$JVM_OPTIONS" \
  -Dbench.duration="$duration" \
  -Dbench.rounds="$rounds" \
  -Dbench.warmup="$warmup" \
  -Dbench.tokens="$tokens" \
  -Dbench.output="$root/bench/results/throughput.md" \
  -Dbench.work="$work" \
  -Dbench.commit="$(bench_commit)" \
  "${jvm_properties[@]}" \
  ${kms_properties_or_reason[@]+"${kms_properties_or_reason[@]}"} \
  ${profile_properties[@]+"${profile_properties[@]}"} \
  io.kmcp.acceptance.bench.ThroughputBench

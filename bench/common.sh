# Shared by the benchmark scripts (sourced, not run): the build, the test classpath of acceptance-tests
# and kubernetes-mcp-server from npm. Expects $root (the repository), $work (a scratch directory) and
# KMS_VERSION; defines say(). Maven is given mvn_args too (--offline sets -o).

mvn_args=()
say() { echo "[bench] $*" >&2; }

# Builds and installs every module (unit tests, acceptance suite and PIT skipped).
bench_build() {
  say "building the project (mvn package; unit tests, acceptance suite and PIT skipped)"
  # Failsafe 3.6 no longer reads -DskipTests: without -DskipITs the whole acceptance suite would run.
  # Maven's output (even -q prints colour resets) goes to stderr: stdout carries the table only.
  # package, not install: the local Maven repository may be shared, and this checkout's classes are put
  # first on the classpath below instead.
  mvn -B -q ${mvn_args[@]+"${mvn_args[@]}"} package -DskipTests -DskipITs -DskipPitest -Dkmcp.image.skip=true >&2
}

# Fails unless the jar and the benchmark's classes have been built.
bench_require_build() {
  if [[ ! -f bootstrap/target/k-mcp.jar || ! -d acceptance-tests/target/test-classes/io/kmcp/acceptance/bench ]]; then
    say "bootstrap/target/k-mcp.jar or the benchmark's classes are missing: run without --skip-build"
    exit 1
  fi
}

# Writes the test classpath of acceptance-tests (test bed, MCP client, fabric8 ...) to
# $work/classpath.txt, from the local Maven repository, where the build installed the project's
# modules. The plugin version is pinned so that no registry is asked for the latest one.
bench_classpath() {
  say "writing the test classpath of acceptance-tests"
  mvn -B -q ${mvn_args[@]+"${mvn_args[@]}"} -pl acceptance-tests org.apache.maven.plugins:maven-dependency-plugin:2.8:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt" >&2
  # The plugin names k-mcp's own modules as jars of the local Maven repository, which another checkout
  # may have installed: this checkout's classes go first.
  local own=""
  for dir in domain/target/classes application/target/classes adapters-mcp/target/classes \
    adapters-kubernetes/target/classes adapters-kubernetes/target/test-classes bootstrap/target/classes; do
    own="$own$root/$dir:"
  done
  printf '%s%s' "$own" "$(cat "$work/classpath.txt")" >"$work/classpath.txt.new"
  mv "$work/classpath.txt.new" "$work/classpath.txt"
}

# kubernetes-mcp-server: the npm package's launcher (bin/index.js) runs the Go binary of its platform
# package. Installed once per version under the cache. On success sets kms_properties (the -D options
# that give it to the Java driver); on failure sets kms_unavailable (why) and returns 1.
kms_properties=()
kms_unavailable=""
install_kubernetes_mcp_server() {
  local node cache entry partial
  if ! command -v npm >/dev/null; then
    kms_unavailable="npm is not installed, so kubernetes-mcp-server@$KMS_VERSION cannot be installed"
    return 1
  fi
  # The project's Node 22 (scripts/node/install.sh, cached); the machine's Node will do if that fails.
  node="$(bash scripts/node/install.sh 2>"$work/node-install.log" | sed -n 's/^NODE=//p' || true)"
  if [[ -z "$node" || ! -x "$node" ]]; then
    node="$(command -v node || true)"
    if [[ -z "$node" ]]; then
      kms_unavailable="no Node: scripts/node/install.sh failed (see $work/node-install.log) and node is not on the PATH"
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
      kms_unavailable="npm install kubernetes-mcp-server@$KMS_VERSION failed: $(tail -n 3 "$work/kms-install.log" | tr '\n' ' ')"
      return 1
    fi
    touch "$partial/.complete"
    rm -rf "$cache"
    mv "$partial" "$cache" 2>/dev/null || [[ -f "$cache/.complete" ]]
  fi
  entry="$cache/node_modules/kubernetes-mcp-server/bin/index.js"
  if ! "$node" "$entry" --version >"$work/kms-version.txt" 2>&1; then
    kms_unavailable="kubernetes-mcp-server@$KMS_VERSION does not run here: $(head -n 3 "$work/kms-version.txt" | tr '\n' ' ')"
    return 1
  fi
  kms_properties=(-Dbench.kms.node="$node" -Dbench.kms.entry="$entry" -Dbench.kms.version="$KMS_VERSION")
}

# The source revision, for the record (read-only git commands).
bench_commit() {
  local commit
  commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  git diff-index --quiet HEAD -- 2>/dev/null || commit="$commit with uncommitted changes"
  echo "$commit"
}

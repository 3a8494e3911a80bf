#!/usr/bin/env bash
# Installs, from the npm registry only, a Node 22 binary and the two MCP tools that need it:
# the MCP Inspector (CLI mode) and the official MCP conformance suite, at pinned versions.
# Idempotent: each is cached by version under ${XDG_CACHE_HOME:-~/.cache}/k-mcp/ and installed once.
# Prints, one per line, KEY=VALUE for NODE, INSPECTOR and CONFORMANCE (the entry points to run with NODE).
#
#   scripts/node/install.sh            # install if needed, print the paths
#   NODE=$(scripts/node/install.sh | sed -n 's/^NODE=//p')
set -euo pipefail

NODE_VERSION="${KMCP_NODE_VERSION:-22.23.3}"
# 2.12.0 speaks both revisions k-mcp serves: 2025-11-25 by default, 2026-07-28 with --protocol-era modern.
INSPECTOR_VERSION="${KMCP_INSPECTOR_VERSION:-2.12.0}"
# A 0.2.0 prerelease: npm's `latest` (0.1.16) knows no 2026-07-28 scenario and no --requirements, which
# this one has for both revisions, so one install serves both lanes.
CONFORMANCE_VERSION="${KMCP_CONFORMANCE_VERSION:-0.2.0-alpha.12}"

cache="${XDG_CACHE_HOME:-$HOME/.cache}/k-mcp"
mkdir -p "$cache"
# npm's own output goes to stderr: stdout carries the result only.
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x64 ;;
  Linux-aarch64) platform=linux-arm64 ;;
  Darwin-x86_64) platform=darwin-x64 ;;
  Darwin-arm64) platform=darwin-arm64 ;;
  *) echo "no Node binary package for $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac

# Installs into $1 (atomically: a half-finished install is never seen as done) with the command "${@:2}".
install_once() {
  local target="$1"; shift
  [[ -f "$target/.complete" ]] && return 0
  local work
  work="$(mktemp -d "$target.partial.XXXXXX")"
  trap 'rm -rf "$work"' RETURN
  "$@" "$work" >&2
  touch "$work/.complete"
  rm -rf "$target"
  mv "$work" "$target" 2>/dev/null || [[ -f "$target/.complete" ]]   # another run may have won the race
}

fetch_node() {
  # node-<platform> is the npm package whose tarball holds the official binary (bin/node).
  (cd "$1" && npm pack --silent "node-$platform@$NODE_VERSION" >/dev/null \
     && tar xzf "node-$platform-$NODE_VERSION.tgz" --strip-components=1 package/bin/node package/LICENSE \
     && rm "node-$platform-$NODE_VERSION.tgz")
}

node_dir="$cache/node-$NODE_VERSION"
install_once "$node_dir" fetch_node
node="$node_dir/bin/node"
"$node" --version >/dev/null

fetch_tools() {
  # The tools' own install scripts run with Node 22 first on the PATH.
  (cd "$1" && echo '{"private":true}' > package.json \
     && PATH="$node_dir/bin:$PATH" npm install --no-save --no-package-lock --omit=dev --loglevel=error \
          "@modelcontextprotocol/inspector@$INSPECTOR_VERSION" \
          "@modelcontextprotocol/conformance@$CONFORMANCE_VERSION")
}

tools_dir="$cache/mcp-tools-inspector-$INSPECTOR_VERSION-conformance-$CONFORMANCE_VERSION"
install_once "$tools_dir" fetch_tools

bin_of() { # the entry point a package declares for the command $2
  "$node" -e 'const p=require(process.argv[1]);const b=typeof p.bin==="string"?p.bin:p.bin[process.argv[2]];console.log(require("path").resolve(require("path").dirname(process.argv[1]),b))' \
    "$tools_dir/node_modules/$1/package.json" "$3"
}
echo "NODE=$node"
echo "INSPECTOR=$(bin_of @modelcontextprotocol/inspector inspector mcp-inspector)"
echo "CONFORMANCE=$(bin_of @modelcontextprotocol/conformance conformance conformance)"

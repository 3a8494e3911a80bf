#!/usr/bin/env bash
# Installs wrk (the HTTP benchmarking tool) from this machine's Debian packages, without root and
# without a system install: the candidate wrk package, and the packages of the shared libraries this
# machine lacks (LuaJIT, usually), are downloaded with apt-get and unpacked with dpkg-deb -x under
#   ${XDG_CACHE_HOME:-~/.cache}/k-mcp/wrk/<version>/
# once per version (idempotent: with a warm cache it only checks that the binary runs).
# The last line printed on stdout is KMCP_WRK=<wrapper>, a script that runs that wrk with its
# libraries; everything else goes to stderr.
#
#   scripts/wrk/install.sh
#   WRK=$(scripts/wrk/install.sh | sed -n 's/^KMCP_WRK=//p')
set -euo pipefail

log() { printf '[wrk] %s\n' "$*" >&2; }
source "$(dirname "${BASH_SOURCE[0]}")/../lib/debian.sh"

wrapper="$(debian_install_tool wrk usr/bin/wrk)"

# wrk has no version flag: with -v it prints its version, then its usage, and exits with 1.
runs="$("$wrapper" -v 2>&1 || true)"
if [[ $runs != wrk* ]]; then
  log "the installed wrk does not run: ${runs%%$'\n'*}"
  exit 1
fi
log "${runs%%$'\n'*}"
echo "KMCP_WRK=$wrapper"

#!/usr/bin/env bash
# Installs HAProxy from this machine's Debian packages without root and without a system install:
# the candidate haproxy package and the packages of the shared libraries this machine lacks are
# downloaded with apt-get and unpacked with dpkg-deb -x under
#   ${XDG_CACHE_HOME:-~/.cache}/k-mcp/haproxy/<version>/
# once per version (idempotent: with a warm cache it only checks that the binary runs).
# The last line printed on stdout is KMCP_HAPROXY=<wrapper>, a script that runs that haproxy with
# its libraries; everything else goes to stderr.
#
#   scripts/haproxy/install.sh
#   HAPROXY=$(scripts/haproxy/install.sh | sed -n 's/^KMCP_HAPROXY=//p')
set -euo pipefail

log() { printf '[haproxy] %s\n' "$*" >&2; }
source "$(dirname "${BASH_SOURCE[0]}")/../lib/debian.sh"

wrapper="$(debian_install_tool haproxy usr/sbin/haproxy)"

# Not piped into head: haproxy would die of SIGPIPE, and pipefail would fail the install.
runs="$("$wrapper" -v)"
log "${runs%%$'\n'*}"
echo "KMCP_HAPROXY=$wrapper"

#!/usr/bin/env bash
# Installs skopeo (reads, checks and copies container images without a daemon) from this machine's
# Debian packages, without root and without a system install, under
#   ${XDG_CACHE_HOME:-~/.cache}/k-mcp/skopeo/<version>/
# once per version. The image test reads the image archive with it, as a registry push would.
# The last line printed on stdout is KMCP_SKOPEO=<wrapper>; everything else goes to stderr.
#
#   SKOPEO=$(scripts/skopeo/install.sh | sed -n 's/^KMCP_SKOPEO=//p')
set -euo pipefail

log() { printf '[skopeo] %s\n' "$*" >&2; }
source "$(dirname "${BASH_SOURCE[0]}")/../lib/debian.sh"

wrapper="$(debian_install_tool skopeo usr/bin/skopeo)"
log "$("$wrapper" --version)"
echo "KMCP_SKOPEO=$wrapper"

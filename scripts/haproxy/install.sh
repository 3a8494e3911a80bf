#!/usr/bin/env bash
# Installs HAProxy from this machine's Debian packages without root and without a system install:
# the candidate haproxy package and the packages of the shared libraries this machine lacks are
# downloaded with apt-get and unpacked with dpkg -x under
#   ${XDG_CACHE_HOME:-~/.cache}/k-mcp/haproxy/<version>/
# once per version (idempotent: with a warm cache it only checks that the binary runs).
# The last line printed on stdout is KMCP_HAPROXY=<wrapper>, a script that runs that haproxy with
# its libraries; everything else goes to stderr.
#
#   scripts/haproxy/install.sh
#   HAPROXY=$(scripts/haproxy/install.sh | sed -n 's/^KMCP_HAPROXY=//p')
set -euo pipefail

log() { printf '[haproxy] %s\n' "$*" >&2; }

for tool in apt-cache apt-get dpkg-deb dpkg-query ldd; do
  command -v "$tool" >/dev/null || { log "$tool is required: this script installs HAProxy from Debian packages"; exit 1; }
done

cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/k-mcp/haproxy"

candidate() { apt-cache policy haproxy 2>/dev/null | sed -n 's/^ *Candidate: *//p'; }

# A fresh machine (a CI image) may have no package lists yet; only root can fetch them.
refresh_package_lists() {
  [[ $EUID -eq 0 ]] || return 1
  log "refreshing the package lists (apt-get update)"
  apt-get update -qq >&2
}

version="$(candidate)"
if [[ -z $version || $version == "(none)" ]] && refresh_package_lists; then
  version="$(candidate)"
fi
if [[ -z $version || $version == "(none)" ]]; then
  log "apt knows no haproxy package here (apt-cache policy haproxy); run apt-get update as root first"
  exit 1
fi

# An epoch (1:2.6…) would put a colon in the path, which LD_LIBRARY_PATH cannot hold.
dir="$cache_root/${version//:/_}"
wrapper="$dir/haproxy"

# Unpacks into the directory $1 (downloading into $2) the haproxy package and, round after round,
# the packages of the libraries ldd still cannot find, looked for among the dependencies of what
# was unpacked last: the packages that own the missing libraries are not installed, so dpkg -S
# cannot name them, and apt-file is rarely there.
install_into() {
  local target="$1" downloads="$2"
  # apt-get download writes into the current directory.
  (cd "$downloads" && fetch haproxy)
  unpack "$downloads/haproxy_"*.deb "$target"
  local -A fetched=([haproxy]=1)
  local -a candidates wanted
  mapfile -t candidates < <(dependencies "$downloads/haproxy_"*.deb)
  while [[ -n "$(missing_libraries "$target")" ]]; do
    wanted=()
    for package in "${candidates[@]}"; do
      if [[ $package == lib* && -z ${fetched[$package]:-} ]] && ! installed "$package"; then
        wanted+=("$package")
        fetched[$package]=1
      fi
    done
    if [[ ${#wanted[@]} -eq 0 ]]; then
      log "no package found for these libraries: $(missing_libraries "$target" | tr '\n' ' ')"
      return 1
    fi
    log "fetching the libraries this machine lacks: ${wanted[*]}"
    (cd "$downloads" && fetch "${wanted[@]}")
    candidates=()
    for package in "${wanted[@]}"; do
      unpack "$downloads/${package}_"*.deb "$target"
      mapfile -t -O "${#candidates[@]}" candidates < <(dependencies "$downloads/${package}_"*.deb)
    done
  done
  write_wrapper "$target"
}

fetch() {
  local -a options=()
  # As root apt drops to the _apt user to download, which cannot write into a private temp dir.
  [[ $EUID -ne 0 ]] || options=(-o APT::Sandbox::User=root)
  apt-get "${options[@]}" download "$@" >&2 || { refresh_package_lists && apt-get "${options[@]}" download "$@" >&2; }
}

unpack() {
  log "unpacking $(basename "$1")"
  dpkg-deb -x "$1" "$2"
}

# The packages a .deb depends on, first alternative of each, without versions or architectures.
dependencies() {
  dpkg-deb -f "$1" Depends | tr ',' '\n' | sed -E 's/\|.*//; s/\(.*\)//; s/:any//; s/ //g' | grep -v '^$' || true
}

installed() {
  [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" == installed ]]
}

# The directories of the unpacked shared libraries, relative to $1, joined with colons.
library_path() {
  (cd "$1" && find . -name '*.so*' -printf '%h\n' 2>/dev/null | sed 's|^\./||' | sort -u | paste -sd:)
}

missing_libraries() {
  local relative absolute=""
  relative="$(library_path "$1")"
  if [[ -n $relative ]]; then
    absolute="$1/${relative//:/:$1/}"
  fi
  LD_LIBRARY_PATH="$absolute" ldd "$1/usr/sbin/haproxy" | awk '/not found/ { print $1 }'
}

write_wrapper() {
  local relative libraries
  relative="$(library_path "$1")"
  libraries="\$here/${relative//:/:\$here/}"
  cat > "$1/haproxy" <<EOF
#!/bin/sh
# Runs the haproxy unpacked beside this script with the libraries unpacked with it.
here="\$(cd "\$(dirname "\$0")" && pwd)"
LD_LIBRARY_PATH="$libraries\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}" exec "\$here/usr/sbin/haproxy" "\$@"
EOF
  chmod +x "$1/haproxy"
}

if [[ -x $dir/usr/sbin/haproxy && -x $wrapper ]]; then
  log "haproxy $version: cached in $dir"
else
  mkdir -p "$cache_root"
  # A half-finished install is never seen as done: it is built aside and moved into place.
  work="$(mktemp -d "$dir.partial.XXXXXX")"
  downloads="$(mktemp -d)"
  trap 'rm -rf "$work" "$downloads"' EXIT
  install_into "$work" "$downloads"
  rm -rf "$dir"
  mv "$work" "$dir" 2>/dev/null || [[ -x $wrapper ]]   # another run may have won the race
  log "haproxy $version: installed in $dir"
fi

# Not piped into head: haproxy would die of SIGPIPE, and pipefail would fail the install.
runs="$("$wrapper" -v)"
log "${runs%%$'\n'*}"
echo "KMCP_HAPROXY=$wrapper"

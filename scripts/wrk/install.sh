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

for tool in apt-cache apt-get dpkg-deb dpkg-query ldd; do
  command -v "$tool" >/dev/null || { log "$tool is required: this script installs wrk from Debian packages"; exit 1; }
done

cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/k-mcp/wrk"

candidate() { apt-cache policy wrk 2>/dev/null | sed -n 's/^ *Candidate: *//p'; }

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
  log "apt knows no wrk package here (apt-cache policy wrk); run apt-get update as root first"
  exit 1
fi

# An epoch (1:4.1…) would put a colon in the path, which LD_LIBRARY_PATH cannot hold.
dir="$cache_root/${version//:/_}"
wrapper="$dir/wrk"
binary=usr/bin/wrk

fetch() {
  local -a options=()
  # As root, apt drops to the _apt user to download, which cannot write into a private temp dir.
  [[ $EUID -ne 0 ]] || options=(-o APT::Sandbox::User=root)
  apt-get "${options[@]}" download "$@" >&2 || { refresh_package_lists && apt-get "${options[@]}" download "$@" >&2; }
}

unpack() {
  log "unpacking $(basename "$1")"
  dpkg-deb -x "$1" "$2"
}

# The packages a .deb depends on, every alternative of each, without versions or architectures:
# wrk depends on "libluajit-5.1-2 | libluajit2-5.1-2", and either will do.
dependencies() {
  dpkg-deb -f "$1" Depends | tr ',|' '\n\n' | sed -E 's/\(.*\)//; s/:any//; s/ //g' | grep -v '^$' || true
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
  LD_LIBRARY_PATH="$absolute" ldd "$1/$binary" | awk '/not found/ { print $1 }'
}

# Unpacks into $1 (downloading into $2) the wrk package and, one package at a time, the library
# packages among its dependencies that this machine has not installed, until ldd finds every library.
# The packages that own the missing libraries are not installed, so dpkg -S cannot name them, and
# apt-file is rarely there: they are looked for among the dependencies.
install_into() {
  local target="$1" downloads="$2" package
  (cd "$downloads" && fetch wrk)
  unpack "$downloads/wrk_"*.deb "$target"
  local -A seen=([wrk]=1)
  local -a candidates
  mapfile -t candidates < <(dependencies "$downloads/wrk_"*.deb)
  while [[ -n "$(missing_libraries "$target")" ]]; do
    package=""
    while ((${#candidates[@]})); do
      local next="${candidates[0]}"
      candidates=("${candidates[@]:1}")
      if [[ $next == lib* && -z ${seen[$next]:-} ]] && ! installed "$next"; then
        package="$next"
        break
      fi
    done
    if [[ -z $package ]]; then
      log "no package found for these libraries: $(missing_libraries "$target" | tr '\n' ' ')"
      return 1
    fi
    seen[$package]=1
    log "fetching a library this machine lacks: $package"
    (cd "$downloads" && fetch "$package")
    unpack "$downloads/${package}_"*.deb "$target"
    mapfile -t -O "${#candidates[@]}" candidates < <(dependencies "$downloads/${package}_"*.deb)
  done
  write_wrapper "$target"
}

write_wrapper() {
  local relative libraries=""
  relative="$(library_path "$1")"
  [[ -z $relative ]] || libraries="\$here/${relative//:/:\$here/}"
  cat > "$1/wrk" <<WRAPPER
#!/bin/sh
# Runs the wrk unpacked beside this script with the libraries unpacked with it.
here="\$(cd "\$(dirname "\$0")" && pwd)"
LD_LIBRARY_PATH="$libraries\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}" exec "\$here/$binary" "\$@"
WRAPPER
  chmod +x "$1/wrk"
}

if [[ -x $dir/$binary && -x $wrapper ]]; then
  log "wrk $version: cached in $dir"
else
  mkdir -p "$cache_root"
  # A half-finished install is never seen as done: it is built aside and moved into place.
  work="$(mktemp -d "$dir.partial.XXXXXX")"
  downloads="$(mktemp -d)"
  trap 'rm -rf "$work" "$downloads"' EXIT
  install_into "$work" "$downloads"
  rm -rf "$dir"
  mv "$work" "$dir" 2>/dev/null || [[ -x $wrapper ]]   # another run may have won the race
  log "wrk $version: installed in $dir"
fi

# wrk has no version flag: with -v it prints its version, then its usage, and exits with 1.
runs="$("$wrapper" -v 2>&1 || true)"
if [[ $runs != wrk* ]]; then
  log "the installed wrk does not run: ${runs%%$'\n'*}"
  exit 1
fi
log "${runs%%$'\n'*}"
echo "KMCP_WRK=$wrapper"

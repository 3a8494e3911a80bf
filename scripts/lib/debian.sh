# Debian packages without a system install, for the scripts that need a tool or a file tree this
# machine's package manager serves (HAProxy, wrk, the image's base): the packages are downloaded with
# apt-get and unpacked with dpkg-deb -x where the caller says, with no root needed (as root, apt's
# download sandbox is switched off so that it can write into a private directory).
#
# Sourced, not run. The caller defines log() first; functions write progress to stderr only.

for tool in apt-cache apt-get dpkg-deb dpkg-query; do
  command -v "$tool" >/dev/null || { log "$tool is required: this step uses Debian packages"; exit 1; }
done

# The version apt would install of package $1, or nothing when apt knows none.
debian_candidate() {
  local version
  version="$(apt-cache policy "$1" 2>/dev/null | sed -n 's/^ *Candidate: *//p')"
  [[ $version == "(none)" ]] || echo "$version"
}

# Like debian_candidate, but a fresh machine (a CI image) may have no package lists yet: as root they are
# fetched once; otherwise the failure says what to do.
debian_require_candidate() {
  local version
  version="$(debian_candidate "$1")"
  if [[ -z $version ]] && debian_refresh_package_lists; then
    version="$(debian_candidate "$1")"
  fi
  if [[ -z $version ]]; then
    log "apt knows no $1 package here (apt-cache policy $1); run apt-get update as root first"
    return 1
  fi
  echo "$version"
}

debian_refresh_package_lists() {
  [[ $EUID -eq 0 ]] || return 1
  log "refreshing the package lists (apt-get update)"
  apt-get update -qq >&2
}

# Downloads the packages named into the current directory.
debian_fetch() {
  local -a options=()
  # As root apt drops to the _apt user to download, which cannot write into a private temp dir.
  [[ $EUID -ne 0 ]] || options=(-o APT::Sandbox::User=root)
  apt-get "${options[@]}" download "$@" >&2 || { debian_refresh_package_lists && apt-get "${options[@]}" download "$@" >&2; }
}

# Unpacks the .deb $1 into the directory $2.
debian_unpack() {
  log "unpacking $(basename "$1")"
  dpkg-deb -x "$1" "$2"
}

# The packages a .deb depends on, first alternative of each, without versions or architectures.
debian_dependencies() {
  dpkg-deb -f "$1" Depends | tr ',' '\n' | sed -E 's/\|.*//; s/\(.*\)//; s/:any//; s/ //g' | grep -v '^$' || true
}

debian_installed() {
  [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" == installed ]]
}

# The directories of the shared libraries unpacked under $1, relative to it, joined with colons.
debian_library_path() {
  (cd "$1" && find . -name '*.so*' -printf '%h\n' 2>/dev/null | sed 's|^\./||' | sort -u | paste -sd:)
}

# The shared libraries the binary $2 (unpacked under $1) cannot find, here or among those unpacked with it.
debian_missing_libraries() {
  local relative absolute=""
  relative="$(debian_library_path "$1")"
  if [[ -n $relative ]]; then
    absolute="$1/${relative//:/:$1/}"
  fi
  LD_LIBRARY_PATH="$absolute" ldd "$2" | awk '/not found/ { print $1 }'
}

# Unpacks into $2 the package $1 and, round after round, the packages of the libraries its binary $3
# (a path under $2) still cannot find, looked for among the dependencies of what was unpacked last:
# the packages that own the missing libraries are not installed, so dpkg -S cannot name them, and
# apt-file is rarely there. $4 is where the downloads go.
debian_unpack_with_libraries() {
  local package="$1" target="$2" binary="$3" downloads="$4"
  (cd "$downloads" && debian_fetch "$package")
  debian_unpack "$downloads/${package}_"*.deb "$target"
  local -A fetched=(["$package"]=1)
  local -a candidates wanted
  mapfile -t candidates < <(debian_dependencies "$downloads/${package}_"*.deb)
  while [[ -n "$(debian_missing_libraries "$target" "$target/$binary")" ]]; do
    wanted=()
    for dependency in "${candidates[@]}"; do
      if [[ $dependency == lib* && -z ${fetched[$dependency]:-} ]] && ! debian_installed "$dependency"; then
        wanted+=("$dependency")
        fetched[$dependency]=1
      fi
    done
    if [[ ${#wanted[@]} -eq 0 ]]; then
      log "no package found for these libraries: $(debian_missing_libraries "$target" "$target/$binary" | tr '\n' ' ')"
      return 1
    fi
    log "fetching the libraries this machine lacks: ${wanted[*]}"
    (cd "$downloads" && debian_fetch "${wanted[@]}")
    candidates=()
    for dependency in "${wanted[@]}"; do
      debian_unpack "$downloads/${dependency}_"*.deb "$target"
      mapfile -t -O "${#candidates[@]}" candidates < <(debian_dependencies "$downloads/${dependency}_"*.deb)
    done
  done
}

# Writes $1/$2, a script that runs the binary $1/$3 with the libraries unpacked under $1.
debian_write_wrapper() {
  local relative libraries=""
  relative="$(debian_library_path "$1")"
  [[ -z $relative ]] || libraries="\$here/${relative//:/:\$here/}"
  cat > "$1/$2" <<EOF
#!/bin/sh
# Runs the $2 unpacked beside this script with the libraries unpacked with it.
here="\$(cd "\$(dirname "\$0")" && pwd)"
LD_LIBRARY_PATH="$libraries\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}" exec "\$here/$3" "\$@"
EOF
  chmod +x "$1/$2"
}

# Installs the package $1, whose program is $2 (a path inside the package), with the libraries this
# machine lacks, under ${XDG_CACHE_HOME:-~/.cache}/k-mcp/$1/<version>/, once per version (with a warm
# cache it only finds it there), and prints the path of a wrapper that runs it on stdout.
debian_install_tool() {
  local package="$1" binary="$2" version dir wrapper work downloads
  version="$(debian_require_candidate "$package")" || return 1
  # An epoch (1:2.6…) would put a colon in the path, which LD_LIBRARY_PATH cannot hold.
  dir="${XDG_CACHE_HOME:-$HOME/.cache}/k-mcp/$package/${version//:/_}"
  wrapper="$dir/$package"
  if [[ -x $dir/$binary && -x $wrapper ]]; then
    log "$package $version: cached in $dir"
  else
    mkdir -p "$(dirname "$dir")"
    # A half-finished install is never seen as done: it is built aside and moved into place.
    work="$(mktemp -d "$dir.partial.XXXXXX")"
    downloads="$(mktemp -d)"
    if ! debian_unpack_with_libraries "$package" "$work" "$binary" "$downloads"; then
      rm -rf "$work" "$downloads"
      return 1
    fi
    debian_write_wrapper "$work" "$package" "$binary"
    rm -rf "$dir" "$downloads"
    mv "$work" "$dir" 2>/dev/null || [[ -x $wrapper ]]   # another run may have won the race
    log "$package $version: installed in $dir"
  fi
  echo "$wrapper"
}

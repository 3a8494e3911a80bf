#!/usr/bin/env bash
# Builds k-mcp's container image without a container engine or a registry, as one tar file: an OCI
# image layout that podman load, skopeo and docker load accept (scripts/image/oci_archive.py).
#
#   scripts/image/build.sh --distribution bootstrap/target/k-mcp --training-classpath CP \
#       --output bootstrap/target/k-mcp-image.tar --version 0.1.0
#
# Run by bootstrap's package phase (-Dkmcp.image.skip=true skips it). Layers, from the one that changes
# least to the one that changes most:
#   base          files of Debian packages (glibc, libgcc, zlib, CA certificates, tzdata, netbase), as
#                 this machine's apt serves them, and the users root and nonroot (65532); no shell, no
#                 package manager: only what a Java runtime needs
#   runtime       Java 25 cut to the modules k-mcp needs by jlink, with bin/k-mcp's JVM defaults built in
#                 (jlink --add-options), so that java alone starts k-mcp as the launcher does
#   dependencies  the third-party jars
#   application   k-mcp's own jars, the AOT cache trained on this very runtime, and the SBOM
# The base is cached by package versions and the runtime by JDK version, modules and options, under
# ${XDG_CACHE_HOME:-~/.cache}/k-mcp/image/.
set -euo pipefail

log() { printf '[image] %s\n' "$*" >&2; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
distribution="" classpath="" output="" version=""
while (($#)); do
  case "$1" in
    --distribution) distribution="$(cd "${2:?}" && pwd)"; shift ;;
    --training-classpath) classpath="${2:?}"; shift ;;
    --output) output="${2:?}"; shift ;;
    --version) version="${2:?}"; shift ;;
    *) log "unknown argument $1"; exit 2 ;;
  esac
  shift
done
[[ -n $distribution && -n $classpath && -n $output && -n $version ]] || {
  log "usage: build.sh --distribution DIR --training-classpath CP --output TAR --version VERSION"; exit 2; }
[[ -x $distribution/bin/k-mcp && -f $distribution/k-mcp.jar ]] || {
  log "$distribution is no k-mcp distribution (bin/k-mcp, k-mcp.jar): run mvn package"; exit 2; }

source "$root/scripts/java-home.sh"
if [[ ! -x ${JAVA_HOME:-}/bin/jlink ]] || (("$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME/release")" < 25)); then
  log "the image needs a JDK 25 (its jlink and its AOT cache); JAVA_HOME is ${JAVA_HOME:-unset}."
  log "Set JAVA_HOME to one, or build without the image: mvn package -Dkmcp.image.skip=true"
  exit 1
fi
command -v python3 >/dev/null || { log "python3 is required to write the image archive"; exit 1; }
source "$root/scripts/lib/debian.sh"

work="$(dirname "$output")/image"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/k-mcp/image"
rm -rf "$work"
mkdir -p "$work" "$cache"
# One time for every file and for the image, so that the same sources give the same layers: the
# commit's time, or the epoch outside a git checkout.
created="$(git -C "$root" log -1 --format=%ct 2>/dev/null || echo 0)"
revision="$(git -C "$root" rev-parse HEAD 2>/dev/null || echo unknown)"
fingerprint() { sha256sum | cut -c1-16; }

# --- base ---------------------------------------------------------------------------------------------
packages=(libc6 libgcc-s1 zlib1g ca-certificates tzdata netbase)
base_recipe=2   # raise when what is done to the packages below changes
pinned=()
for package in "${packages[@]}"; do
  pinned+=("$package=$(debian_require_candidate "$package")")
done
base="$cache/base-$(printf '%s\n' "$base_recipe" "${pinned[@]}" | fingerprint)"
if [[ -f $base/.complete ]]; then
  log "base: cached in $base (${pinned[*]})"
else
  log "base: ${pinned[*]}"
  partial="$(mktemp -d "$base.partial.XXXXXX")"
  downloads="$(mktemp -d)"
  (cd "$downloads" && debian_fetch "${pinned[@]}")
  for deb in "$downloads"/*.deb; do
    debian_unpack "$deb" "$partial/rootfs"
  done
  rm -rf "$downloads"
  (
    cd "$partial/rootfs"
    # What a runtime never reads: documentation (the licences stay), manuals, maintainer scripts' tools.
    find usr/share/doc -type f ! -name copyright -delete
    rm -rf usr/share/man usr/share/info usr/share/lintian usr/share/locale usr/sbin usr/bin sbin bin etc/ca-certificates.conf
    # What update-ca-certificates would make: one bundle of the CA certificates.
    mkdir -p etc/ssl/certs
    find usr/share/ca-certificates -name '*.crt' | sort | xargs cat > etc/ssl/certs/ca-certificates.crt
    ln -sfn /usr/share/zoneinfo/Etc/UTC etc/localtime
    echo "Etc/UTC" > etc/timezone
    printf '%s\n' 'root:x:0:0:root:/root:/sbin/nologin' 'nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin' \
      'nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin' > etc/passwd
    printf '%s\n' 'root:x:0:' 'nobody:x:65534:' 'nonroot:x:65532:' > etc/group
    printf '%s\n' 'passwd: files' 'group: files' 'hosts: files dns' > etc/nsswitch.conf
    mkdir -p home/nonroot root tmp proc dev sys
    chmod 1777 tmp
    chmod 700 root
    find . -type d -empty ! -path ./tmp ! -path ./home/nonroot ! -path ./root ! -path ./proc ! -path ./dev ! -path ./sys -delete
  )
  touch "$partial/.complete"
  rm -rf "$base"
  mv "$partial" "$base"
fi

# --- runtime ------------------------------------------------------------------------------------------
# The modules jdeps finds in k-mcp and its libraries (jdeps --print-module-deps --recursive), and
# jdk.crypto.cryptoki and jdk.zipfs, which are reached only through service lookups. A module missing
# here shows as a warning of the training run below (a tool call that failed) and fails ImageIT's call.
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.security.jgss,java.sql,java.xml,jdk.crypto.cryptoki,jdk.jfr,jdk.management,jdk.unsupported,jdk.zipfs
# bin/k-mcp's JVM defaults for this Java, as it would start k-mcp (without the cache, added below).
mapfile -t launch < <(JAVA_HOME="$JAVA_HOME" KMCP_PRINT_COMMAND=1 "$distribution/bin/k-mcp")
jvm_options=()
for word in "${launch[@]:1}"; do
  [[ $word == -jar ]] && break
  [[ $word == -XX:AOTCache=* ]] || jvm_options+=("$word")
done
java_version="$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
runtime="$cache/runtime-$(printf '%s\n' "$java_version" "$modules" "${jvm_options[*]}" | fingerprint)"
if [[ -f $runtime/.complete ]]; then
  log "runtime: cached in $runtime"
else
  log "runtime: jlink $java_version with $modules; JVM defaults ${jvm_options[*]}"
  rm -rf "$runtime"
  "$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --add-options="${jvm_options[*]}" --output "$runtime/java"
  touch "$runtime/.complete"
fi

# --- application --------------------------------------------------------------------------------------
# The files as the image holds them, under /opt/k-mcp. Their times are set before the training run:
# the AOT cache records the jars' times and sizes and is refused when they differ.
app="$work/rootfs/opt/k-mcp"
mkdir -p "$app"
cp -a "$runtime/java" "$app/runtime"
cp -a "$distribution/k-mcp.jar" "$distribution/lib" "$distribution/bin" "$app/"
sbom="$(dirname "$distribution")/k-mcp.cdx.json"
if [[ -f $sbom ]]; then
  cp "$sbom" "$app/k-mcp.cdx.json"
else
  log "warning: no SBOM at $sbom (an offline build skips it); the image goes without one"
fi
find "$work/rootfs" -exec touch -h -d "@$created" {} +

log "training the AOT cache on the image's runtime"
"$JAVA_HOME/bin/java" -cp "$classpath" io.kmcp.bootstrap.launcher.AotTrainingRun "$app" "$app/runtime" >&2
touch -d "@$created" "$app/k-mcp.aot"

# --- the archive --------------------------------------------------------------------------------------
app_files=(opt/k-mcp/k-mcp.jar "opt/k-mcp/lib/k-mcp-*.jar" opt/k-mcp/k-mcp.aot)
[[ ! -f $app/k-mcp.cdx.json ]] || app_files+=(opt/k-mcp/k-mcp.cdx.json)
python3 - "$work/spec.json" "$base/rootfs" "$work/rootfs" "$created" "$version" "$revision" "${app_files[@]}" <<'PYTHON'
import json, sys
spec_file, base, rootfs, created, version, revision, *app_files = sys.argv[1:]
labels = {
    "org.opencontainers.image.title": "k-mcp",
    "org.opencontainers.image.description": "An MCP server that lets AI agents work with Kubernetes clusters safely",
    "org.opencontainers.image.version": version,
    "org.opencontainers.image.revision": revision,
    "org.opencontainers.image.source": "https://github.com/k-mcp/k-mcp",
    "org.opencontainers.image.licenses": "Apache-2.0",
}
spec = {
    "created": int(created),
    "tag": "k-mcp:" + version,
    "config": {
        "User": "65532:65532",
        "Entrypoint": ["/opt/k-mcp/runtime/bin/java", "-XX:AOTCache=/opt/k-mcp/k-mcp.aot",
                       "-jar", "/opt/k-mcp/k-mcp.jar"],
        # In a container, the loopback is no use: the Service and the kubelet's probes reach the pod's
        # address. --bind-address still wins.
        "Env": ["PATH=/opt/k-mcp/runtime/bin:/usr/bin:/bin", "LANG=C.UTF-8", "SERVER_ADDRESS=0.0.0.0"],
        "WorkingDir": "/tmp",
        "ExposedPorts": {"8080/tcp": {}},
        "Labels": labels,
    },
    "layers": [
        {"name": "base", "root": base, "paths": ["."],
         "owners": {"home/nonroot": [65532, 65532]},
         "comment": "base: glibc, libgcc, zlib, CA certificates, tzdata, netbase from Debian packages; users"},
        {"name": "runtime", "root": rootfs, "paths": ["opt/k-mcp/runtime"],
         "comment": "runtime: Java 25 by jlink, with the launcher's JVM defaults"},
        {"name": "dependencies", "root": rootfs, "paths": ["opt/k-mcp/lib"],
         "exclude": ["opt/k-mcp/lib/k-mcp-*"], "comment": "dependencies: third-party jars"},
        {"name": "application", "root": rootfs, "paths": app_files,
         "comment": "application: k-mcp's jars, its AOT cache and SBOM"},
    ],
}
json.dump(spec, open(spec_file, "w"), indent=2)
PYTHON
python3 "$root/scripts/image/oci_archive.py" "$work/spec.json" "$output"

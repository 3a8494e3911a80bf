# Sourced (not run) by the project's scripts that run Java or Maven: points JAVA_HOME, and PATH, at a
# JDK 25, which builds k-mcp with its AOT cache and runs it as the image does (docs/adr/0007-java-25.md).
# A JAVA_HOME that already is Java 25 or newer is kept; otherwise Temurin 25 where every machine of
# the project has it (KMCP_JDK25 names another); without either, says so once and goes on with the
# Java there is: k-mcp builds and runs on 17, without the AOT cache.
kmcp_jdk25="${KMCP_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
kmcp_java_release() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null; }
if [ -n "${JAVA_HOME:-}" ] && [ "$(kmcp_java_release "$JAVA_HOME")" -ge 25 ] 2>/dev/null; then
  :
elif [ -x "$kmcp_jdk25/bin/java" ]; then
  export JAVA_HOME="$kmcp_jdk25"
else
  echo "[java] no JDK 25 at $kmcp_jdk25 and JAVA_HOME is ${JAVA_HOME:-not set}: using" \
    "$(${JAVA_HOME:+$JAVA_HOME/bin/}java -version 2>&1 | head -1 || echo 'no java at all')." \
    "k-mcp builds and runs on Java 17, but without its AOT cache (slower start); set JAVA_HOME or" \
    "KMCP_JDK25 to a JDK 25." >&2
fi
if [ -n "${JAVA_HOME:-}" ]; then
  export PATH="$JAVA_HOME/bin:$PATH"
fi

# Sourced by ./mvnw and scripts/*: makes JAVA_HOME point at a JDK 25 or newer.
# Keeps a JAVA_HOME that is already new enough; otherwise looks at the default java and the usual
# install folders; when none is found, says what to install and fails.

cairn_jdk_major() {
  # Prints the feature version of the JDK at $1 (e.g. 25), or nothing if it is not a JDK.
  [ -x "$1/bin/javac" ] || return 0
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  else
    "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
  fi
}

cairn_find_jdk() {
  cairn_required=25
  cairn_default_java=$(command -v java 2>/dev/null || true)
  cairn_default_home=""
  if [ -n "$cairn_default_java" ]; then
    cairn_default_home=$(dirname "$(dirname "$(readlink -f "$cairn_default_java")")")
  fi
  for cairn_candidate in "${JAVA_HOME:-}" "$cairn_default_home" \
    /usr/lib/jvm/*25* /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
    /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$cairn_candidate" ] && [ -d "$cairn_candidate" ] || continue
    cairn_major=$(cairn_jdk_major "$cairn_candidate")
    if [ -n "$cairn_major" ] && [ "$cairn_major" -ge "$cairn_required" ] 2>/dev/null; then
      JAVA_HOME="$cairn_candidate"
      export JAVA_HOME
      return 0
    fi
  done
  echo "Cairn needs JDK $cairn_required or newer: install one (e.g. Temurin $cairn_required) and set JAVA_HOME to it." >&2
  return 1
}

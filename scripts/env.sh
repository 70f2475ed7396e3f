# Sourced by ./polyvisor, ./run-tests and .ci/run: finds a JDK 25+ and Maven, with nothing exported by hand.
# JAVA_HOME is honoured when it is 25 or newer; otherwise the usual JVM folders are searched.

polyvisor_java_version() { # prints the feature version of the JDK at $1, or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]) }'
}

polyvisor_find_jdk() {
  local d v
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(polyvisor_java_version "$JAVA_HOME"); [ -n "$v" ] && [ "$v" -ge 25 ] && return 0
  fi
  local candidates=(/usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* /usr/java/*
                    /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*)
  if command -v java >/dev/null 2>&1; then candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"); fi
  for d in "${candidates[@]}"; do
    [ -d "$d" ] || continue
    v=$(polyvisor_java_version "$d")
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then export JAVA_HOME="$d"; return 0; fi
  done
  echo "polyvisor: needs a JDK 25 or newer and found none; install one (Debian: apt-get install openjdk-25-jdk, or Temurin 25) or set JAVA_HOME to it" >&2
  return 1
}

polyvisor_find_maven() {
  command -v mvn >/dev/null 2>&1 && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "polyvisor: installing Maven (apt-get install maven)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven >/dev/null 2>&1; }
  fi
  command -v mvn >/dev/null 2>&1 && return 0
  echo "polyvisor: needs Apache Maven 3.8+ to build; install it (Debian: apt-get install maven)" >&2
  return 1
}

polyvisor_find_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
# Quiet the warnings that Maven's own libraries print on new JDKs; they are not ours.
export MAVEN_OPTS="${MAVEN_OPTS:-} --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"

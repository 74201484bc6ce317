# Sourced by Parley's scripts: finds a JDK 25 (JAVA_HOME, else Temurin's usual path) and exports JAVA_HOME.
parley_find_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
    [[ -n $candidate && -x $candidate/bin/java ]] || continue
    if "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
      export JAVA_HOME=$candidate
      export PATH=$JAVA_HOME/bin:$PATH
      return 0
    fi
  done
  echo "Parley needs JDK 25: set JAVA_HOME to one (Temurin 25: /usr/lib/jvm/temurin-25-jdk-amd64)." >&2
  echo "JAVA_HOME was '${JAVA_HOME:-}'." >&2
  return 1
}

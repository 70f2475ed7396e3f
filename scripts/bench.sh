#!/usr/bin/env bash
# Measures guest MIPS per ISA with JMH (the hello image's checksum loop). Extra arguments go to JMH,
# e.g. scripts/bench.sh -p isa=arm64   or   scripts/bench.sh -wi 1 -i 3
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$here/scripts/env.sh"
polyvisor_find_maven || exit 1
(cd "$here" && mvn -B -q -DskipTests install)
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$here/benchmarks/target/benchmarks.jar" GuestMipsBenchmark "$@"

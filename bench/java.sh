#!/usr/bin/env bash
# Builds the bench module and runs one of its programs with the right classpath.
# usage: bench/java.sh [--classifier C] CLASS [ARGS...]
#   CLASS: LeNetBenchmark (see its --flags) or OpTimings [N]; JAVA_OPTS adds JVM flags.
#   --classifier C: another nd4j-native build, e.g. linux-x86_64 (plain) or linux-x86_64-onednn-avx2
set -euo pipefail
maven_flags=()
if [ "${1:-}" = "--classifier" ]; then maven_flags+=("-Dnd4j.classifier=$2"); shift 2; fi
[ $# -ge 1 ] || { echo "usage: bench/java.sh [--classifier C] CLASS [ARGS...]" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mvn -B -q -Dstyle.color=never -f "$root/pom.xml" -pl bench -am package dependency:build-classpath \
    "${maven_flags[@]}" -DskipTests -Dmdep.outputFile="$tmp/classpath.txt" >"$tmp/build.log" 2>&1 \
  || { cat "$tmp/build.log" >&2; echo "bench/java.sh: the build failed (log above)" >&2; exit 1; }
main=$1; shift
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
java ${JAVA_OPTS:-} -cp "$root/bench/target/classes:$(cat "$tmp/classpath.txt")" "org.visionbook.bench.$main" "$@"

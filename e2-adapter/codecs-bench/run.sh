#!/usr/bin/env bash
# Runs the codec benchmarks with JMH (not part of ./mvnw verify).
#   e2-adapter/codecs-bench/run.sh                 all benchmarks, with -prof gc
#   e2-adapter/codecs-bench/run.sh 'Indication'    a subset (JMH regexp), extra JMH options after it
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
cpfile=$(mktemp)
trap 'rm -f "$cpfile"' EXIT
# one reactor run: package the modules and write the classpath (reactor modules resolve to their jars)
./mvnw -q -B -pl e2-adapter/codecs-bench -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=runtime
cp="$here/target/classes:$(cat "$cpfile")"
filter=${1:-.}
shift || true
exec java -cp "$cp" org.openjdk.jmh.Main "$filter" -prof gc "$@"

#!/usr/bin/env bash
# The near-RT loop benchmark of the xApps (NearRtLoopBenchmark): ./run-benchmark.sh [indications/s] [seconds]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
(cd "$root" && ./mvnw -q -B -pl xapps/apps -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test)
exec java -Xms2g -Xmx2g -XX:+UseG1GC -XX:MaxGCPauseMillis=5 \
  -cp "$here/target/test-classes:$here/target/classes:$(cat "$here/target/test-classpath.txt")" \
  -Dlogback.configurationFile="$here/src/test/resources/logback-bench.xml" \
  io.oranric.xapp.bench.NearRtLoopBenchmark "$@"

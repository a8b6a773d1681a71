#!/usr/bin/env bash
# JMH benchmark of the scoring engine: one recomputation of a synthetic peer group of 2 500 ETDZ × 40 indicators
# (27 raw + 13 derived) under plan-2012, single thread; goal median ≤ 20 ms. Prints JMH's sample-time table: the
# p0.50 row is the median, the main row the mean. Extra arguments go to JMH, e.g. `bench/engine.sh -p zones=500`
# or `bench/engine.sh -wi 3 -i 5`. Compiles with the `bench` Maven profile; the normal build never runs it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./mvnw -B -q -pl evaluation-service -Pbench process-classes ${MVN_ARGS:-}
MODULE=evaluation-service/target
exec java -cp "$MODULE/bench-classes:$MODULE/classes:$(cat "$MODULE/bench-classpath.txt")" \
  org.openjdk.jmh.Main 'cn.etdz.evaluation.bench.ScoringEngineBenchmark' "$@"

#!/usr/bin/env bash
# JMH benchmark of the uncertainty and sensitivity analyses (AnalysisBenchmark): a synthetic ETDZ peer group under
# plan-2012; uncertainty N = 1 000 (goal ≤ 1 s on 250 zones), sensitivity N = 1 000 with 5 inputs = 7 000 evaluations
# (goal ≤ 5 s on 250 zones, 2 cores). Single shots, in ms. Default: 250 zones on 1 and 2 workers (1 worker gives the
# CPU time per evaluation). Extra arguments go to JMH, e.g. `bench/analysis.sh -p zones=2500 -p parallelism=2 -wi 0 -i 1`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./mvnw -B -q -pl evaluation-service -Pbench process-classes ${MVN_ARGS:-}
MODULE=evaluation-service/target
ARGS=("$@")
if [ ${#ARGS[@]} -eq 0 ]; then
  ARGS=(-p zones=250 -p parallelism=1,2)
fi
exec java -cp "$MODULE/bench-classes:$MODULE/classes:$(cat "$MODULE/bench-classpath.txt")" \
  org.openjdk.jmh.Main 'cn.etdz.evaluation.bench.AnalysisBenchmark' "${ARGS[@]}"

#!/usr/bin/env bash
# JMH benchmarks of the uncertainty and sensitivity analyses on a synthetic ETDZ peer group under plan-2012:
#  * AnalysisBenchmark: whole analyses, single shots in ms: uncertainty N = 1 000 (goal ≤ 1 s on 250 zones) and
#    sensitivity N = 1 000 with 5 inputs = 7 000 evaluations (goal ≤ 5 s on 250 zones, 2 cores), on 1 and 2 workers;
#  * EvaluationBenchmark: one evaluation, the full engine against the scores-only path the analyses use, on 250 and
#    2 500 zones, in µs.
# Both print `cpu:` lines, the CPU time per evaluation, which bounds the wall time on two dedicated cores however busy
# the machine is. BENCHMARKS picks the benchmarks (a regular expression), extra arguments go to JMH, e.g.
# `BENCHMARKS=AnalysisBenchmark bench/analysis.sh -p zones=2500 -p parallelism=1 -wi 0 -i 1`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./mvnw -B -q -pl evaluation-service -Pbench process-classes ${MVN_ARGS:-}
MODULE=evaluation-service/target
exec java -cp "$MODULE/bench-classes:$MODULE/classes:$(cat "$MODULE/bench-classpath.txt")" \
  org.openjdk.jmh.Main "cn.etdz.evaluation.bench.(${BENCHMARKS:-AnalysisBenchmark|EvaluationBenchmark})" "$@"

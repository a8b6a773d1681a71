#!/usr/bin/env bash
# Evaluation pipeline benchmarks, through the gateway on the packaged stack with 250 ETDZ zones: a batch of
# 250 submissions until the ranking reflects all of them (goal ≤ 2 s), a single submission until its new ranking is
# visible (goal p99 ≤ 500 ms), the ranking query at 50 concurrent clients (goal p99 ≤ 50 ms). Starts its own stack on
# free ports; ROUNDS (default 3) batch rounds. Not part of the test suite.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./mvnw -B -q package -DskipTests
exec java -Xmx1g -XX:TieredStopAtLevel=1 -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" \
  cn.etdz.localstack.bench.EvaluationBenchmark "$ROOT"

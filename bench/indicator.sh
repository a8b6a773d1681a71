#!/usr/bin/env bash
# Indicator-service benchmarks: bulk import through the gateway vs PostgreSQL COPY, and single submissions
# from 20 concurrent clients (JVM threads, and wrk when installed). Starts its own stack on free ports; WARMUP (default 3)
# unmeasured imports and SINGLES_WARMUP (default 60) unmeasured seconds of single submissions, then ROUNDS (default 3)
# repetitions, medians reported. STOP_EVALUATION=true measures the
# indicator path alone (the evaluation service is stopped first, so it does not share the cores); IMPORT_CONCURRENCY
# (default 1) is how many yearly batches are posted at once; a list (1,2) measures each, side by side in every round.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./mvnw -B -q package -DskipTests
exec java -Xmx1g -XX:TieredStopAtLevel=1 -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" \
  cn.etdz.localstack.bench.IndicatorBenchmark "$ROOT"

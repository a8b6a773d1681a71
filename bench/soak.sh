#!/usr/bin/env bash
# Soak benchmark: mixed traffic through the gateway at a fixed rate for SOAK_MINUTES (10) minutes on the packaged
# stack with 250 ETDZ zones — ranking and explanation reads, single submissions, a batch of all zones each minute.
# Reports per minute requests, errors by status, p50/p99 per kind and the RSS of every JVM; exits 1 unless there were
# no errors, the last minute's p99 stayed within SOAK_P99_FACTOR (1.5) × the first minute's + 10 ms, and every JVM's
# RSS within 10 % of its first minute. SOAK_RATE (30 requests/s), SOAK_WARMUP_SECONDS (300). Starts its own stack on
# free ports. Not part of the test suite.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./mvnw -B -q package -DskipTests
exec java -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" \
  cn.etdz.localstack.bench.SoakBenchmark "$ROOT"

#!/usr/bin/env bash
# Report cards on the demo data through the gateway: wall time and the evaluation service's CPU time per card (Chinese
# and English) and for the zip of the province with the most zones, the median of RUNS (default 9) runs after a
# warm-up. Starts its own packaged stack on free ports and loads the demo data. Prints the machine's load before and
# after and one "report-card-bench:" line per figure. Not part of the test suite.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
echo "load before: $(cat /proc/loadavg)  cpus: $(nproc)"
./mvnw -B -q install -DskipTests
./mvnw -B -pl e2e-tests verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ReportCardBench \
  -Dreport-card.bench.runs="${RUNS:-9}" | grep -E '^report-card-bench:|Tests run:|FAIL|ERROR'
echo "load after: $(cat /proc/loadavg)"

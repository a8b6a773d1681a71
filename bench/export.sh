#!/usr/bin/env bash
# Values export of a national data set through the gateway, as CSV and as XLSX: time to the last byte and the
# indicator service's peak heap, side by side with PostgreSQL's COPY (SELECT …) TO STDOUT of the same query in the
# same run. The data (ZONES × INDICATORS × YEARS values, default 2 500 × 40 × 20 = 2 000 000) is written straight into
# the indicator database of a stack started on free ports. Each format is exported twice; the second round is the
# figure (the first warms the JIT). Prints the machine's load before and after and one "export-bench:" line per
# measurement. Not part of the test suite.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
echo "load before: $(cat /proc/loadavg)  cpus: $(nproc)"
./mvnw -B -q install -DskipTests
./mvnw -B -pl e2e-tests verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ExportBench \
  -Dexport.bench.zones="${ZONES:-2500}" -Dexport.bench.indicators="${INDICATORS:-40}" -Dexport.bench.years="${YEARS:-20}" \
  | grep -E '^export-bench:|Tests run:|FAIL|ERROR'
echo "load after: $(cat /proc/loadavg)"

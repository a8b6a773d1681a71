#!/usr/bin/env bash
# The two streaming XLSX writers side by side in one JVM (POI's SXSSFWorkbook and fastexcel) on the values export's
# row shape: time to the first and to the last byte, bytes allocated, file size. ROWS (default 400 000), ROUNDS
# (default 3) after one warm-up, medians. Needs nothing but the JDK.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
echo "load before: $(cat /proc/loadavg)  cpus: $(nproc)"
./mvnw -B -q package -DskipTests -pl local-stack
java -Xmx1g -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" cn.etdz.localstack.bench.XlsxWriterBenchmark
echo "load after: $(cat /proc/loadavg)"

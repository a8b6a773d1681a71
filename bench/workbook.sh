#!/usr/bin/env bash
# The submission workbook at national size: 2 500 ETDZ zones × 40 indicators (admin-added indicators top up the
# catalogue) through the gateway (template download, upload until the per-cell result, the indicator service's peak
# heap), and the two ways POI reads the same file
# (whole workbook vs SAX streaming) side by side. Starts its own stack on free ports; ROUNDS (default 3) after one
# warm-up, medians reported.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./mvnw -B -q package -DskipTests
exec java -Xmx1g -XX:TieredStopAtLevel=1 -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" \
  cn.etdz.localstack.bench.WorkbookBenchmark "$ROOT"

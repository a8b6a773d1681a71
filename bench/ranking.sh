#!/usr/bin/env bash
# The ranking query's variants at national scale: the default page, another order, name searches and the worst case
# (a search every zone matches, sorted by Chinese name) on ZONES (default 2500) ETDZ zones, 10 clients through the
# gateway on the packaged stack. Starts its own stack on free ports. Not part of the test suite.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./mvnw -B -q package -DskipTests
exec java -Xmx1g -XX:TieredStopAtLevel=1 -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" \
  cn.etdz.localstack.bench.RankingQueryBenchmark "$ROOT"

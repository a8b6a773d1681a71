#!/usr/bin/env bash
# Starts the whole platform on this machine, no Docker needed: builds what is missing or stale, then starts
# PostgreSQL (embedded unless PLATFORM_DB_URL is set), a Kafka broker, the three services and the demo data, prints
# the gateway URL, Swagger UI and demo tokens, and runs until Ctrl-C or SIGTERM, which stop everything it started.
# State (logs, database and broker data, keys, tokens.env) lives in .local/ at the repository root.
#
# Ports: GATEWAY_PORT (8080), INDICATOR_PORT (8081), EVALUATION_PORT (8082); each process's management port (metrics,
# detailed health) is a free one, printed at start-up.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
mkdir -p .local/logs

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if ! command -v "$JAVA" >/dev/null 2>&1; then
  echo "[local] Java 17 or newer is required (set JAVA_HOME or put java on PATH)" >&2
  exit 1
fi

LAUNCHER="local-stack/target/local-stack.jar"
RUNNERS=(indicator-service evaluation-service gateway)

# Builds when a packaged application is missing or any source or build file is newer than it.
needs_build() {
  [[ -f "$LAUNCHER" ]] || return 0
  local module runner
  for module in "${RUNNERS[@]}"; do
    runner="$module/target/quarkus-app/quarkus-run.jar"
    [[ -f "$runner" ]] || return 0
    if [[ -n "$(find pom.xml platform-common local-stack "$module" -path '*/target' -prune -o -type f -newer "$runner" -print -quit)" ]]; then
      return 0
    fi
  done
  return 1
}

if needs_build; then
  echo "[local] building (./mvnw -B -DskipTests package; the first build downloads dependencies and takes a few minutes)"
  echo "[local] full build log: .local/logs/build.log"
  if ! ./mvnw -B -DskipTests package 2>&1 | tee .local/logs/build.log \
      | grep --line-buffered -E '^\[INFO\] Building |BUILD (SUCCESS|FAILURE)|^\[ERROR\]' \
      | sed -u -e 's/^\[INFO\] Building /[local]   building /' -e 's/^\[INFO\] /[local] /'; then
    echo "[local] the build failed; see .local/logs/build.log" >&2
    exit 1
  fi
  grep -q 'BUILD SUCCESS' .local/logs/build.log || { echo "[local] the build failed; see .local/logs/build.log" >&2; exit 1; }
else
  echo "[local] packaged applications are up to date"
fi

# exec: the launcher receives Ctrl-C/SIGTERM itself and stops the services, the broker and PostgreSQL. C1 only, as for
# the services (LocalStack): on a small machine C2 compiling for minutes costs more than its faster code gains.
exec "$JAVA" -Xmx512m -XX:TieredStopAtLevel=1 -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$LAUNCHER:local-stack/target/lib/*" cn.etdz.localstack.LocalStack "$ROOT"

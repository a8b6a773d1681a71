#!/usr/bin/env bash
# Measures the local stack: time from `deploy/local/run.sh` to ready (services healthy; then with the demo data
# loaded) and the resident memory (RSS) of every process it starts, idle after the demo load. Runs the stack RUNS
# times (default 3) on ports 18080-18082 and prints each run and the medians. Build first (./mvnw -B package
# -DskipTests) so that build time is not counted.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS="${RUNS:-3}"
export GATEWAY_PORT=18080 INDICATOR_PORT=18081 EVALUATION_PORT=18082

rss_mib() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo 0; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

declare -A series
for run in $(seq 1 "$RUNS"); do
  log="$(mktemp)"
  begin=$(date +%s%N)
  deploy/local/run.sh >"$log" 2>&1 &
  pid=$!
  until grep -q 'Press Ctrl-C' "$log"; do
    kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.2
  done
  ready_ms=$(( ($(date +%s%N) - begin) / 1000000 ))
  services_ms=$(sed -n 's/.*stack ready in \([0-9]*\) ms.*/\1/p' "$log")
  sleep 5
  launcher=$(pgrep -f 'cn.etdz.localstack.LocalStack' | head -1)
  declare -A rss=()
  rss[launcher+kafka]=$(rss_mib "$launcher")
  for svc in indicator-service evaluation-service gateway; do
    rss[$svc]=$(rss_mib "$(pgrep -f -- "-jar $ROOT/$svc/target/quarkus-app/quarkus-run.jar" | head -1)")
  done
  pg=0
  for p in $(pgrep -f "postgres" ); do
    if tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null | grep -q "$ROOT/.local/postgres\|^postgres:"; then pg=$(( pg + $(rss_mib "$p") )); fi
  done
  rss[postgres]=$pg
  kill -TERM "$pid"; wait "$pid" || true
  printf 'run %d: ready %d ms (services healthy %s ms)' "$run" "$ready_ms" "$services_ms"
  series[ready]+="$ready_ms "; series[services]+="$services_ms "
  for k in launcher+kafka postgres indicator-service evaluation-service gateway; do
    printf ', %s %s MiB' "$k" "${rss[$k]}"; series[$k]+="${rss[$k]} "
  done
  echo
done
printf 'median of %d: ready %s ms, services healthy %s ms' "$RUNS" \
  "$(tr ' ' '\n' <<<"${series[ready]}" | grep . | median)" "$(tr ' ' '\n' <<<"${series[services]}" | grep . | median)"
for k in launcher+kafka postgres indicator-service evaluation-service gateway; do
  printf ', %s %s MiB' "$k" "$(tr ' ' '\n' <<<"${series[$k]}" | grep . | median)"
done
echo

#!/usr/bin/env bash
# Gateway overhead: one backend endpoint, one concurrency, side by side in one run — straight to the
# indicator service, through the gateway, and through nginx as a plain reverse proxy — measured with wrk. Starts the
# local stack (deploy/local/run.sh) on ports 28080-28082 and nginx on 28090, loopback only; stops both at the end.
#
# Needs wrk and nginx (Debian: apt-get install wrk nginx). Settings: DURATION (20s), WARMUP (10s, on every path before
# any measurement, so the JIT has compiled the service before the first measured path), ROUNDS (2: the three paths
# measured in turn, ROUNDS times; the best throughput and best p99 of each path are reported, which damps the noise of
# a shared machine), CONNECTIONS (32), THREADS (2), ENDPOINT (/api/v1/zones/SUZHOU-IP).
#
# Every /api/v1 operation needs a token (architecture: only health and the API document are public), so there is no
# anonymous route to the same backend endpoint; the anonymous row measures how fast the gateway turns away a call
# without a token (401), which is the path an unauthenticated flood takes.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is required (apt-get install wrk nginx curl)" >&2; exit 1; }
done
DURATION="${DURATION:-20s}" WARMUP="${WARMUP:-10s}" ROUNDS="${ROUNDS:-2}" CONNECTIONS="${CONNECTIONS:-32}" THREADS="${THREADS:-2}"
ENDPOINT="${ENDPOINT:-/api/v1/zones/SUZHOU-IP}"
export GATEWAY_PORT=28080 INDICATOR_PORT=28081 EVALUATION_PORT=28082
NGINX_PORT=28090
# wrk sends thousands of requests a second with one token: widen the route's bucket so the limiter is not measured.
export JAVA_TOOL_OPTIONS="-Dgateway.routes.indicator.rate-limit.capacity=1000000000 -Dgateway.routes.indicator.rate-limit.refill-per-second=1000000000"

WORK="$(mktemp -d)"
STACK_LOG="$WORK/stack.log"
STACK_PID=""
cleanup() {
  [[ -f "$WORK/nginx.pid" ]] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  if [[ -n "$STACK_PID" ]]; then kill -TERM "$STACK_PID" 2>/dev/null || true; wait "$STACK_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

echo "bench: starting the local stack (log: $STACK_LOG)"
deploy/local/run.sh >"$STACK_LOG" 2>&1 &
STACK_PID=$!
for _ in $(seq 1 600); do
  grep -q 'Press Ctrl-C' "$STACK_LOG" && break
  kill -0 "$STACK_PID" 2>/dev/null || { cat "$STACK_LOG"; echo "bench: the stack did not start" >&2; exit 1; }
  sleep 1
done
grep -q 'Press Ctrl-C' "$STACK_LOG" || { echo "bench: the stack was not ready in 600 s" >&2; exit 1; }
# shellcheck disable=SC1091
. .local/tokens.env
TOKEN="$ANALYST_TOKEN"

cat >"$WORK/nginx.conf" <<EOF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  upstream indicator { server 127.0.0.1:$INDICATOR_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://indicator;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Request-Id \$request_id;
    }
  }
}
EOF
nginx -c "$WORK/nginx.conf" -p "$WORK" -e "$WORK/nginx-error.log"

GATEWAY_PID="$(pgrep -f -- "-Dquarkus.http.port=$GATEWAY_PORT" | head -1)"
declare -A URL=(
  [direct]="http://127.0.0.1:$INDICATOR_PORT$ENDPOINT"
  [gateway]="http://127.0.0.1:$GATEWAY_PORT$ENDPOINT"
  [nginx]="http://127.0.0.1:$NGINX_PORT$ENDPOINT"
)
for target in direct gateway nginx; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "${URL[$target]}")
  [[ "$status" == 200 ]] || { echo "bench: $target answered $status for $ENDPOINT" >&2; exit 1; }
done

# run <label> <url> [token] → prints "rps p99_ms"; samples the gateway's RSS meanwhile when the URL is the gateway's.
run() {
  local label="$1" url="$2" token="${3:-}" out rss_file="$WORK/rss-$1"
  local -a auth=()
  [[ -n "$token" ]] && auth=(-H "Authorization: Bearer $token")
  : >"$rss_file"
  ( while true; do awk '/VmRSS/ {print $2}' "/proc/$GATEWAY_PID/status" >>"$rss_file" 2>/dev/null; sleep 0.5; done ) &
  local sampler=$!
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${auth[@]}" "$url")"
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  echo "$out" >"$WORK/wrk-$label.txt"
  local rps p99 non2xx
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}' <<<"$out")"
  non2xx="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  echo "$rps $p99 ${non2xx:-0} $(sort -n "$rss_file" | tail -1)"
}

echo "bench: GET $ENDPOINT, $CONNECTIONS connections, $THREADS wrk threads, $DURATION per measurement, $ROUNDS rounds"
for target in direct gateway nginx; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "${URL[$target]}" >/dev/null
done
# best <a> <b> <max|min>: the better of two numbers
best() { awk -v a="$1" -v b="$2" -v m="$3" 'BEGIN { if (a == "") print b; else if (m == "max") print (a > b ? a : b); else print (a < b ? a : b) }'; }
d_rps="" g_rps="" n_rps="" d_p99="" g_p99="" n_p99="" d_bad=0 g_bad=0 n_bad=0 g_rss=0
for round in $(seq 1 "$ROUNDS"); do
  read -r rps p99 bad _ <<<"$(run direct "${URL[direct]}" "$TOKEN")"
  d_rps=$(best "$d_rps" "$rps" max); d_p99=$(best "$d_p99" "$p99" min); d_bad=$((d_bad + bad))
  read -r rps p99 bad rss <<<"$(run gateway "${URL[gateway]}" "$TOKEN")"
  g_rps=$(best "$g_rps" "$rps" max); g_p99=$(best "$g_p99" "$p99" min); g_bad=$((g_bad + bad))
  g_rss=$(( rss > g_rss ? rss : g_rss ))
  read -r rps p99 bad _ <<<"$(run nginx "${URL[nginx]}" "$TOKEN")"
  n_rps=$(best "$n_rps" "$rps" max); n_p99=$(best "$n_p99" "$p99" min); n_bad=$((n_bad + bad))
  echo "bench: round $round done"
done
read -r a_rps a_p99 _ a_rss <<<"$(run anonymous "${URL[gateway]}")"

printf '\n%-34s %12s %10s %10s\n' "path (authenticated, analyst token)" "requests/s" "p99 ms" "non-2xx"
printf '%-34s %12.0f %10.2f %10s\n' "direct to indicator-service" "$d_rps" "$d_p99" "$d_bad"
printf '%-34s %12.0f %10.2f %10s\n' "through the gateway" "$g_rps" "$g_p99" "$g_bad"
printf '%-34s %12.0f %10.2f %10s\n' "through nginx" "$n_rps" "$n_p99" "$n_bad"
printf '%-34s %12.0f %10.2f %10s\n' "gateway, no token (401 at gateway)" "$a_rps" "$a_p99" "all"
awk -v g="$g_rps" -v n="$n_rps" -v d="$d_rps" -v gp="$g_p99" -v np="$n_p99" 'BEGIN {
  printf "\ngateway/nginx throughput %.0f %% (goal >= 60 %% authenticated); gateway/direct %.0f %%; nginx/direct %.0f %%\n", 100*g/n, 100*g/d, 100*n/d;
  printf "gateway p99 / nginx p99 = %.2f (goal <= 1.5)\n", gp/np }'
echo "gateway RSS under load: $(( ${g_rss:-0} / 1024 )) MB peak (authenticated run), $(( ${a_rss:-0} / 1024 )) MB (401 run)"
echo "raw wrk output: $WORK/wrk-*.txt"

#!/usr/bin/env bash
# Checks the README's first command the way a new user would use it: starts deploy/local/run.sh, posts a submission
# through the gateway with a demo token, sees it reach the evaluation service, stops the stack with SIGTERM and checks
# that no process and no port is left behind. Uses ports 18080-18082 so it does not collide with a running stack (the
# management ports are free ones the stack picks and prints). Checks the operations surface: the gateway's public port
# answers health with the status alone and serves no metrics; each management port serves both.
# Saves the gateway's merged OpenAPI document to .local/openapi.json for .ci/run's lint.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export GATEWAY_PORT=18080 INDICATOR_PORT=18081 EVALUATION_PORT=18082
LOG="$(mktemp)"
started=$(date +%s)

deploy/local/run.sh >"$LOG" 2>&1 &
PID=$!
cleanup() { kill "$PID" 2>/dev/null || true; }
trap cleanup EXIT

for _ in $(seq 1 600); do
  grep -q 'Press Ctrl-C' "$LOG" && break
  if ! kill -0 "$PID" 2>/dev/null; then cat "$LOG"; echo "smoke: run.sh exited early" >&2; exit 1; fi
  sleep 1
done
grep -q 'Press Ctrl-C' "$LOG" || { cat "$LOG"; echo "smoke: stack not ready in 600 s" >&2; exit 1; }
echo "smoke: stack ready after $(( $(date +%s) - started )) s"

# shellcheck disable=SC1091
. .local/tokens.env
GW="http://localhost:$GATEWAY_PORT"

health=$(curl -s "$GW/q/health/ready")
[[ "$health" == '{"status":"UP"}' ]] || { echo "smoke: public health answered $health" >&2; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' "$GW/q/metrics")
[[ "$status" == 404 ]] || { echo "smoke: the public port answered /q/metrics with $status" >&2; exit 1; }
mapfile -t MANAGEMENT < <(sed -n 's|^  Management   \(http://localhost:[0-9]*\)/q/metrics.*|\1|p' "$LOG")
[[ ${#MANAGEMENT[@]} == 3 ]] || { cat "$LOG"; echo "smoke: expected three management URLs" >&2; exit 1; }
# Read each answer whole before matching: `curl | grep -q` under pipefail fails when grep stops reading a long answer.
for url in "${MANAGEMENT[@]}"; do
  metrics=$(curl -sf "$url/q/metrics") || { echo "smoke: $url/q/metrics did not answer" >&2; exit 1; }
  grep -q '^jvm_memory_used_bytes' <<<"$metrics" || { echo "smoke: no metrics on $url" >&2; exit 1; }
  health=$(curl -sf "$url/q/health/ready") || { echo "smoke: $url/q/health/ready did not answer" >&2; exit 1; }
  grep -q '"checks"' <<<"$health" || { echo "smoke: no detailed health on $url" >&2; exit 1; }
done
echo "smoke: public health is status only, no metrics on the public port; metrics and health on ${MANAGEMENT[*]}"
status=$(curl -s -o /tmp/smoke-submission.json -w '%{http_code}' -H "Authorization: Bearer $SUBMITTER_320000_TOKEN" \
  -H 'Content-Type: application/json' "$GW/api/v1/submissions" \
  -d '{"zone":"SUZHOU-IP","period":"2015","values":[{"indicator":"GDP","value":2070.5},{"indicator":"TAX","value":310.2},{"indicator":"EMPLOYEES","value":80.1}]}')
[[ "$status" == 201 ]] || { cat /tmp/smoke-submission.json; echo "smoke: POST answered $status" >&2; exit 1; }
echo "smoke: submission accepted: $(cat /tmp/smoke-submission.json)"

for _ in $(seq 1 30); do
  if curl -sf -H "Authorization: Bearer $ANALYST_TOKEN" "$GW/api/v1/inputs/SUZHOU-IP/2015" | grep -q '"revision":2'; then
    echo "smoke: revision 2 reached the evaluation service"
    break
  fi
  sleep 1
done
curl -sf -H "Authorization: Bearer $ANALYST_TOKEN" "$GW/api/v1/inputs/SUZHOU-IP/2015" | grep -q '"revision":2' \
  || { echo "smoke: the submission did not reach the evaluation service" >&2; exit 1; }

# The merged API document as the running gateway serves it, once both services' documents are in; .ci/run lints it.
for _ in $(seq 1 30); do
  if curl -sf "$GW/openapi" -o .local/openapi.json && grep -q '"/api/v1/zones"' .local/openapi.json \
      && grep -q '"/api/v1/inputs/{zone}/{period}"' .local/openapi.json; then
    echo "smoke: merged OpenAPI document saved to .local/openapi.json"
    break
  fi
  sleep 1
done
grep -q '"/api/v1/inputs/{zone}/{period}"' .local/openapi.json \
  || { echo "smoke: the gateway's /openapi lacks a service's paths" >&2; exit 1; }

kill -TERM "$PID"
wait "$PID" || true
trap - EXIT
grep -q 'nothing left running' "$LOG" || { cat "$LOG"; echo "smoke: no clean stop" >&2; exit 1; }
for port in 18080 18081 18082 "${MANAGEMENT[@]##*:}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "smoke: port $port still open" >&2; exit 1; fi
done
if pgrep -f -- "-Dquarkus.http.port=1808[0-2]" >/dev/null || pgrep -f "$ROOT/.local/postgres" >/dev/null; then
  echo "smoke: processes left behind" >&2; exit 1
fi
echo "smoke: stopped cleanly; no process and no port left behind"

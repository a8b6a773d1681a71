#!/usr/bin/env bash
# Starts an image tarball made by build.sh without a container engine, the way the pods run it: its layers unpacked
# into a root filesystem mounted read-only, a tmpfs on /tmp, UID/GID from the image (185), its Env, WorkingDir and
# Entrypoint; then waits for the status-only /q/health/ready of its public port (its management port is PORT + 1). Needs root (mount namespaces, chroot). Meant for the gateway, which
# starts without a database or Kafka.
#
#   deploy/images/run-check.sh target/images/etdz_gateway_<version>.tar [PORT]
set -euo pipefail
IMAGE="$(realpath "${1:?image tarball}")"
PORT="${2:-18990}"
work="$(mktemp -d)"
# unshare --fork ignores SIGTERM while it waits: stop its child (the JVM, PID 1 of the new namespace) instead
cleanup() {
  if [[ -n "${pid:-}" ]]; then
    pkill -TERM -P "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    pkill -KILL -P "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/rootfs" "$work/image"
tar -xf "$IMAGE" -C "$work/image"
eval "$(python3 - "$work/image" <<'PY'
import json, shlex, sys
folder = sys.argv[1]
manifest = json.load(open(f"{folder}/manifest.json"))[0]
config = json.load(open(f"{folder}/{manifest['Config']}"))["config"]
print("LAYERS=(" + " ".join(shlex.quote(l) for l in manifest["Layers"]) + ")")
print("ENVS=(" + " ".join(shlex.quote(e) for e in config.get("Env", [])) + ")")
print("ENTRY=(" + " ".join(shlex.quote(a) for a in (config.get("Entrypoint") or []) + (config.get("Cmd") or [])) + ")")
print("WORKDIR=" + shlex.quote(config.get("WorkingDir") or "/"))
print("USER_ID=" + shlex.quote(config.get("User") or "0"))
PY
)"
for layer in "${LAYERS[@]}"; do tar --warning=no-unknown-keyword -xf "$work/image/$layer" -C "$work/rootfs"; done
uid="${USER_ID%%:*}"; gid="${USER_ID#*:}"; [[ "$gid" == "$USER_ID" ]] && gid="$uid"
echo "run-check: $(basename "$IMAGE"): user $uid:$gid, workdir $WORKDIR, entrypoint ${ENTRY[*]}"
# private mounts: the root filesystem read-only, /proc, /dev and a writable /tmp, as in the pod
{
  printf 'set -e\nr=%q\n' "$work/rootfs"
  printf 'mount --bind "$r" "$r"; mount -o remount,bind,ro "$r"\n'
  printf 'mount -t proc proc "$r/proc"; mount --rbind /dev "$r/dev"; mount -t tmpfs -o size=256m tmpfs "$r/tmp"\n'
  printf 'cd "$r%s"\n' "$WORKDIR"
  printf 'exec chroot --userspec=%q "$r" /usr/bin/env -i' "$uid:$gid"
  printf ' %q' "${ENVS[@]}" "QUARKUS_HTTP_PORT=$PORT" "QUARKUS_MANAGEMENT_PORT=$((PORT + 1))" \
    "MP_JWT_VERIFY_PUBLICKEY_LOCATION=file:/nonexistent" \
    /bin/sh -c 'cd "$0" && exec "$@"' "$WORKDIR" "${ENTRY[@]}"
  printf '\n'
} >"$work/launch.sh"
unshare --mount --fork --pid --kill-child bash "$work/launch.sh" >"$work/log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  if curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1; then
    echo "run-check: ready on port $PORT: $(curl -s "http://127.0.0.1:$PORT/q/health/ready" | tr -d ' \n')"
    echo "run-check: first log line: $(head -n 1 "$work/log" | cut -c1-200)"
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 1
done
echo "run-check: not ready; log:" >&2
tail -n 30 "$work/log" >&2
exit 1

#!/usr/bin/env bash
# Builds a base image for the services from Debian packages, for machines that reach Debian's package mirror but no
# container registry (like our build machines): Debian 12 with openjdk-17-jre-headless and fonts-wqy-microhei, made
# by mmdebstrap (installed with apt when missing; needs root), written as a "docker save" tarball that Jib takes as
# -Dquarkus.jib.base-jvm-image=tar://<file>. deploy/images/build.sh --debian-base uses it.
#
#   deploy/images/debian-base.sh [OUTPUT.tar]     (default target/base-image/jre17-debian12.tar)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${1:-$ROOT/target/base-image/jre17-debian12.tar}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
if ! command -v mmdebstrap >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mmdebstrap >/dev/null
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$(dirname "$OUT")"

# the essential packages, the JRE, CA certificates and the CJK font the evaluation service embeds in its report cards
# (fonts-wqy-microhei, found at its Debian path without a setting); no documentation or translations
mmdebstrap --quiet --variant=essential --include=openjdk-17-jre-headless,ca-certificates,bash,fonts-wqy-microhei \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
  --customize-hook='rm -rf "$1"/var/cache/apt/* "$1"/var/lib/apt/lists/*' \
  bookworm "$work/layer.tar" "$MIRROR"

python3 - "$work" "$OUT" <<'PY'
import hashlib, json, os, sys, tarfile, datetime
work, out = sys.argv[1], sys.argv[2]
layer = os.path.join(work, "layer.tar")
digest = hashlib.sha256()
with open(layer, "rb") as f:
    for chunk in iter(lambda: f.read(1 << 20), b""):
        digest.update(chunk)
config = {
    "architecture": "amd64", "os": "linux",
    "created": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "config": {"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                       "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64", "LANG=C.UTF-8"]},
    "rootfs": {"type": "layers", "diff_ids": ["sha256:" + digest.hexdigest()]},
    "history": [{"created_by": "mmdebstrap bookworm + openjdk-17-jre-headless, fonts-wqy-microhei (deploy/images/debian-base.sh)"}],
}
with open(os.path.join(work, "config.json"), "w") as f:
    json.dump(config, f)
with open(os.path.join(work, "manifest.json"), "w") as f:
    json.dump([{"Config": "config.json", "RepoTags": ["etdz/jre17-debian12:latest"], "Layers": ["layer.tar"]}], f)
with tarfile.open(out, "w") as tar:
    for name in ("manifest.json", "config.json", "layer.tar"):
        tar.add(os.path.join(work, name), arcname=name)
print(f"base image: {out} ({os.path.getsize(out) // (1 << 20)} MiB, layer sha256:{digest.hexdigest()[:12]})")
PY

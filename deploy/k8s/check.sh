#!/usr/bin/env bash
# Renders every overlay with kubectl kustomize into target/k8s/<overlay>.yaml and checks the result with
# check-manifests.py (probes, limits, non-root, a KafkaTopic for every topic of the code, image and config names),
# including its self-test (broken copies must fail). Run by .ci/run; installs kubectl (Debian's kubernetes-client)
# and PyYAML (python3-yaml) with apt only when they are missing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

apt_install() {
  if [[ "$(id -u)" != 0 ]]; then echo "k8s check: $* missing and not root: install it" >&2; exit 1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
command -v kubectl >/dev/null 2>&1 || apt_install kubernetes-client
python3 -c 'import yaml' 2>/dev/null || apt_install python3-yaml
kubectl version --client 2>/dev/null | sed 's/^/k8s check: /'

out=target/k8s
rm -rf "$out" && mkdir -p "$out"
rendered=()
for overlay in deploy/k8s/overlays/*/; do
  name="$(basename "$overlay")"
  kubectl kustomize "$overlay" >"$out/$name.yaml"
  echo "k8s check: rendered $overlay -> $out/$name.yaml ($(grep -c '^kind:' "$out/$name.yaml") resources)"
  rendered+=("$out/$name.yaml")
done
python3 deploy/k8s/check-manifests.py --self-test "${rendered[@]}"

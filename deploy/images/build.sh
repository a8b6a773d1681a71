#!/usr/bin/env bash
# Builds the three service images with Quarkus's Jib integration, no Docker engine needed, as tarballs in
# target/images/ (load them with "docker load -i" or push them with skopeo/crane), then checks each image's config.
#
#   deploy/images/build.sh               # real images on the UBI 9 OpenJDK 17 base: needs access to its registry
#   deploy/images/build.sh --offline     # same build on the empty "scratch" base: no registry needed, the image
#                                        # has no JVM and does not run; checks name, user, layers, JVM settings
#   deploy/images/build.sh --debian-base # real, runnable images on a base made here from Debian packages
#                                        # (deploy/images/debian-base.sh: Debian 12 + OpenJDK 17 JRE), no registry
#   deploy/images/build.sh --push        # push etdz/<service>:<version> to QUARKUS_CONTAINER_IMAGE_REGISTRY instead
#
# Jib needs the base image's layers even for a tarball, and registries other than Maven Central, Debian and npm cannot
# be reached from our build machines: there, --debian-base builds runnable images on a base made from Debian's
# packages, and CI runs the quicker --offline; release builds run without options where the registry is reachable.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
SERVICES=(indicator-service evaluation-service gateway)
export IMAGE_TAR_DIR="$ROOT/target/images"
args=(-B package -Pimage -DskipTests -pl "$(IFS=,; echo "${SERVICES[*]}")" -am)
mode=tar
case "${1:-}" in
  --offline) args+=(-Dquarkus.jib.base-jvm-image=scratch); mode=offline ;;
  --debian-base)
    base="$ROOT/target/base-image/jre17-debian12.tar"
    [[ -f "$base" ]] || deploy/images/debian-base.sh "$base"
    args+=(-Dquarkus.jib.base-jvm-image="tar://$base") ;;
  --push) args+=(-Dquarkus.container-image.push=true); mode=push ;;
  "") ;;
  *) echo "usage: $0 [--offline|--debian-base|--push]" >&2; exit 2 ;;
esac
if [[ "$mode" != push ]]; then
  args+=(-Dquarkus.jib.docker-executable-name="$ROOT/deploy/images/docker-load-to-tar")
fi
rm -rf "$IMAGE_TAR_DIR"
./mvnw "${args[@]}"
[[ "$mode" == push ]] && exit 0

# Each image is tagged with its module's version as the build just wrote it (maven-archiver's pom.properties).
python3 - "$IMAGE_TAR_DIR" "${SERVICES[@]}" <<'PY'
import json, sys, tarfile
folder, services = sys.argv[1], sys.argv[2:]
failures = 0
for service in services:
    with open(f"{service}/target/maven-archiver/pom.properties") as properties:
        version = dict(line.strip().split("=", 1) for line in properties if "=" in line and not line.startswith("#"))["version"]
    ref = f"etdz/{service}:{version}"
    path = f"{folder}/{ref.replace('/', '_').replace(':', '_')}.tar"
    problems = []
    try:
        with tarfile.open(path) as tar:
            manifest = json.load(tar.extractfile("manifest.json"))
            config = json.load(tar.extractfile(manifest[0]["Config"]))["config"]
    except (OSError, KeyError) as e:
        print(f"image {ref}: FAIL: no tarball {path}: {e}")
        failures += 1
        continue
    if manifest[0]["RepoTags"] != [ref]:
        problems.append(f"tagged {manifest[0]['RepoTags']}, expected {ref}")
    if config.get("User", "") in ("", "0", "root") or config.get("User", "").startswith(("0:", "root:")):
        problems.append(f"runs as root (User={config.get('User')!r})")
    env = dict(e.split("=", 1) for e in config.get("Env", []))
    jvm = " ".join(config.get("Entrypoint") or []) + " " + env.get("JAVA_OPTS_APPEND", "")
    if "-XX:MaxRAMPercentage=" not in jvm:
        problems.append("no -XX:MaxRAMPercentage in the entrypoint or JAVA_OPTS_APPEND")
    if env.get("QUARKUS_LOG_CONSOLE_JSON_ENABLED") != "true":
        problems.append("JSON logs not enabled")
    if env.get("QUARKUS_HTTP_PORT") != "8080" or "8080/tcp" not in config.get("ExposedPorts", {}):
        problems.append("does not listen on 8080")
    status = "ok" if not problems else "FAIL: " + "; ".join(problems)
    print(f"image {ref}: {status} (user {config.get('User')}, {len(manifest[0]['Layers'])} layers)")
    failures += bool(problems)
print(f"images: {len(services) - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
PY

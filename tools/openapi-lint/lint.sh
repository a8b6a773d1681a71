#!/usr/bin/env bash
# Lints an OpenAPI document with the pinned Spectral CLI (package-lock.json) and the spectral:oas ruleset; fails on any
# error or warning. Needs Node and npm; the Maven build never calls it. Usage: tools/openapi-lint/lint.sh <document>
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DOC="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
cd "$DIR"
[[ -x node_modules/.bin/spectral ]] || npm ci --no-audit --no-fund --ignore-scripts >/dev/null
node_modules/.bin/spectral --version | sed 's/^/spectral /'
node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity warn "$DOC"

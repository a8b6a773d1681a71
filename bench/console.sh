#!/usr/bin/env bash
# Web console load time in headless Chromium (Debian's chromium and chromium-driver) on the packaged stack with the
# demo data: overview and ranking, each a full page load with the browser cache off and on, timed by the browser's
# Navigation, Paint and User Timing APIs (goal: the screen's data shown within 1 s). Starts its own stack on free
# ports; ROUNDS (default 7) loads per case after one warm-up. Prints one "console-load:" line per case. Not part of
# the test suite.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./mvnw -B -q install -DskipTests
./mvnw -B -pl e2e-tests verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ConsoleLoadTimeBench -Dconsole.bench.rounds="${ROUNDS:-7}" | grep -E '^console-load:|Tests run:|FAIL|ERROR'

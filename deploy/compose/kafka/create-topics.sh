#!/usr/bin/env bash
# Creates the platform's topics if missing. Keep in step with deploy/k8s/base/kafka/topics.yaml.
set -euo pipefail
BOOTSTRAP="${BOOTSTRAP:-kafka:9092}"
RF="${REPLICATION_FACTOR:-1}"
topics=/opt/kafka/bin/kafka-topics.sh
create() { # name partitions configs...
  local name="$1" partitions="$2"; shift 2
  local args=()
  for config in "$@"; do args+=(--config "$config"); done
  "$topics" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$name" \
    --partitions "$partitions" --replication-factor "$RF" "${args[@]}"
}
create submissions.v1     6 cleanup.policy=delete retention.ms=-1
create submissions.v1.dlq 1 cleanup.policy=delete retention.ms=2592000000
create zones.v1           1 cleanup.policy=compact
create indicators.v1      1 cleanup.policy=compact
create periods.v1         1 cleanup.policy=compact
create scores.v1          6 cleanup.policy=compact
create reviews.v1         6 cleanup.policy=delete retention.ms=-1
create queries.v1         6 cleanup.policy=delete retention.ms=-1
# dead letters of the other consumed topics (the evaluation service writes <topic>.dlq), kept 30 days like the above
create zones.v1.dlq       1 cleanup.policy=delete retention.ms=2592000000
create indicators.v1.dlq  1 cleanup.policy=delete retention.ms=2592000000
create reviews.v1.dlq     1 cleanup.policy=delete retention.ms=2592000000
create periods.v1.dlq     1 cleanup.policy=delete retention.ms=2592000000
"$topics" --bootstrap-server "$BOOTSTRAP" --list

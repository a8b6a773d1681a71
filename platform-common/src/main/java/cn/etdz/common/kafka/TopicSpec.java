package cn.etdz.common.kafka;

import java.util.Map;

/**
 * A topic a service makes sure exists: its name, partition count and topic configs. The replication factor is the
 * broker's default.
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {

    public TopicSpec {
        if (partitions < 1) {
            throw new IllegalArgumentException("A topic needs at least one partition: " + name);
        }
        configs = Map.copyOf(configs);
    }

    /** A topic of events spread over {@code partitions} by key (e.g. submissions by zone). */
    public static TopicSpec partitioned(String name, int partitions) {
        return new TopicSpec(name, partitions, Map.of());
    }

    /** A single-partition topic of plain events, in order. */
    public static TopicSpec single(String name) {
        return new TopicSpec(name, 1, Map.of());
    }

    /** A compacted single-partition topic of reference data: the latest state per key is kept. */
    public static TopicSpec compacted(String name) {
        return new TopicSpec(name, 1, Map.of("cleanup.policy", "compact"));
    }
}

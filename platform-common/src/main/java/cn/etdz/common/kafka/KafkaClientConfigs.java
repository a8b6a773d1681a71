package cn.etdz.common.kafka;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Builds client configs from Quarkus's {@code default-kafka-broker} map (every {@code kafka.*} property, which
 * includes any environment variable starting with {@code KAFKA_}). Only keys the client knows are kept, so a stray
 * {@code KAFKA_HOME} in the environment cannot break or pollute a client.
 */
public final class KafkaClientConfigs {

    private KafkaClientConfigs() {
    }

    public static Map<String, Object> producer(Map<String, Object> broker, Map<String, Object> overrides) {
        return merge(broker, ProducerConfig.configNames(), overrides);
    }

    public static Map<String, Object> consumer(Map<String, Object> broker, Map<String, Object> overrides) {
        return merge(broker, ConsumerConfig.configNames(), overrides);
    }

    public static Map<String, Object> admin(Map<String, Object> broker) {
        return merge(broker, AdminClientConfig.configNames(), Map.of());
    }

    private static Map<String, Object> merge(Map<String, Object> broker, Set<String> known,
                                             Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>();
        broker.forEach((key, value) -> {
            String normalised = key.replace('_', '.').toLowerCase();
            if (known.contains(key)) {
                config.put(key, value);
            } else if (known.contains(normalised)) {
                config.put(normalised, value);
            }
        });
        config.putAll(overrides);
        return config;
    }
}

package cn.etdz.common.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Kafka clients of a service, built from its {@code kafka.*} configuration (the {@code default-kafka-broker} map
 * of the Kafka client extension) and named {@code <quarkus.application.name>-<purpose>}. It produces what every
 * service with an outbox needs (the relay's producers, the admin client, topic administration) and makes the raw
 * consumers and producers a service's own components ask for.
 */
@ApplicationScoped
public class KafkaProviders {

    /** Longest wait of one topic administration call. */
    static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> broker;
    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /**
     * Producers of the outbox relay ({@code <service>-outbox}), made anew after a failed round: idempotent,
     * {@code acks=all}, blocking at most 5 s when the broker is unreachable and giving a record up after 15 s, so an
     * outage fails a round instead of hanging it.
     */
    @Produces
    @ApplicationScoped
    Supplier<Producer<String, String>> outboxProducers() {
        String clientId = clientId("outbox");
        return () -> new KafkaProducer<>(KafkaClientConfigs.producer(broker, Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.CLIENT_ID_CONFIG, clientId)),
                new StringSerializer(), new StringSerializer());
    }

    @Produces
    @ApplicationScoped
    Admin admin() {
        return Admin.create(KafkaClientConfigs.admin(broker));
    }

    void close(@Disposes Admin admin) {
        admin.close(Duration.ofSeconds(5));
    }

    @Produces
    @Singleton
    TopicAdministrator topicAdministrator(Admin admin) {
        return new TopicAdministrator(admin, ADMIN_TIMEOUT);
    }

    /**
     * A consumer of string keys and raw values, so a record that cannot be decoded can still be passed on as it came.
     *
     * @param settings consumer settings over the {@code kafka.*} ones (group, offsets, …)
     */
    public Consumer<String, byte[]> rawConsumer(String purpose, Map<String, Object> settings) {
        Map<String, Object> overrides = new HashMap<>(settings);
        overrides.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId(purpose));
        return new KafkaConsumer<>(KafkaClientConfigs.consumer(broker, overrides),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** An idempotent producer ({@code acks=all}) of string keys and raw values, blocking at most 10 s. */
    public Producer<String, byte[]> rawProducer(String purpose) {
        return new KafkaProducer<>(KafkaClientConfigs.producer(broker, Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.CLIENT_ID_CONFIG, clientId(purpose))),
                new StringSerializer(), new ByteArraySerializer());
    }

    private String clientId(String purpose) {
        return service + "-" + purpose;
    }
}

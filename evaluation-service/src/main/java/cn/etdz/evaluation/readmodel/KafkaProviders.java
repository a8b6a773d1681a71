package cn.etdz.evaluation.readmodel;

import cn.etdz.common.kafka.KafkaClientConfigs;
import cn.etdz.common.outbox.OutboxPublisher;
import cn.etdz.evaluation.config.EvaluationConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** The Kafka clients of this service, built from the {@code kafka.*} configuration. */
@ApplicationScoped
public class KafkaProviders {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> broker;
    @Inject
    EvaluationConfig config;
    @ConfigProperty(name = "quarkus.http.port")
    int httpPort;

    /**
     * Makes the events consumer (created on the thread that polls it: consumers are single-threaded). Offsets are
     * committed by hand, after the database transaction; values stay raw bytes so an undecodable record can still be
     * dead-lettered as it came. A static member ({@code group.instance.id}), so a restarted replica resumes its own
     * partitions at once (docs/evaluation.md).
     */
    @Produces
    @ApplicationScoped
    Supplier<Consumer<String, byte[]>> consumers() {
        return () -> new KafkaConsumer<>(KafkaClientConfigs.consumer(broker, Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, config.consumer().groupId(),
                ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId(),
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) config.consumer().sessionTimeout().toMillis(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
                ConsumerConfig.CLIENT_ID_CONFIG, "evaluation-service-events")),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The configured instance id, else this host's name and HTTP port (unique per replica on a host). */
    String instanceId() {
        return config.consumer().instanceId().orElseGet(() -> {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
            return "evaluation-service-" + host + "-" + httpPort;
        });
    }

    /** Idempotent producers of score events for the outbox relay, made anew after a failed round. */
    @Produces
    @ApplicationScoped
    Supplier<Producer<String, String>> eventProducers() {
        return OutboxPublisher.producers(broker, "evaluation-service-outbox");
    }

    @Produces
    @ApplicationScoped
    Admin admin() {
        return Admin.create(KafkaClientConfigs.admin(broker));
    }

    void close(@Disposes Admin admin) {
        admin.close(Duration.ofSeconds(5));
    }

    /** Idempotent producer for the dead-letter topic. */
    @Produces
    @ApplicationScoped
    Producer<String, byte[]> deadLetterProducer() {
        return new KafkaProducer<>(KafkaClientConfigs.producer(broker, Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.CLIENT_ID_CONFIG, "evaluation-service-dlq")),
                new StringSerializer(), new ByteArraySerializer());
    }

    void close(@Disposes Producer<String, byte[]> producer) {
        producer.close(Duration.ofSeconds(5));
    }
}

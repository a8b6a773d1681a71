package cn.etdz.evaluation.readmodel;

import cn.etdz.common.kafka.KafkaProviders;
import cn.etdz.evaluation.config.EvaluationConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The events consumer's own Kafka clients and helpers: the consumer itself ({@code evaluation-service-events}), the
 * dead-letter writer and its producer ({@code evaluation-service-dlq}), the decoder.
 */
@ApplicationScoped
public class EventClients {

    /** Longest wait for Kafka to acknowledge a dead letter before the record is retried. */
    static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    KafkaProviders kafka;
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
        return () -> kafka.rawConsumer("events", Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, config.consumer().groupId(),
                ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId(),
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) config.consumer().sessionTimeout().toMillis(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500));
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

    /** Idempotent producer for the dead-letter topics. */
    @Produces
    @ApplicationScoped
    Producer<String, byte[]> deadLetterProducer() {
        return kafka.rawProducer("dlq");
    }

    void close(@Disposes Producer<String, byte[]> producer) {
        producer.close(Duration.ofSeconds(5));
    }

    /** Submissions go to the configured dead-letter topic, reference topics to their name and the suffix. */
    @Produces
    @Singleton
    DeadLetterWriter deadLetters(Producer<String, byte[]> producer) {
        return new DeadLetterWriter(producer,
                Map.of(config.consumer().submissionsTopic(), config.consumer().deadLetterTopic()),
                config.consumer().deadLetterSuffix(), DEAD_LETTER_TIMEOUT);
    }

    @Produces
    @Singleton
    EventDecoder decoder(ObjectMapper json) {
        return new EventDecoder(json);
    }
}

package cn.etdz.indicator.outbox;

import cn.etdz.common.kafka.KafkaClientConfigs;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** The Kafka clients of this service, built from the {@code kafka.*} configuration. */
@ApplicationScoped
public class KafkaProviders {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> broker;

    /**
     * Makes idempotent producers with {@code acks=all}. A producer blocks at most 5 s when the broker is unreachable
     * and gives a record up after 15 s, so the relay notices an outage and retries instead of hanging.
     */
    @Produces
    @ApplicationScoped
    Supplier<Producer<String, String>> producers() {
        return () -> new KafkaProducer<>(KafkaClientConfigs.producer(broker, Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.CLIENT_ID_CONFIG, "indicator-service-outbox")),
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
}

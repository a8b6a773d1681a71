package cn.etdz.indicator.outbox;

import cn.etdz.common.kafka.KafkaClientConfigs;
import cn.etdz.common.outbox.OutboxPublisher;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** The Kafka clients of this service, built from the {@code kafka.*} configuration. */
@ApplicationScoped
public class KafkaProviders {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> broker;

    /** Producers of the outbox relay, made anew after a failed round. */
    @Produces
    @ApplicationScoped
    Supplier<Producer<String, String>> producers() {
        return OutboxPublisher.producers(broker, "indicator-service-outbox");
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

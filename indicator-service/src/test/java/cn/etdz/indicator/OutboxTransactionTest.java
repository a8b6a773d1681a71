package cn.etdz.indicator;

import cn.etdz.common.events.EventEnvelope;
import cn.etdz.common.outbox.Outbox;
import cn.etdz.localstack.PlatformTestResource;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared outbox writes in the caller's transaction: an event is published exactly when its transaction commits. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "indicator"))
class OutboxTransactionTest {

    @Inject
    Outbox outbox;

    private static Outbox.Entry entry(String topic, String subject) {
        return new Outbox.Entry(topic, "key", "cn.etdz.test.happened", subject, 1, Map.of("subject", subject));
    }

    @Test
    void anEventOfARolledBackTransactionIsNeverPublished() {
        String topic = "outbox-test-" + UUID.randomUUID();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.append(entry(topic, "rolled-back"));
            // the row is in this transaction's connection, the one Hibernate uses too
            assertThat(((Number) Panache.getEntityManager()
                    .createNativeQuery("select count(*) from outbox where topic = ?1")
                    .setParameter(1, topic).getSingleResult()).longValue()).isEqualTo(1);
            throw new IllegalStateException("the business change failed");
        })).hasStackTraceContaining("the business change failed");
        QuarkusTransaction.requiringNew().run(() -> outbox.appendAll(List.of(entry(topic, "committed-1"),
                entry(topic, "committed-2"))));

        // oldest first on one partition: had the rolled-back row survived, it would come before the committed ones
        assertThat(IndicatorTestSupport.readTopic(topic, 2))
                .extracting(record -> EventEnvelope.fromHeaders(record.headers()).subject())
                .containsExactly("committed-1", "committed-2");
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.append(entry("outbox-test-none", "nowhere")))
                .isInstanceOf(TransactionalException.class);
    }
}

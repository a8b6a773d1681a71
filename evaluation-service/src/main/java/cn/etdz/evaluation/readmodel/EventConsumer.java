package cn.etdz.evaluation.readmodel;

import cn.etdz.common.kafka.TopicAdministrator;
import cn.etdz.common.kafka.TopicSpec;
import cn.etdz.evaluation.config.EvaluationConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Consumes {@code submissions.v1}, {@code zones.v1}, {@code indicators.v1}, {@code reviews.v1} and {@code periods.v1}
 * into the read model, the reference tables and the approvals, on one thread in one consumer group; the
 * {@link EventApplier} applies what it polls. A poll's submission records are applied in one database transaction
 * (reference records, review decisions and period states each in their own), and offsets are committed
 * only after that commit. A record that can never be processed goes to its topic's dead-letter topic
 * ({@link DeadLetterWriter}) and the partition moves on; a transient failure (e.g. the database) rewinds the partition
 * and retries after a pause.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    @Inject
    Supplier<Consumer<String, byte[]>> consumers;
    @Inject
    EventApplier applier;
    @Inject
    TopicAdministrator topics;
    @Inject
    EvaluationConfig config;
    @Inject
    MeterRegistry metrics;

    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        if (!config.consumer().enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "events-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Consumer<String, byte[]> kafka = consumers.get();
        try (KafkaClientMetrics clientMetrics = new KafkaClientMetrics(kafka)) {
            // records-lag(-max) per partition: how far the read model is behind the topics
            clientMetrics.bindTo(metrics);
            consumer = kafka;
            createTopics();
            kafka.subscribe(List.of(config.consumer().submissionsTopic(), config.consumer().zonesTopic(),
                    config.consumer().indicatorsTopic(), config.consumer().reviewsTopic(),
                    config.consumer().periodsTopic()));
            while (running) {
                if (!processed(kafka, kafka.poll(config.consumer().pollTimeout()))) {
                    Thread.sleep(config.consumer().retryBackoff().toMillis());
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("Consumer woken unexpectedly", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Submissions consumer stopped", e);
        } finally {
            consumer = null;
            // A static member stays in the group on close unless told otherwise; leaving hands its partitions to a
            // replacement with another id (a rescheduled pod) at once instead of after the session timeout.
            kafka.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(5)));
        }
    }

    /**
     * Applies one poll and commits how far each partition got; a partition that stopped at a record is rewound to it.
     * Returns false when some record must be retried.
     */
    private boolean processed(Consumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        boolean complete = true;
        for (Map.Entry<TopicPartition, Long> resume : applier.applySubmissions(records).entrySet()) {
            List<ConsumerRecord<String, byte[]>> inPartition = records.records(resume.getKey());
            if (resume.getValue() <= inPartition.get(inPartition.size() - 1).offset()) {
                kafka.seek(resume.getKey(), resume.getValue());
                complete = false;
            }
            commit.put(resume.getKey(), new OffsetAndMetadata(resume.getValue()));
        }
        for (TopicPartition partition : records.partitions()) {
            if (commit.containsKey(partition)) {
                continue; // a submissions partition the poll's one transaction took care of
            }
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (!applier.apply(record)) {
                    kafka.seek(partition, record.offset());
                    complete = false;
                    break;
                }
                commit.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        if (!commit.isEmpty()) {
            kafka.commitSync(commit);
        }
        return complete;
    }

    /**
     * Creates the consumed topics when missing (submissions partitioned by zone, reference data compacted), so the
     * subscription sees them at once; off where an operator manages topics.
     */
    private void createTopics() {
        if (!config.consumer().createTopics()) {
            return;
        }
        try {
            topics.createMissing(List.of(
                    TopicSpec.partitioned(config.consumer().submissionsTopic(),
                            config.consumer().submissionsPartitions()),
                    TopicSpec.compacted(config.consumer().zonesTopic()),
                    TopicSpec.compacted(config.consumer().indicatorsTopic()),
                    TopicSpec.partitioned(config.consumer().reviewsTopic(), config.consumer().submissionsPartitions()),
                    TopicSpec.compacted(config.consumer().periodsTopic())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the subscription still works; it only sees a topic created later at the next metadata refresh
            LOG.warnf("Could not create the consumed topics: %s", e.getMessage());
        }
    }
}

package cn.etdz.evaluation.readmodel;

import cn.etdz.common.events.EventEnvelope;
import cn.etdz.common.events.EventTypes;
import cn.etdz.common.events.IndicatorDefined;
import cn.etdz.common.events.InvalidEventException;
import cn.etdz.common.events.SubmissionAccepted;
import cn.etdz.common.events.ZoneChanged;
import cn.etdz.common.tracing.TraceContext;
import cn.etdz.evaluation.config.EvaluationConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Consumes {@code submissions.v1}, {@code zones.v1} and {@code indicators.v1} into the read model and the reference
 * tables, on one thread in one consumer group. A poll's submission records are applied in one database transaction
 * (reference records each in their own), and offsets are committed only after that commit. A record that can never
 * be processed (no CloudEvents attributes, unknown type or schema version, undecodable payload) goes to the topic's
 * dead-letter topic
 * ({@code submissions.v1.dlq}, {@code zones.v1.dlq}, {@code indicators.v1.dlq}) with its reason and the partition moves
 * on; a transient failure (e.g. the database) rewinds the partition and retries after a pause.
 */
@ApplicationScoped
public class EventConsumer {

    public static final String DLQ_REASON_HEADER = "dlq_reason";
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    @Inject
    Supplier<Consumer<String, byte[]>> consumers;
    @Inject
    Producer<String, byte[]> deadLetters;
    @Inject
    ReadModelUpdater updater;
    @Inject
    ReferenceUpdater references;
    @Inject
    Admin admin;
    @Inject
    ObjectMapper json;
    @Inject
    EvaluationConfig config;
    @Inject
    Tracer tracer;
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
                    config.consumer().indicatorsTopic()));
            while (running) {
                ConsumerRecords<String, byte[]> records = kafka.poll(config.consumer().pollTimeout());
                Map<TopicPartition, OffsetAndMetadata> processed = new HashMap<>();
                boolean failed = !applySubmissions(records, processed);
                for (TopicPartition partition : records.partitions()) {
                    if (processed.containsKey(partition)) {
                        continue; // a submissions partition the poll's one transaction took care of
                    }
                    for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                        if (!handleTraced(record)) {
                            kafka.seek(partition, record.offset());
                            failed = true;
                            break;
                        }
                        processed.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    }
                }
                if (!processed.isEmpty()) {
                    kafka.commitSync(processed);
                }
                if (failed) {
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
     * {@link #handle} in a consumer span that continues the trace the record carries, so the read-model update and
     * the recomputation it triggers join the trace of the request that stored the event.
     */
    private boolean handleTraced(ConsumerRecord<String, byte[]> record) {
        Span span = consumerSpan(record);
        try (Scope ignored = span.makeCurrent()) {
            boolean done = handle(record);
            if (!done) {
                span.setStatus(StatusCode.ERROR, "will be retried");
            }
            return done;
        } finally {
            span.end();
        }
    }

    /** A span for processing one record, child of the span that stored the event (its traceparent header). */
    private Span consumerSpan(ConsumerRecord<String, byte[]> record) {
        return tracer.spanBuilder(record.topic() + " process")
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(TraceContext.fromHeaders(record.headers()))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .startSpan();
    }

    /**
     * Applies the poll's submission records in one transaction, then dead-letters the undecodable ones, and notes each
     * submissions partition done in {@code processed}. When the transaction fails, nothing is noted and the records
     * go through {@link #handle} one by one (which retries a failing partition while the others move on). Returns
     * false when a dead letter could not be sent: that partition is rewound to it (the records after it are applied
     * and will be skipped as duplicates) and retried.
     */
    private boolean applySubmissions(ConsumerRecords<String, byte[]> records,
                                     Map<TopicPartition, OffsetAndMetadata> processed) {
        List<ReadModelUpdater.Event> events = new ArrayList<>();
        Map<ConsumerRecord<String, byte[]>, String> poison = new HashMap<>();
        List<TopicPartition> partitions = new ArrayList<>();
        // one consumer span per record, each continuing its own trace, though they share a transaction
        List<Span> spans = new ArrayList<>();
        try {
            for (TopicPartition partition : records.partitions()) {
                if (!partition.topic().equals(config.consumer().submissionsTopic())) {
                    continue;
                }
                partitions.add(partition);
                for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                    Span span = consumerSpan(record);
                    spans.add(span);
                    try {
                        EventEnvelope envelope = EventEnvelope.fromHeaders(record.headers());
                        events.add(new ReadModelUpdater.Event(envelope, decode(envelope, record.value()),
                                span.getSpanContext()));
                    } catch (InvalidEventException e) {
                        span.setStatus(StatusCode.ERROR, "dead-lettered: " + e.getMessage());
                        poison.put(record, e.getMessage());
                    }
                }
            }
            if (!events.isEmpty()) {
                updater.applyAll(events);
            }
        } catch (RuntimeException e) {
            spans.forEach(span -> span.setStatus(StatusCode.ERROR, "applied one by one instead"));
            LOG.warnf("Could not apply a poll's submissions at once, one by one instead: %s", e.getMessage());
            return true;
        } finally {
            spans.forEach(Span::end);
        }
        boolean sent = true;
        for (TopicPartition partition : partitions) {
            long next = records.records(partition).get(records.records(partition).size() - 1).offset() + 1;
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (poison.containsKey(record) && !deadLetter(record, poison.get(record))) {
                    consumer.seek(partition, record.offset());
                    next = record.offset();
                    sent = false;
                    break;
                }
            }
            processed.put(partition, new OffsetAndMetadata(next));
        }
        return sent;
    }

    /** Applies or dead-letters one record; false when it must be retried. */
    boolean handle(ConsumerRecord<String, byte[]> record) {
        try {
            EventEnvelope envelope = EventEnvelope.fromHeaders(record.headers());
            if (record.topic().equals(config.consumer().zonesTopic())) {
                ZoneChanged zone = decodeReference(envelope, record.value(), EventTypes.ZONE_CHANGED,
                        ZoneChanged.SCHEMA_VERSION, ZoneChanged.class);
                if (zone.code() == null || !zone.code().equals(envelope.subject()) || zone.type() == null
                        || zone.province() == null || zone.region() == null || zone.status() == null) {
                    throw new InvalidEventException("zone payload lacks code (equal to the subject), type, province, region or status");
                }
                references.applyZone(envelope, zone);
                return true;
            }
            if (record.topic().equals(config.consumer().indicatorsTopic())) {
                IndicatorDefined indicator = decodeReference(envelope, record.value(), EventTypes.INDICATOR_DEFINED,
                        IndicatorDefined.SCHEMA_VERSION, IndicatorDefined.class);
                if (indicator.code() == null || !indicator.code().equals(envelope.subject())) {
                    throw new InvalidEventException("indicator payload lacks a code equal to the subject");
                }
                references.applyIndicator(envelope, indicator);
                return true;
            }
            SubmissionAccepted submission = decode(envelope, record.value());
            ReadModelUpdater.Outcome outcome = updater.applyAll(List.of(
                    new ReadModelUpdater.Event(envelope, submission, Span.current().getSpanContext()))).get(0);
            LOG.debugf("%s revision %d of %s/%s: %s", envelope.id(), submission.revision(), submission.zone(),
                    submission.period(), outcome);
            return true;
        } catch (InvalidEventException e) {
            return deadLetter(record, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("Could not apply %s-%d@%d, will retry: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return false;
        }
    }

    private <T> T decodeReference(EventEnvelope envelope, byte[] value, String type, int schemaVersion,
                                  Class<T> payloadType) {
        if (!type.equals(envelope.type())) {
            throw new InvalidEventException("unexpected event type " + envelope.type());
        }
        if (envelope.schemaVersion() != schemaVersion) {
            throw new InvalidEventException("unsupported schema version " + envelope.schemaVersion());
        }
        if (value == null) {
            throw new InvalidEventException("empty payload");
        }
        try {
            return json.readValue(value, payloadType);
        } catch (java.io.IOException e) {
            throw new InvalidEventException("payload is not a " + payloadType.getSimpleName() + " document: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    /**
     * Creates the consumed topics when missing (submissions partitioned by zone, reference data compacted) and
     * {@code scores.v1}, which this service produces.
     */
    private void createTopics() {
        if (!config.consumer().createTopics()) {
            return;
        }
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            if (!existing.contains(config.consumer().submissionsTopic())) {
                missing.add(new NewTopic(config.consumer().submissionsTopic(),
                        Optional.of(config.consumer().submissionsPartitions()), Optional.empty()));
            }
            for (String reference : List.of(config.consumer().zonesTopic(), config.consumer().indicatorsTopic())) {
                if (!existing.contains(reference)) {
                    missing.add(new NewTopic(reference, Optional.of(1), Optional.empty())
                            .configs(Map.of("cleanup.policy", "compact")));
                }
            }
            if (!existing.contains(config.outbox().scoresTopic())) {
                missing.add(new NewTopic(config.outbox().scoresTopic(), Optional.of(1), Optional.empty()));
            }
            for (NewTopic topic : missing) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the subscription still works; it only sees a topic created later at the next metadata refresh
            LOG.warnf("Could not create the consumed topics: %s", e.getMessage());
        }
    }

    private SubmissionAccepted decode(EventEnvelope envelope, byte[] value) {
        if (!EventTypes.SUBMISSION_ACCEPTED.equals(envelope.type())) {
            throw new InvalidEventException("unexpected event type " + envelope.type());
        }
        if (envelope.schemaVersion() != SubmissionAccepted.SCHEMA_VERSION) {
            throw new InvalidEventException("unsupported schema version " + envelope.schemaVersion());
        }
        if (value == null) {
            throw new InvalidEventException("empty payload");
        }
        SubmissionAccepted submission;
        try {
            submission = json.readValue(value, SubmissionAccepted.class);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("payload is not a SubmissionAccepted document: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new InvalidEventException("payload cannot be read: " + e.getMessage());
        }
        if (submission.zone() == null || submission.period() == null || submission.revision() < 1
                || submission.receivedAt() == null) {
            throw new InvalidEventException("payload lacks zone, period, revision or receivedAt");
        }
        if (!submission.zone().equals(envelope.subject())) {
            throw new InvalidEventException("payload zone " + submission.zone() + " differs from subject " + envelope.subject());
        }
        return submission;
    }

    private boolean deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(DLQ_REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dlq_source", (record.topic() + "-" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        try {
            String topic = record.topic().equals(config.consumer().submissionsTopic())
                    ? config.consumer().deadLetterTopic() : record.topic() + config.consumer().deadLetterSuffix();
            deadLetters.send(new ProducerRecord<>(topic, null, record.key(),
                    record.value(), headers)).get(30, TimeUnit.SECONDS);
            LOG.warnf("Dead-lettered %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
            return true;
        } catch (Exception e) {
            LOG.warnf("Could not dead-letter %s-%d@%d, will retry: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return false;
        }
    }

    /** Used by tests to know the consumer is polling. */
    public boolean isRunning() {
        return consumer != null;
    }
}

package cn.etdz.evaluation.readmodel;

import cn.etdz.common.events.IndicatorDefined;
import cn.etdz.common.events.EventEnvelope;
import cn.etdz.common.events.EventTypes;
import cn.etdz.common.events.InvalidEventException;
import cn.etdz.common.events.PeriodStateChanged;
import cn.etdz.common.events.RevisionReviewed;
import cn.etdz.common.events.SubmissionAccepted;
import cn.etdz.common.events.ZoneChanged;
import cn.etdz.evaluation.config.EvaluationConfig;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies consumed records to the read model and the reference tables, or dead-letters those that can never be
 * applied. Each record gets a consumer span that continues the trace it carries. Which offsets to commit and where to
 * rewind is the {@link EventConsumer}'s business; this class says, per record or per partition, how far it got.
 */
@ApplicationScoped
public class EventApplier {

    private static final Logger LOG = Logger.getLogger(EventApplier.class);

    @Inject
    ReadModelUpdater updater;
    @Inject
    ReferenceUpdater references;
    @Inject
    ReviewUpdater reviews;
    @Inject
    EventDecoder decoder;
    @Inject
    DeadLetterWriter deadLetters;
    @Inject
    ConsumerSpans spans;
    @Inject
    EvaluationConfig config;

    /**
     * Applies the poll's submission records in one transaction, then dead-letters the undecodable ones. Returns, per
     * submissions partition, the offset to resume from: after its last record, or at the first record whose dead
     * letter could not be sent (the records after it were applied and will be skipped as duplicates). Returns no
     * partition when the transaction failed: then every record goes through {@link #apply} one by one, which retries
     * a failing partition while the others move on.
     */
    public Map<TopicPartition, Long> applySubmissions(ConsumerRecords<String, byte[]> records) {
        List<ReadModelUpdater.Event> events = new ArrayList<>();
        Map<ConsumerRecord<String, byte[]>, String> poison = new HashMap<>();
        List<TopicPartition> partitions = new ArrayList<>();
        // one consumer span per record, each continuing its own trace, though they share a transaction
        List<Span> started = new ArrayList<>();
        try {
            for (TopicPartition partition : records.partitions()) {
                if (!partition.topic().equals(config.consumer().submissionsTopic())) {
                    continue;
                }
                partitions.add(partition);
                for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                    Span span = spans.start(record);
                    started.add(span);
                    try {
                        EventDecoder.Decoded<SubmissionAccepted> event =
                                decoder.decode(record, EventDecoder.SUBMISSION);
                        events.add(new ReadModelUpdater.Event(event.envelope(), event.payload(),
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
            started.forEach(span -> span.setStatus(StatusCode.ERROR, "applied one by one instead"));
            LOG.warnf("Could not apply a poll's submissions at once, one by one instead: %s", e.getMessage());
            return Map.of();
        } finally {
            started.forEach(Span::end);
        }
        Map<TopicPartition, Long> resumeAt = new HashMap<>();
        for (TopicPartition partition : partitions) {
            List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
            long next = inPartition.get(inPartition.size() - 1).offset() + 1;
            for (ConsumerRecord<String, byte[]> record : inPartition) {
                if (poison.containsKey(record) && !deadLetters.send(record, poison.get(record))) {
                    next = record.offset();
                    break;
                }
            }
            resumeAt.put(partition, next);
        }
        return resumeAt;
    }

    /** Applies or dead-letters one record in a consumer span; false when it must be retried. */
    public boolean apply(ConsumerRecord<String, byte[]> record) {
        Span span = spans.start(record);
        try (Scope ignored = span.makeCurrent()) {
            boolean done = applyOrDeadLetter(record);
            if (!done) {
                span.setStatus(StatusCode.ERROR, "will be retried");
            }
            return done;
        } finally {
            span.end();
        }
    }

    private boolean applyOrDeadLetter(ConsumerRecord<String, byte[]> record) {
        try {
            if (record.topic().equals(config.consumer().zonesTopic())) {
                EventDecoder.Decoded<ZoneChanged> zone = decoder.decode(record, EventDecoder.ZONE);
                references.applyZone(zone.envelope(), zone.payload());
            } else if (record.topic().equals(config.consumer().indicatorsTopic())) {
                EventDecoder.Decoded<IndicatorDefined> indicator = decoder.decode(record, EventDecoder.INDICATOR);
                references.applyIndicator(indicator.envelope(), indicator.payload());
            } else if (record.topic().equals(config.consumer().reviewsTopic())) {
                boolean returned = EventTypes.REVISION_RETURNED.equals(EventEnvelope.fromHeaders(record.headers()).type());
                EventDecoder.Decoded<RevisionReviewed> review = decoder.decode(record,
                        returned ? EventDecoder.RETURN : EventDecoder.APPROVAL);
                reviews.applyReview(review.envelope(), review.payload());
            } else if (record.topic().equals(config.consumer().periodsTopic())) {
                EventDecoder.Decoded<PeriodStateChanged> period = decoder.decode(record, EventDecoder.PERIOD);
                reviews.applyPeriod(period.envelope(), period.payload());
            } else {
                EventDecoder.Decoded<SubmissionAccepted> submission = decoder.decode(record, EventDecoder.SUBMISSION);
                ReadModelUpdater.Outcome outcome = updater.applyAll(List.of(new ReadModelUpdater.Event(
                        submission.envelope(), submission.payload(), Span.current().getSpanContext()))).get(0);
                LOG.debugf("%s revision %d of %s/%s: %s", submission.envelope().id(), submission.payload().revision(),
                        submission.payload().zone(), submission.payload().period(), outcome);
            }
            return true;
        } catch (InvalidEventException e) {
            return deadLetters.send(record, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("Could not apply %s-%d@%d, will retry: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return false;
        }
    }
}

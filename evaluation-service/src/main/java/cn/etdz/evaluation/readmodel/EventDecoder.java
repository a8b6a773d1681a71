package cn.etdz.evaluation.readmodel;

import cn.etdz.common.events.EventEnvelope;
import cn.etdz.common.events.EventTypes;
import cn.etdz.common.events.IndicatorDefined;
import cn.etdz.common.events.InvalidEventException;
import cn.etdz.common.events.PeriodStateChanged;
import cn.etdz.common.events.RevisionReviewed;
import cn.etdz.common.events.SubmissionAccepted;
import cn.etdz.common.events.ZoneChanged;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Turns a consumed record into its CloudEvents envelope and typed payload, or says why it never can: missing
 * CloudEvents headers, an unexpected type or schema version, no payload, a payload that is not the expected JSON
 * document, or one that fails its kind's check against the envelope. Those are {@link InvalidEventException}s, which
 * the consumer dead-letters; nothing here touches Kafka or the database.
 */
public final class EventDecoder {

    /**
     * What one topic carries: the CloudEvents type and schema version, the payload's class, and a check of a decoded
     * payload against its envelope that returns the reason it is unusable, or null when it is sound.
     */
    public record Kind<T>(String type, int schemaVersion, Class<T> payloadType,
                          BiFunction<EventEnvelope, T, String> problem) {
    }

    /** A decoded event. */
    public record Decoded<T>(EventEnvelope envelope, T payload) {
    }

    /** {@code submissions.v1}: a submission of the zone named by the subject. */
    public static final Kind<SubmissionAccepted> SUBMISSION = new Kind<>(EventTypes.SUBMISSION_ACCEPTED,
            SubmissionAccepted.SCHEMA_VERSION, SubmissionAccepted.class, (envelope, submission) -> {
        if (submission.zone() == null || submission.period() == null || submission.revision() < 1
                || submission.receivedAt() == null) {
            return "payload lacks zone, period, revision or receivedAt";
        }
        if (!submission.zone().equals(envelope.subject())) {
            return "payload zone " + submission.zone() + " differs from subject " + envelope.subject();
        }
        return null;
    });

    /** {@code zones.v1}: the full state of the zone named by the subject. */
    public static final Kind<ZoneChanged> ZONE = new Kind<>(EventTypes.ZONE_CHANGED, ZoneChanged.SCHEMA_VERSION,
            ZoneChanged.class, (envelope, zone) ->
            zone.code() == null || !zone.code().equals(envelope.subject()) || zone.type() == null
                    || zone.province() == null || zone.region() == null || zone.status() == null
                    ? "zone payload lacks code (equal to the subject), type, province, region or status" : null);

    /** {@code indicators.v1}: the definition of the indicator named by the subject. */
    public static final Kind<IndicatorDefined> INDICATOR = new Kind<>(EventTypes.INDICATOR_DEFINED,
            IndicatorDefined.SCHEMA_VERSION, IndicatorDefined.class, (envelope, indicator) ->
            indicator.code() == null || !indicator.code().equals(envelope.subject())
                    ? "indicator payload lacks a code equal to the subject" : null);

    /** {@code reviews.v1}: an approval of a revision of a zone-period of the zone named by the subject. */
    public static final Kind<RevisionReviewed> APPROVAL = new Kind<>(EventTypes.REVISION_APPROVED,
            RevisionReviewed.SCHEMA_VERSION, RevisionReviewed.class, (envelope, review) -> reviewProblem(envelope,
            review, "APPROVED"));

    /** {@code reviews.v1}: a return of a revision (an approved one too, withdrawing its approval). */
    public static final Kind<RevisionReviewed> RETURN = new Kind<>(EventTypes.REVISION_RETURNED,
            RevisionReviewed.SCHEMA_VERSION, RevisionReviewed.class, (envelope, review) -> reviewProblem(envelope,
            review, "RETURNED"));

    private static String reviewProblem(EventEnvelope envelope, RevisionReviewed review, String state) {
        if (review.zone() == null || review.period() == null || review.revision() < 1 || review.decidedAt() == null) {
            return "review payload lacks zone, period, revision or decidedAt";
        }
        if (!review.zone().equals(envelope.subject())) {
            return "payload zone " + review.zone() + " differs from subject " + envelope.subject();
        }
        return state.equals(review.state()) ? null : "review state " + review.state() + " does not match its event type";
    }

    /** {@code periods.v1}: the state of the period named by the subject. */
    public static final Kind<PeriodStateChanged> PERIOD = new Kind<>(EventTypes.PERIOD_STATE_CHANGED,
            PeriodStateChanged.SCHEMA_VERSION, PeriodStateChanged.class, (envelope, period) ->
            period.period() == null || !period.period().equals(envelope.subject()) || period.changedAt() == null
                    || !("CLOSED".equals(period.state()) || "REOPENED".equals(period.state()))
                    ? "period payload lacks a period equal to the subject, changedAt, or a state CLOSED or REOPENED"
                    : null);

    private final ObjectMapper json;

    public EventDecoder(ObjectMapper json) {
        this.json = Objects.requireNonNull(json);
    }

    /** Decodes a record of the given kind; throws {@link InvalidEventException} when it never can be. */
    public <T> Decoded<T> decode(ConsumerRecord<String, byte[]> record, Kind<T> kind) {
        EventEnvelope envelope = EventEnvelope.fromHeaders(record.headers());
        return new Decoded<>(envelope, payload(envelope, record.value(), kind));
    }

    private <T> T payload(EventEnvelope envelope, byte[] value, Kind<T> kind) {
        if (!kind.type().equals(envelope.type())) {
            throw new InvalidEventException("unexpected event type " + envelope.type());
        }
        if (envelope.schemaVersion() != kind.schemaVersion()) {
            throw new InvalidEventException("unsupported schema version " + envelope.schemaVersion());
        }
        if (value == null) {
            throw new InvalidEventException("empty payload");
        }
        String notADocument = "payload is not a " + kind.payloadType().getSimpleName() + " document: ";
        T payload;
        try {
            payload = json.readValue(value, kind.payloadType());
        } catch (IOException e) {
            throw new InvalidEventException(notADocument
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        if (payload == null) {
            throw new InvalidEventException(notADocument + "null");
        }
        String problem = kind.problem().apply(envelope, payload);
        if (problem != null) {
            throw new InvalidEventException(problem);
        }
        return payload;
    }
}

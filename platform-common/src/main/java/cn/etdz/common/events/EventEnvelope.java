package cn.etdz.common.events;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The attributes every event carries, written as CloudEvents 1.0 Kafka binary-mode headers ({@code ce_*}); the
 * record value is the JSON payload and the record key is the subject.
 *
 * @param id            unique event id (consumers skip ids they have applied)
 * @param type          event type, e.g. {@link EventTypes#SUBMISSION_ACCEPTED}
 * @param source        producing service, e.g. {@code /indicator-service}
 * @param time          when the fact happened
 * @param subject       what it is about: a zone code or an indicator code
 * @param schemaVersion version of the payload schema (CloudEvents extension {@code ce_schemaversion})
 */
public record EventEnvelope(String id, String type, String source, OffsetDateTime time, String subject,
                            int schemaVersion) {

    public static final String SPEC_VERSION = "1.0";
    public static final String H_SPEC_VERSION = "ce_specversion";
    public static final String H_ID = "ce_id";
    public static final String H_TYPE = "ce_type";
    public static final String H_SOURCE = "ce_source";
    public static final String H_TIME = "ce_time";
    public static final String H_SUBJECT = "ce_subject";
    public static final String H_SCHEMA_VERSION = "ce_schemaversion";
    public static final String H_CONTENT_TYPE = "content-type";

    /** Kafka headers carrying this envelope. */
    public Headers toHeaders() {
        RecordHeaders headers = new RecordHeaders();
        add(headers, H_SPEC_VERSION, SPEC_VERSION);
        add(headers, H_ID, id);
        add(headers, H_TYPE, type);
        add(headers, H_SOURCE, source);
        add(headers, H_TIME, time.toString());
        add(headers, H_SUBJECT, subject);
        add(headers, H_SCHEMA_VERSION, Integer.toString(schemaVersion));
        add(headers, H_CONTENT_TYPE, "application/json");
        return headers;
    }

    /**
     * Reads the envelope of a consumed record.
     *
     * @throws InvalidEventException when a required attribute is missing or malformed
     */
    public static EventEnvelope fromHeaders(Headers headers) {
        try {
            return new EventEnvelope(required(headers, H_ID), required(headers, H_TYPE), required(headers, H_SOURCE),
                    OffsetDateTime.parse(required(headers, H_TIME)), required(headers, H_SUBJECT),
                    Integer.parseInt(required(headers, H_SCHEMA_VERSION)));
        } catch (RuntimeException e) {
            if (e instanceof InvalidEventException invalid) {
                throw invalid;
            }
            throw new InvalidEventException("malformed CloudEvents attribute: " + e.getMessage());
        }
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String required(Headers headers, String name) {
        return Optional.ofNullable(headers.lastHeader(name))
                .map(Header::value)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .filter(value -> !value.isBlank())
                .orElseThrow(() -> new InvalidEventException("missing CloudEvents attribute " + name));
    }
}

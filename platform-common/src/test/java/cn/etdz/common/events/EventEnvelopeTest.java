package cn.etdz.common.events;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventEnvelopeTest {

    private final EventEnvelope envelope = new EventEnvelope("e-1", EventTypes.SUBMISSION_ACCEPTED,
            "/indicator-service", OffsetDateTime.of(2016, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC), "SUZHOU-IP", 1);

    @Test
    void roundTripsThroughCloudEventsHeaders() {
        var headers = envelope.toHeaders();

        assertThat(new String(headers.lastHeader("ce_specversion").value(), StandardCharsets.UTF_8)).isEqualTo("1.0");
        assertThat(new String(headers.lastHeader("ce_subject").value(), StandardCharsets.UTF_8)).isEqualTo("SUZHOU-IP");
        assertThat(EventEnvelope.fromHeaders(headers)).isEqualTo(envelope);
    }

    @Test
    void rejectsAnEventWithoutId() {
        var headers = new RecordHeaders();
        envelope.toHeaders().forEach(h -> {
            if (!h.key().equals("ce_id")) {
                headers.add(h);
            }
        });

        assertThatThrownBy(() -> EventEnvelope.fromHeaders(headers))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("ce_id");
    }

    @Test
    void rejectsAMalformedTime() {
        var headers = envelope.toHeaders();
        headers.remove("ce_time");
        headers.add("ce_time", "yesterday".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> EventEnvelope.fromHeaders(headers)).isInstanceOf(InvalidEventException.class);
    }
}

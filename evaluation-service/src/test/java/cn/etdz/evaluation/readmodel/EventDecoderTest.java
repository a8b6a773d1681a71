package cn.etdz.evaluation.readmodel;

import cn.etdz.common.events.EventEnvelope;
import cn.etdz.common.events.EventTypes;
import cn.etdz.common.events.IndicatorDefined;
import cn.etdz.common.events.InvalidEventException;
import cn.etdz.common.events.SubmissionAccepted;
import cn.etdz.common.events.ZoneChanged;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one decoder of the three consumed topics, without Kafka or Quarkus. */
class EventDecoderTest {

    /** Configured as Quarkus configures the service's mapper: unknown fields are ignored, java.time is known. */
    private final EventDecoder decoder = new EventDecoder(JsonMapper.builder().findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());

    private static final String SUBMISSION = """
            {"submissionId": 7, "zone": "SUZHOU", "period": "2015", "revision": 2, "late": false,
             "receivedAt": "2016-03-01T08:00:00Z", "submittedBy": "js-system", "addedLater": true,
             "values": [{"indicator": "GDP", "value": 2070.5, "provisional": false, "note": null}]}""";
    private static final String ZONE = """
            {"code": "SUZHOU", "name": "苏州工业园区", "nameEn": "Suzhou Industrial Park", "type": "ETDZ",
             "province": "320000", "region": "EAST", "approvedOn": "1994-02-15", "status": "ACTIVE",
             "developedAreaKm2": 278.0}""";
    private static final String INDICATOR = """
            {"code": "GDP", "name": "地区生产总值", "nameEn": "GDP", "unit": "100m CNY", "pillar": "ECONOMY",
             "valueType": "NUMBER", "minValue": 0, "maxValue": null, "appliesTo": ["ETDZ"], "required": true}""";

    private static ConsumerRecord<String, byte[]> record(String type, int schemaVersion, String subject, String payload) {
        Headers headers = new EventEnvelope("e-1", type, "/indicator-service", OffsetDateTime.now(ZoneOffset.UTC),
                subject, schemaVersion).toHeaders();
        return record(headers, payload);
    }

    private static ConsumerRecord<String, byte[]> record(Headers headers, String payload) {
        return new ConsumerRecord<>("any.v1", 0, 42, -1, TimestampType.CREATE_TIME, -1, -1, "key",
                payload == null ? null : payload.getBytes(StandardCharsets.UTF_8), headers, Optional.empty());
    }

    @Test
    void decodesASubmissionWithItsEnvelope() {
        EventDecoder.Decoded<SubmissionAccepted> decoded = decoder.decode(
                record(EventTypes.SUBMISSION_ACCEPTED, 1, "SUZHOU", SUBMISSION), EventDecoder.SUBMISSION);

        assertThat(decoded.envelope().id()).isEqualTo("e-1");
        assertThat(decoded.envelope().subject()).isEqualTo("SUZHOU");
        assertThat(decoded.payload().revision()).isEqualTo(2);
        assertThat(decoded.payload().receivedAt()).isEqualTo(OffsetDateTime.parse("2016-03-01T08:00:00Z"));
        assertThat(decoded.payload().values()).singleElement()
                .satisfies(value -> assertThat(value.value()).isEqualTo(2070.5));
    }

    @Test
    void decodesReferenceEvents() {
        ZoneChanged zone = decoder.decode(record(EventTypes.ZONE_CHANGED, 1, "SUZHOU", ZONE), EventDecoder.ZONE)
                .payload();
        IndicatorDefined indicator = decoder.decode(record(EventTypes.INDICATOR_DEFINED, 1, "GDP", INDICATOR),
                EventDecoder.INDICATOR).payload();

        assertThat(zone.region()).isEqualTo("EAST");
        assertThat(zone.developedAreaKm2()).isEqualTo(278.0);
        assertThat(indicator.appliesTo()).containsExactly("ETDZ");
        assertThat(indicator.maxValue()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            another type   | cn.etdz.zone.changed | 1 | SUZHOU | SUBMISSION  | unexpected event type cn.etdz.zone.changed
            a newer schema | SUBMISSION_TYPE      | 2 | SUZHOU | SUBMISSION  | unsupported schema version 2
            no payload     | SUBMISSION_TYPE      | 1 | SUZHOU |             | empty payload
            JSON null      | SUBMISSION_TYPE      | 1 | SUZHOU | null        | payload is not a SubmissionAccepted document: null
            not JSON       | SUBMISSION_TYPE      | 1 | SUZHOU | <xml/>      | payload is not a SubmissionAccepted document: Unexpected
            another zone   | SUBMISSION_TYPE      | 1 | WUXI   | SUBMISSION  | payload zone SUZHOU differs from subject WUXI
            no revision    | SUBMISSION_TYPE      | 1 | SUZHOU | NO_REVISION | payload lacks zone, period, revision or receivedAt
            """)
    void refusesASubmissionThatCanNeverBeApplied(String name, String type, int schemaVersion, String subject,
                                                 String payload, String reason) {
        String eventType = type.equals("SUBMISSION_TYPE") ? EventTypes.SUBMISSION_ACCEPTED : type;
        String body = switch (String.valueOf(payload)) {
            case "SUBMISSION" -> SUBMISSION;
            case "NO_REVISION" -> "{\"zone\": \"SUZHOU\", \"period\": \"2015\", \"receivedAt\": \"2016-03-01T08:00:00Z\"}";
            default -> payload;
        };

        assertThatThrownBy(() -> decoder.decode(record(eventType, schemaVersion, subject, body), EventDecoder.SUBMISSION))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith(reason);
    }

    @Test
    void refusesReferenceEventsWhoseCodeIsNotTheSubject() {
        assertThatThrownBy(() -> decoder.decode(record(EventTypes.ZONE_CHANGED, 1, "WUXI", ZONE), EventDecoder.ZONE))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("zone payload lacks code (equal to the subject), type, province, region or status");
        assertThatThrownBy(() -> decoder.decode(record(EventTypes.ZONE_CHANGED, 1, "SUZHOU",
                ZONE.replace("\"status\": \"ACTIVE\",", "")), EventDecoder.ZONE))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> decoder.decode(record(EventTypes.INDICATOR_DEFINED, 1, "TAX", INDICATOR),
                EventDecoder.INDICATOR))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("indicator payload lacks a code equal to the subject");
    }

    @Test
    void refusesARecordWithoutCloudEventsHeaders() {
        assertThatThrownBy(() -> decoder.decode(record(new RecordHeaders(), SUBMISSION), EventDecoder.SUBMISSION))
                .isInstanceOf(InvalidEventException.class);
    }
}

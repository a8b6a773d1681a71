package cn.etdz.evaluation.scores;

import cn.etdz.common.tracing.TraceContext;
import cn.etdz.common.events.EventEnvelope;
import cn.etdz.common.events.EventTypes;
import cn.etdz.localstack.PlatformTestResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Produces the indicator service's events (zones.v1, submissions.v1, reviews.v1, periods.v1) to the real broker,
 * and a synthetic full data set whose every indicator improves with one quality number, so that the expected ranking
 * can be read off that number.
 */
public final class EventFixtures implements AutoCloseable {

    private static final AtomicLong SUBMISSION_IDS = new AtomicLong(1_000);
    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformTestResource.kafka().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());

    public static String code(String prefix) {
        return (prefix + "-" + UUID.randomUUID().toString().substring(0, 6)).toUpperCase(Locale.ROOT);
    }

    /** Registers a zone (zones.v1, full state). */
    void zone(String code, String type, String province, String region) throws Exception {
        zone(code, type, province, region, "ACTIVE");
    }

    /** Registers or changes a zone (zones.v1, full state). */
    void zone(String code, String type, String province, String region, String status) throws Exception {
        String payload = """
                {"code": "%s", "name": "Zone %s", "nameEn": null, "type": "%s", "province": "%s", "region": "%s",
                 "approvedOn": "2000-01-01", "status": "%s", "developedAreaKm2": 10.0}"""
                .formatted(code, code, type, province, region, status);
        send("zones.v1", code, EventTypes.ZONE_CHANGED, payload);
    }

    /** Registers an active zone with its Chinese and English names. */
    public void namedZone(String code, String type, String province, String region, String name, String nameEn)
            throws Exception {
        String payload = """
                {"code": "%s", "name": "%s", "nameEn": "%s", "type": "%s", "province": "%s", "region": "%s",
                 "approvedOn": "2000-01-01", "status": "ACTIVE", "developedAreaKm2": 10.0}"""
                .formatted(code, name, nameEn, type, province, region);
        send("zones.v1", code, EventTypes.ZONE_CHANGED, payload);
    }

    /** A catalogue entry without an English name (indicators.v1). */
    public void indicator(String code, String name) throws Exception {
        indicator(code, name, null);
    }

    /** A catalogue entry with its Chinese and English names (indicators.v1); {@code nameEn} may be null. */
    public void indicator(String code, String name, String nameEn) throws Exception {
        String payload = """
                {"code": "%s", "name": "%s", "nameEn": %s, "unit": "亿元", "pillar": "economy", "valueType": "NUMBER",
                 "minValue": 0, "maxValue": null, "appliesTo": ["ETDZ", "BECZ"], "required": false}"""
                .formatted(code, name, nameEn == null ? "null" : "\"" + nameEn + "\"");
        send("indicators.v1", code, EventTypes.INDICATOR_DEFINED, payload);
    }

    /** Any payload under proper CloudEvents headers of the given type. */
    void raw(String topic, String key, String type, String payload) throws Exception {
        send(topic, key, type, payload);
    }

    /** One accepted revision of a zone-period (submissions.v1). */
    public void submission(String zone, String period, int revision, Map<String, Double> values) throws Exception {
        submission(zone, period, revision, values, null);
    }

    /** One accepted revision of a zone-period, stored within the trace of {@code traceparent} (null for none). */
    void submission(String zone, String period, int revision, Map<String, Double> values, String traceparent)
            throws Exception {
        String list = values.entrySet().stream()
                .map(v -> "{\"indicator\": \"%s\", \"value\": %s, \"provisional\": false, \"note\": null}"
                        .formatted(v.getKey(), v.getValue()))
                .collect(Collectors.joining(", "));
        String payload = """
                {"submissionId": %d, "zone": "%s", "period": "%s", "revision": %d, "late": false,
                 "receivedAt": "2016-03-01T08:00:00Z", "submittedBy": "test", "values": [%s]}"""
                .formatted(SUBMISSION_IDS.incrementAndGet(), zone, period, revision, list);
        send("submissions.v1", zone, EventTypes.SUBMISSION_ACCEPTED, payload, traceparent);
    }

    /** A review decision (reviews.v1): APPROVED or RETURNED, on one revision of a zone-period. */
    public void review(String zone, String period, int revision, String state) throws Exception {
        String payload = """
                {"zone": "%s", "period": "%s", "revision": %d, "state": "%s", "comment": null, "valueComments": {},
                 "decidedBy": "reviewer", "decidedAt": "%s"}"""
                .formatted(zone, period, revision, state, OffsetDateTime.now(ZoneOffset.UTC));
        send("reviews.v1", zone, "APPROVED".equals(state) ? EventTypes.REVISION_APPROVED : EventTypes.REVISION_RETURNED,
                payload);
    }

    /** A period's new state (periods.v1): CLOSED or REOPENED. */
    public void period(String period, String state) throws Exception {
        String payload = """
                {"period": "%s", "state": "%s", "previousState": null, "reason": "test", "changedBy": "admin",
                 "changedAt": "%s"}""".formatted(period, state, OffsetDateTime.now(ZoneOffset.UTC));
        send("periods.v1", period, EventTypes.PERIOD_STATE_CHANGED, payload);
    }

    private void send(String topic, String key, String type, String payload) throws Exception {
        send(topic, key, type, payload, null);
    }

    private void send(String topic, String key, String type, String payload, String traceparent) throws Exception {
        var headers = new EventEnvelope(UUID.randomUUID().toString(), type, "/indicator-service",
                OffsetDateTime.now(ZoneOffset.UTC), key, 1).toHeaders();
        TraceContext.addTo(headers, traceparent);
        producer.send(new ProducerRecord<>(topic, null, key, payload, headers)).get();
    }

    /**
     * A complete ETDZ data set whose every indicator is better the larger {@code q} (1–20): levels grow with q,
     * shares and per-worker/per-land values grow, intensities, accidents and approval days fall. Under plan-2012 a
     * larger q therefore never scores lower, and strictly higher on the min-max indicators.
     */
    public static Map<String, Double> fullValues(double q) {
        Map<String, Double> v = new LinkedHashMap<>();
        double gdp = 100 * q;
        v.put("GDP", gdp);
        v.put("IND_VA", gdp * 0.5);
        v.put("IND_OUTPUT", gdp * 1.5);
        v.put("SERV_VA", gdp * (0.20 + 0.01 * q));
        v.put("TAX", 10 * q);
        v.put("FDI", 2 * q);
        v.put("EXPORTS", 5 * q);
        v.put("TRADE", 10 * q);
        v.put("RD_EXP", gdp * (0.01 + 0.001 * q));
        v.put("HT_OUTPUT", gdp * 1.5 * (0.30 + 0.01 * q));
        v.put("HT_TRADE", 10 * q * (0.30 + 0.01 * q));
        v.put("RD_CENTERS", 2 * q);
        v.put("HT_FIRMS", 10 * q);
        v.put("EMPLOYEES", 5 * q);
        v.put("GRADUATES", 5 * q * (0.20 + 0.01 * q));
        v.put("ENERGY", gdp * (0.60 - 0.02 * q));
        v.put("SO2", gdp * (10 - 0.4 * q));
        v.put("COD", gdp * (8 - 0.3 * q));
        v.put("ISO14000", 1.0);
        v.put("ECO_PARK", 1.0);
        v.put("SOCIAL_INS", 70 + q);
        v.put("SAFETY_ACC", Math.max(0, 20 - q));
        v.put("LEGAL_BASIS", 1.0);
        v.put("ONE_STOP", 1.0);
        v.put("APPROVAL_DAYS", 40 - q);
        v.put("ONLINE_RATE", 50 + q);
        v.put("AREA_BUILT", 10.0);
        return v;
    }

    @Override
    public void close() {
        producer.close();
    }
}

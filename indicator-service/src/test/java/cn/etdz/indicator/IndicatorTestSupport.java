package cn.etdz.indicator;

import cn.etdz.localstack.PlatformTestResource;
import cn.etdz.localstack.TokenIssuer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Tokens, unique zone codes, requests and topic reads shared by the service's tests. */
public final class IndicatorTestSupport {

    private IndicatorTestSupport() {
    }

    public static TokenIssuer tokens() {
        return PlatformTestResource.tokens();
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    /** A zone code no other test uses, so tests sharing the database do not see each other's rows. */
    public static String uniqueCode(String prefix) {
        return (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toUpperCase(Locale.ROOT);
    }

    /** A valid submission: the required indicators (GDP, TAX, EMPLOYEES) plus SERV_VA, provisional with a note. */
    public static String submission(String zone, String period, double gdp) {
        return """
                {"zone": "%s", "period": "%s",
                 "values": [{"indicator": "GDP", "value": %s},
                            {"indicator": "TAX", "value": %s},
                            {"indicator": "EMPLOYEES", "value": 12.5},
                            {"indicator": "SERV_VA", "value": %s, "provisional": true, "note": "preliminary"}]}"""
                .formatted(zone, period, gdp, gdp * 0.1, gdp * 0.3);
    }

    /** Registers a zone as admin and returns its code. */
    public static String registerZone(String prefix, String type, String province) {
        String code = uniqueCode(prefix);
        as(tokens().admin())
                .body("""
                        {"code": "%s", "name": "测试开发区", "type": "%s", "province": "%s"}""".formatted(code, type, province))
                .post("/api/v1/zones")
                .then().statusCode(201);
        return code;
    }

    /**
     * Adds an indicator to the catalogue as admin and returns its code, unique like {@link #uniqueCode}: an
     * environment share of 0–100 %, reported by ETDZ only, not required.
     */
    public static String addIndicator(String prefix) {
        String code = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toUpperCase(Locale.ROOT);
        as(tokens().admin()).body(indicator(code, "PERCENT", 0, 100, "[\"ETDZ\"]", false))
                .post("/api/v1/indicators").then().statusCode(201);
        return code;
    }

    /** The body of an indicator an admin adds or changes. */
    public static String indicator(String code, String valueType, double min, double max, String appliesTo,
                                   boolean required) {
        return """
                {"code": "%s", "name": "绿化覆盖率", "nameEn": "Green coverage", "unit": "%%", "pillar": "environment",
                 "valueType": "%s", "minValue": %s, "maxValue": %s, "appliesTo": %s, "required": %s}"""
                .formatted(code, valueType, min, max, appliesTo, required);
    }

    /**
     * Reads a topic from the beginning in a group of its own until at least {@code atLeast} records (at least one)
     * arrived, then a second longer to catch any that should not be there.
     */
    public static List<ConsumerRecord<String, String>> readTopic(String topic, int atLeast) {
        return readTopic(topic, null, atLeast);
    }

    /** As {@link #readTopic(String, int)}, counting and returning only the records with this key (any when null). */
    public static List<ConsumerRecord<String, String>> readTopic(String topic, String key, int atLeast) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformTestResource.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(record -> keep(records, record, key));
                return records.size() >= Math.max(1, atLeast);
            });
            consumer.poll(Duration.ofSeconds(1)).forEach(record -> keep(records, record, key));
        }
        return records;
    }

    private static void keep(List<ConsumerRecord<String, String>> records, ConsumerRecord<String, String> record,
                             String key) {
        if (key == null || key.equals(record.key())) {
            records.add(record);
        }
    }
}

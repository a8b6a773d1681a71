package cn.etdz.indicator.catalogue;

import cn.etdz.common.events.EventEnvelope;
import cn.etdz.common.events.EventTypes;
import cn.etdz.common.events.IndicatorDefined;
import cn.etdz.common.events.ZoneChanged;
import cn.etdz.localstack.PlatformTestResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.etdz.indicator.IndicatorTestSupport.as;
import static cn.etdz.indicator.IndicatorTestSupport.readTopic;
import static cn.etdz.indicator.IndicatorTestSupport.registerZone;
import static cn.etdz.indicator.IndicatorTestSupport.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "indicator"))
class ReferenceDataTest {

    @Inject
    ObjectMapper json;

    @Test
    void theCatalogueListsEveryRawIndicatorWithItsRules() {
        as(tokens().submitter("320000")).get("/api/v1/indicators")
                .then().statusCode(200)
                .body("findAll { it.origin == 'PLAN' }", hasSize(29))
                .body("code", hasItems("GDP", "SERV_VA", "HT_OUTPUT", "SO2", "SOCIAL_INS", "ONLINE_RATE", "AREA_BUILT",
                        "BORDER_TRADE", "PORT_THROUGHPUT"));
        as(tokens().analyst()).get("/api/v1/indicators/SOCIAL_INS")
                .then().statusCode(200)
                .body("name", equalTo("社会保险覆盖率"))
                .body("unit", equalTo("%"))
                .body("pillar", equalTo("society"))
                .body("valueType", equalTo("PERCENT"))
                .body("maxValue", equalTo(100.0f))
                .body("appliesTo", contains("ETDZ", "BECZ"));
        as(tokens().analyst()).queryParam("zoneType", "ETDZ").get("/api/v1/indicators")
                .then().body("code", not(hasItem("BORDER_TRADE"))).body("findAll { it.origin == 'PLAN' }", hasSize(27));
        as(tokens().analyst()).queryParam("pillar", "institutions").get("/api/v1/indicators")
                .then().body("pillar", everyItem(equalTo("institutions")));
        as(tokens().analyst()).get("/api/v1/indicators/NOPE").then().statusCode(404);
    }

    @Test
    void theCatalogueIsPublishedToACompactedIndicatorsTopic() throws Exception {
        Map<String, IndicatorDefined> published = new HashMap<>();
        for (ConsumerRecord<String, String> record : readTopic("indicators.v1", 29)) {
            assertThat(EventEnvelope.fromHeaders(record.headers()).type()).isEqualTo(EventTypes.INDICATOR_DEFINED);
            published.put(record.key(), json.readValue(record.value(), IndicatorDefined.class));
        }
        assertThat(published.keySet()).containsAll(as(tokens().analyst()).get("/api/v1/indicators").then().extract()
                .jsonPath().<String>getList("findAll { it.origin == 'PLAN' }.code")).hasSizeGreaterThanOrEqualTo(29);
        assertThat(published.get("BORDER_TRADE").appliesTo()).containsExactly("BECZ");
        assertThat(published.get("GDP").required()).isTrue();
        assertThat(published.get("ISO14000").maxValue()).isEqualTo(1.0);
        assertCompacted("indicators.v1");
    }

    @Test
    void everyZoneChangeIsPublishedWithTheZonesFullState() throws Exception {
        String code = registerZone("EVT", "ETDZ", "210000");
        as(tokens().admin()).body("""
                {"name": "大连经济技术开发区", "type": "ETDZ", "province": "210000", "status": "WARNED"}""")
                .put("/api/v1/zones/" + code).then().statusCode(200);

        List<ZoneChanged> changes = readTopic("zones.v1", 0).stream()
                .filter(record -> record.key().equals(code))
                .map(record -> {
                    try {
                        return json.readValue(record.value(), ZoneChanged.class);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
        assertThat(changes).extracting(ZoneChanged::status).containsExactly("ACTIVE", "WARNED");
        assertThat(changes.get(1).region()).isEqualTo("NORTHEAST");
        assertCompacted("zones.v1");
    }

    private static void assertCompacted(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                PlatformTestResource.kafka().bootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }
}

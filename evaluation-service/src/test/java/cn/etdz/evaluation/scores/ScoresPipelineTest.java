package cn.etdz.evaluation.scores;

import cn.etdz.localstack.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * The whole path on the real broker and database: zone and submission events in, snapshots, rankings, explanations,
 * flags and targets out. Each test uses its own periods, so the peer groups of different tests never mix.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class ScoresPipelineTest {

    private static EventFixtures events;

    @BeforeAll
    static void connect() {
        // doubles, not floats: the arithmetic below is checked to 1e-9
        io.restassured.RestAssured.config = io.restassured.RestAssured.config().jsonConfig(
                io.restassured.config.JsonConfig.jsonConfig().numberReturnType(
                        io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
        events = new EventFixtures();
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    private static String analyst() {
        return "Bearer " + PlatformTestResource.tokens().analyst();
    }

    private static JsonPath ranking(String period, String type, String extra) {
        return Rankings.ranking(period, type, extra);
    }

    /** Waits until the newest ranking of the period lists {@code zones} zones and satisfies a condition. */
    private static JsonPath awaitRanking(String period, String type, int zones, java.util.function.Predicate<JsonPath> until) {
        return Rankings.awaitRanking(period, type, json -> json.getInt("total") == zones && until.test(json));
    }

    @Test
    void submissionsBecomeARankingByTypeAndRegionWithUnrankedZonesListedLast() throws Exception {
        String best = EventFixtures.code("RANK-A");
        String second = EventFixtures.code("RANK-B");
        String third = EventFixtures.code("RANK-C");
        String fourth = EventFixtures.code("RANK-D");
        String sparse = EventFixtures.code("RANK-E");
        events.zone(best, "ETDZ", "320000", "EAST");
        events.zone(second, "ETDZ", "510000", "WEST");
        events.zone(third, "ETDZ", "330000", "EAST");
        events.zone(fourth, "ETDZ", "320000", "EAST");
        events.zone(sparse, "ETDZ", "320000", "EAST");
        events.submission(best, "2031", 1, EventFixtures.fullValues(8));
        events.submission(second, "2031", 1, EventFixtures.fullValues(6));
        events.submission(third, "2031", 1, EventFixtures.fullValues(4));
        events.submission(fourth, "2031", 1, EventFixtures.fullValues(2));
        events.submission(sparse, "2031", 1, Map.of("GDP", 500.0, "TAX", 50.0));

        JsonPath table = awaitRanking("2031", "ETDZ", 5, json -> json.getInt("snapshot.rankedCount") == 4);

        assertThat(table.getList("items.zone", String.class)).containsExactly(best, second, third, fourth, sparse);
        assertThat(table.getList("items.nationalRank", Integer.class)).containsExactly(1, 2, 3, 4, null);
        // plan-2012 ranks regions in the plan's groups: EAST_COASTAL holds three ranked zones, WEST one
        assertThat(table.getList("items.regionRank", Integer.class)).containsExactly(1, 1, 2, 3, null);
        assertThat(table.getList("items.regionGroup", String.class))
                .containsExactly("EAST_COASTAL", "WEST", "EAST_COASTAL", "EAST_COASTAL", "EAST_COASTAL");
        assertThat(table.getString("snapshot.methodology")).isEqualTo("plan-2012-ETDZ@1");
        List<Double> composites = table.getList("items.composite", Double.class);
        assertThat(composites.get(0)).isGreaterThan(composites.get(1));
        assertThat(composites.get(1)).isGreaterThan(composites.get(2));
        assertThat(composites.get(2)).isGreaterThan(composites.get(3));
        assertThat(composites.get(4)).isNull();
        assertThat(table.getBoolean("items[4].ranked")).isFalse();
        assertThat(table.getList("items[4].flags", String.class)).contains("UNRANKED");
        assertThat(table.getDouble("items[4].coverage")).isGreaterThan(0).isLessThan(2.0 / 3);
        assertThat(table.getDouble("items[0].coverage")).isGreaterThan(0.8);
        assertThat(table.getDouble("items[0].pillars.economy")).isBetween(0.0, 100.0);
        assertThat(table.getDouble("items[0].pillars.institutions")).isBetween(0.0, 100.0);

        JsonPath west = ranking("2031", "ETDZ", "&region=WEST");
        assertThat(west.getList("items.zone", String.class)).containsExactly(second);
        assertThat(west.getInt("items[0].nationalRank")).isEqualTo(2);
        JsonPath paged = ranking("2031", "ETDZ", "&page=1&size=2");
        assertThat(paged.getList("items.zone", String.class)).containsExactly(third, fourth);
        assertThat(paged.getInt("total")).isEqualTo(5);
    }

    @Test
    void anExplanationsContributionsAddUpToPillarsAndComposite() throws Exception {
        String top = EventFixtures.code("EXPL-A");
        String low = EventFixtures.code("EXPL-B");
        events.zone(top, "ETDZ", "320000", "EAST");
        events.zone(low, "ETDZ", "420000", "CENTRAL");
        events.submission(top, "2033", 1, EventFixtures.fullValues(9));
        events.submission(low, "2033", 1, EventFixtures.fullValues(3));
        awaitRanking("2033", "ETDZ", 2, json -> json.getInt("snapshot.rankedCount") == 2);

        JsonPath explanation = given().header("Authorization", analyst())
                .get("/api/v1/scores/" + top + "/2033/explanation").then().statusCode(200).extract().jsonPath();
        double composite = explanation.getDouble("score.composite");
        List<Map<String, Object>> indicators = explanation.getList("indicators");
        double sum = indicators.stream().map(i -> (Number) i.get("compositeContribution"))
                .filter(java.util.Objects::nonNull).mapToDouble(Number::doubleValue).sum();
        assertThat(sum).isCloseTo(composite, within(1e-6));
        double pillarSum = explanation.getList("pillars.compositeContribution", Double.class).stream()
                .mapToDouble(Double::doubleValue).sum();
        assertThat(pillarSum).isCloseTo(composite, within(1e-3));
        for (Map<String, Object> pillar : explanation.<Map<String, Object>>getList("pillars")) {
            double ofPillar = indicators.stream().filter(i -> pillar.get("pillar").equals(i.get("pillar")))
                    .map(i -> (Number) i.get("pillarContribution")).filter(java.util.Objects::nonNull)
                    .mapToDouble(Number::doubleValue).sum();
            assertThat(ofPillar).as("pillar %s", pillar.get("pillar"))
                    .isCloseTo(((Number) pillar.get("score")).doubleValue(), within(1e-6));
        }
        Map<String, Object> gdp = indicators.stream().filter(i -> "GDP".equals(i.get("indicator"))).findFirst().orElseThrow();
        assertThat(((Number) gdp.get("raw")).doubleValue()).isEqualTo(900.0);
        assertThat(((Number) gdp.get("normalised")).doubleValue()).isEqualTo(100.0);   // the larger of two, min-max
        Map<String, Object> share = indicators.stream().filter(i -> "SERV_SHARE".equals(i.get("indicator"))).findFirst().orElseThrow();
        assertThat(((Number) share.get("derived")).doubleValue()).isCloseTo(29.0, within(1e-9));   // 20 % + 9 × 1 %
        assertThat(((Number) share.get("normalised")).doubleValue()).isCloseTo(100 * 29.0 / 30, within(1e-9));
        assertThat(explanation.getList("sourceRevisions.period", String.class)).containsExactly("2033");
        assertThat(explanation.getList("sourceRevisions.revision", Integer.class)).containsExactly(1);
    }

    @Test
    void aCorrectionReranksThePeerGroupAndTheEarlierSnapshotStaysReadableAsOf() throws Exception {
        String a = EventFixtures.code("CORR-A");
        String b = EventFixtures.code("CORR-B");
        String c = EventFixtures.code("CORR-C");
        events.zone(a, "ETDZ", "320000", "EAST");
        events.zone(b, "ETDZ", "320000", "EAST");
        events.zone(c, "ETDZ", "320000", "EAST");
        events.submission(a, "2032", 1, EventFixtures.fullValues(1));
        events.submission(b, "2032", 1, EventFixtures.fullValues(2));
        events.submission(c, "2032", 1, EventFixtures.fullValues(3));
        JsonPath before = awaitRanking("2032", "ETDZ", 3, json -> json.getInt("snapshot.rankedCount") == 3);
        assertThat(before.getList("items.zone", String.class)).containsExactly(c, b, a);
        String publishedAt = before.getString("snapshot.computedAt");
        long firstSnapshot = before.getLong("snapshot.id");
        // the ranking carries an entity tag: asking again with it is 304 while no new snapshot exists
        String etag = given().header("Authorization", analyst()).get("/api/v1/scores?period=2032&zoneType=ETDZ")
                .then().statusCode(200).extract().header("ETag");
        assertThat(etag).isNotBlank();
        given().header("Authorization", analyst()).header("If-None-Match", etag)
                .get("/api/v1/scores?period=2032&zoneType=ETDZ").then().statusCode(304).header("ETag", etag);

        // gzip for clients that accept it: the same JSON, compressed, under its own entity tag
        var http = java.net.http.HttpClient.newHttpClient();
        var url = java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                + "/api/v1/scores?period=2032&zoneType=ETDZ");
        var plain = http.send(java.net.http.HttpRequest.newBuilder(url).header("Authorization", analyst()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        var compressed = http.send(java.net.http.HttpRequest.newBuilder(url).header("Authorization", analyst())
                .header("Accept-Encoding", "br;q=1.0, gzip;q=0.8").build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(compressed.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(compressed.body().length).isLessThan(plain.body().length);
        try (var gunzip = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(compressed.body()))) {
            assertThat(gunzip.readAllBytes()).isEqualTo(plain.body());
        }
        assertThat(compressed.headers().firstValue("ETag")).isNotEqualTo(plain.headers().firstValue("ETag"));

        events.submission(a, "2032", 2, EventFixtures.fullValues(5));   // the province corrects zone a
        JsonPath after = awaitRanking("2032", "ETDZ", 3, json -> json.getString("items[0].zone").equals(a));
        assertThat(after.getList("items.zone", String.class)).containsExactly(a, c, b);
        assertThat(after.getInt("items[0].revision")).isEqualTo(2);
        assertThat(after.getLong("snapshot.id")).isGreaterThan(firstSnapshot);
        // the remembered ranking was replaced by the new snapshot's, and the old tag no longer matches
        given().header("Authorization", analyst()).header("If-None-Match", etag)
                .get("/api/v1/scores?period=2032&zoneType=ETDZ").then().statusCode(200)
                .header("ETag", not(etag)).body("snapshot.id", equalTo((int) after.getLong("snapshot.id")));

        JsonPath asPublished = ranking("2032", "ETDZ", "&asOf=" + publishedAt);
        assertThat(asPublished.getLong("snapshot.id")).isEqualTo(firstSnapshot);
        assertThat(asPublished.getList("items.zone", String.class)).containsExactly(c, b, a);
        JsonPath old = given().header("Authorization", analyst()).get("/api/v1/scores/" + a + "/2032?asOf=" + publishedAt)
                .then().statusCode(200).extract().jsonPath();
        assertThat(old.getInt("nationalRank")).isEqualTo(3);
        assertThat(old.getInt("revision")).isEqualTo(1);
        List<Integer> history = given().header("Authorization", analyst()).get("/api/v1/scores/" + a)
                .then().statusCode(200).extract().jsonPath().getList("nationalRank", Integer.class);
        assertThat(history).containsExactly(1);
        given().header("Authorization", analyst()).get("/api/v1/scores?period=2032&zoneType=ETDZ&asOf=2000-01-01T00:00:00Z")
                .then().statusCode(404).contentType("application/problem+json");

        // both snapshots were published to scores.v1
        JsonPath latest = publishedEvent("ETDZ/2032", after.getLong("snapshot.id"));
        assertThat(latest.getList("zones.zone", String.class)).containsExactly(a, c, b);
        assertThat(publishedEvent("ETDZ/2032", firstSnapshot).getList("zones.zone", String.class))
                .containsExactly(c, b, a);
    }

    /** The scores.v1 event of a snapshot, read from the topic's start once the outbox relay has published it. */
    private static JsonPath publishedEvent(String key, long snapshotId) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformTestResource.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "scores-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<JsonPath> found = new ArrayList<>();
        try (var reader = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            reader.subscribe(List.of("scores.v1"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                reader.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                                .isEqualTo("cn.etdz.scores.published");
                        JsonPath event = JsonPath.from(record.value());
                        if (event.getLong("snapshotId") == snapshotId) {
                            found.add(event);
                        }
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

    @Test
    void flagsWarnTheBottomOfARegionGroupAndMarkExitAndExpansionAcrossPeriods() throws Exception {
        // six EAST zones; a group of six has its bottom five at region ranks 2–6
        List<String> zones = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String zone = EventFixtures.code("FLAG-" + i);
            zones.add(zone);
            events.zone(zone, "ETDZ", "320000", "EAST");
        }
        String first = zones.get(0);
        String sixth = zones.get(5);
        for (int i = 0; i < 6; i++) {   // 2041: quality 1…6, the sixth zone leads
            events.submission(zones.get(i), "2041", 1, EventFixtures.fullValues(i + 1));
        }
        for (String period : List.of("2042", "2043")) {   // then the first zone leaps to the top and stays there
            for (int i = 0; i < 6; i++) {
                events.submission(zones.get(i), period, 1, EventFixtures.fullValues(i == 0 ? 7 : i + 1));
            }
        }
        awaitRanking("2041", "ETDZ", 6, json -> json.getInt("snapshot.rankedCount") == 6);
        awaitRanking("2042", "ETDZ", 6, json -> json.getInt("snapshot.rankedCount") == 6
                && json.getString("items[0].zone").equals(first));
        awaitRanking("2043", "ETDZ", 6, json -> json.getInt("snapshot.rankedCount") == 6
                && json.getString("items[0].zone").equals(first));

        Map<String, List<String>> flags2041 = flags("2041");
        assertThat(flags2041.get(sixth)).isNull();                         // top of the group: no flag
        assertThat(flags2041.get(first)).containsExactly("WARNING");       // bottom now, no history yet

        // flags are written with each snapshot: a period is written again when the one before it changes its ranks,
        // so the three periods, scored in any order, agree once the last of them is written
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Map<String, List<String>> flags2042 = flags("2042");
            assertThat(flags2042.get(first)).isNull();                         // bottom in 2041 only: one of three
            assertThat(flags2042.get(sixth)).containsExactly("WARNING");       // now second of six: bottom five
            for (String zone : zones.subList(1, 5)) {                         // bottom in 2041 and 2042
                assertThat(flags2042.get(zone)).containsExactly("WARNING", "EXIT_CANDIDATE");
            }

            Map<String, List<String>> flags2043 = flags("2043");
            // top 10 % of six zones is rank 1: the first zone held it in 2042 and 2043
            assertThat(flags2043.get(first)).containsExactly("EXPANSION_ELIGIBLE");
            assertThat(flags2043.get(sixth)).containsExactly("WARNING", "EXIT_CANDIDATE");

            JsonPath table = ranking("2043", "ETDZ", "");
            assertThat(table.getList("items[0].flags", String.class)).containsExactly("EXPANSION_ELIGIBLE");
        });

        // the scores.v1 event of the snapshot carries each zone's flags as stored with it
        JsonPath table = ranking("2043", "ETDZ", "");
        JsonPath event = publishedEvent("ETDZ/2043", table.getLong("snapshot.id"));
        for (String zone : zones) {
            String at = ".find { it.zone == '" + zone + "' }.flags";
            assertThat(event.getList("zones" + at, String.class)).as(zone)
                    .containsExactlyElementsOf(table.getList("items" + at, String.class));
        }
        assertThat(event.getList("zones.find { it.zone == '" + sixth + "' }.flags", String.class))
                .containsExactly("WARNING", "EXIT_CANDIDATE");
    }

    private static Map<String, List<String>> flags(String period) {
        JsonPath flags = given().header("Authorization", analyst()).get("/api/v1/flags?period=" + period)
                .then().statusCode(200).extract().jsonPath();
        Map<String, List<String>> byZone = new java.util.HashMap<>();
        List<Map<String, Object>> items = flags.getList("");
        for (Map<String, Object> item : items) {
            @SuppressWarnings("unchecked")
            List<String> zoneFlags = (List<String>) item.get("flags");
            byZone.put((String) item.get("zone"), zoneFlags);
        }
        return byZone;
    }

    @Test
    void targetsCompareValuesWithThePlanAndTheAnnualPathFrom2010() throws Exception {
        // border zones: the only test using BECZ, so the aggregate is these two zones
        String a = EventFixtures.code("TGT-A");
        String b = EventFixtures.code("TGT-B");
        events.zone(a, "BECZ", "530000", "WEST");
        events.zone(b, "BECZ", "230000", "NORTHEAST");
        events.submission(a, "2010", 1, Map.of("GDP", 200.0, "SERV_VA", 40.0));
        events.submission(b, "2010", 1, Map.of("GDP", 200.0, "SERV_VA", 50.0));
        events.submission(a, "2013", 1, Map.of("GDP", 300.0, "SERV_VA", 90.0, "FDI", 3.0, "TAX", 40.0));
        events.submission(b, "2013", 1, Map.of("GDP", 400.0, "SERV_VA", 80.0, "FDI", 2.5, "TAX", 30.0));

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var targets = given().header("Authorization", analyst()).get("/api/v1/targets?period=2013&zoneType=BECZ");
            return targets.statusCode() == 200 && targets.jsonPath().getList("zones").size() == 2
                    && targets.jsonPath().getList("zones.lines").size() == 2
                    && targets.jsonPath().getDouble("aggregate.find { it.indicator == 'GDP' }.current") == 700.0;
        });
        JsonPath targets = given().header("Authorization", analyst()).get("/api/v1/targets?period=2013&zoneType=BECZ")
                .then().statusCode(200).extract().jsonPath();

        // totals grow at a constant rate from the plan's 2010 baseline to its 2015 target: b × (t/b)^(3/5) in 2013
        assertAggregate(targets, "GDP", 700.0, 390 * Math.pow(980 / 390.0, 0.6), "ON_TRACK");    // path 677.9
        assertAggregate(targets, "FDI", 5.5, 4.1 * Math.pow(8 / 4.1, 0.6), "BEHIND");            // path 6.12
        assertAggregate(targets, "TAX", 70.0, 41 * Math.pow(90 / 41.0, 0.6), "ON_TRACK");        // path 65.7
        assertThat(targets.getDouble("aggregate.find { it.indicator == 'SERV_SHARE' }.current"))
                .isCloseTo(100 * 170.0 / 700, within(1e-9));
        assertThat(targets.getString("aggregate.find { it.indicator == 'SERV_SHARE' }.status")).isEqualTo("NO_BASELINE");

        // a zone's share moves linearly from its own 2010 value to the target 30: 20 + (30 − 20) × 3/5 = 26
        String zoneA = "zones.find { it.zone == '" + a + "' }.lines.find { it.indicator == 'SERV_SHARE' }";
        assertThat(targets.getDouble(zoneA + ".current")).isCloseTo(30.0, within(1e-9));
        assertThat(targets.getDouble(zoneA + ".baseline2010")).isCloseTo(20.0, within(1e-9));
        assertThat(targets.getDouble(zoneA + ".path")).isCloseTo(26.0, within(1e-9));
        assertThat(targets.getDouble(zoneA + ".attainment")).isCloseTo(100.0, within(1e-9));
        assertThat(targets.getString(zoneA + ".status")).isEqualTo("ON_TRACK");
        String zoneB = "zones.find { it.zone == '" + b + "' }.lines.find { it.indicator == 'SERV_SHARE' }";
        assertThat(targets.getDouble(zoneB + ".current")).isCloseTo(20.0, within(1e-9));
        assertThat(targets.getDouble(zoneB + ".path")).isCloseTo(28.0, within(1e-9));   // 25 + 5 × 3/5
        assertThat(targets.getString(zoneB + ".status")).isEqualTo("BEHIND");
        String growthA = "zones.find { it.zone == '" + a + "' }.lines.find { it.indicator == 'GDP_GROWTH' }";
        assertThat(targets.getString(growthA + ".status")).isEqualTo("NO_DATA");   // 2012 was not reported

        given().header("Authorization", analyst()).get("/api/v1/targets?period=13&zoneType=XX")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("period", "zoneType"));
    }

    private static void assertAggregate(JsonPath targets, String indicator, double current, double path, String status) {
        String line = "aggregate.find { it.indicator == '" + indicator + "' }";
        assertThat(targets.getDouble(line + ".current")).isCloseTo(current, within(1e-9));
        assertThat(targets.getDouble(line + ".path")).isCloseTo(path, within(1e-9));
        assertThat(targets.getString(line + ".status")).isEqualTo(status);
        assertThat(targets.getInt(line + ".zones")).isEqualTo(2);
    }

    @Test
    void submittersReadTheRankingButOnlyTheirOwnProvincesExplanations() throws Exception {
        String jiangsu = EventFixtures.code("AUTH-JS");
        String sichuan = EventFixtures.code("AUTH-SC");
        events.zone(jiangsu, "ETDZ", "320000", "EAST");
        events.zone(sichuan, "ETDZ", "510000", "WEST");
        events.submission(jiangsu, "2035", 1, EventFixtures.fullValues(5));
        events.submission(sichuan, "2035", 1, EventFixtures.fullValues(4));
        awaitRanking("2035", "ETDZ", 2, json -> json.getInt("snapshot.rankedCount") == 2);
        String submitter = "Bearer " + PlatformTestResource.tokens().submitter("320000");

        given().get("/api/v1/scores?period=2035&zoneType=ETDZ").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", submitter).get("/api/v1/scores?period=2035&zoneType=ETDZ")
                .then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(2));
        given().header("Authorization", submitter).get("/api/v1/scores/" + jiangsu + "/2035/explanation")
                .then().statusCode(200).body("score.zone", org.hamcrest.Matchers.equalTo(jiangsu));
        given().header("Authorization", submitter).get("/api/v1/scores/" + sichuan + "/2035/explanation")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", submitter).get("/api/v1/targets?period=2035&zoneType=ETDZ")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", analyst()).get("/api/v1/scores/" + sichuan + "/2035/explanation")
                .then().statusCode(200);
        given().header("Authorization", analyst()).get("/api/v1/scores?period=20x5&size=0")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("period", "zoneType", "size"));
        given().header("Authorization", analyst()).get("/api/v1/scores/NO-SUCH-ZONE/2035")
                .then().statusCode(404).contentType("application/problem+json");
    }
}

package cn.etdz.evaluation.scores;

import cn.etdz.localstack.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * What a client asks of a ranking beyond the national order: another order, a name search, the rank change against the
 * previous period, the periods there are, and the plan's targets in aggregate or for one zone. Each test uses its own
 * periods, so its peer groups hold only its zones.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class RankingQueryTest {

    private static EventFixtures events;

    @BeforeAll
    static void connect() {
        events = new EventFixtures();
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    private static String analyst() {
        return Rankings.analyst();
    }

    private static List<String> zones(String period, String query) {
        return Rankings.ranking(period, "ETDZ", query).getList("items.zone", String.class);
    }

    /**
     * Five zones of a period: quality 8, 6, 4, 2 (ranks 1 to 4, composite falling with rank) and one unranked; names whose
     * pinyin order (安庆 an, 成都 cheng, 贵阳 gui, 苏州 su, 武汉 wu) differs from the rank order.
     */
    private static String[] fiveZones(String period) throws Exception {
        String best = EventFixtures.code("SORT-WH");
        String second = EventFixtures.code("SORT-AQ");
        String third = EventFixtures.code("SORT-CD");
        String fourth = EventFixtures.code("SORT-GY");
        String sparse = EventFixtures.code("SORT-SZ");
        events.namedZone(best, "ETDZ", "420000", "CENTRAL", "武汉经济技术开发区", "Wuhan Development Zone");
        events.namedZone(second, "ETDZ", "340000", "CENTRAL", "安庆经济技术开发区", "Anqing Development Zone");
        events.namedZone(third, "ETDZ", "510000", "WEST", "成都经济技术开发区", "Chengdu Development Zone");
        events.namedZone(fourth, "ETDZ", "520000", "WEST", "贵阳经济技术开发区", "Guiyang Development Zone");
        events.namedZone(sparse, "ETDZ", "320000", "EAST", "苏州工业园区", "Suzhou Industrial Park");
        events.submission(best, period, 1, EventFixtures.fullValues(8));
        events.submission(second, period, 1, EventFixtures.fullValues(6));
        events.submission(third, period, 1, EventFixtures.fullValues(4));
        events.submission(fourth, period, 1, EventFixtures.fullValues(2));
        events.submission(sparse, period, 1, Map.of("GDP", 500.0, "TAX", 50.0));
        Rankings.awaitRanking(period, "ETDZ", json -> json.getInt("total") == 5 && json.getInt("snapshot.rankedCount") == 4
                && json.getList("items.nameEn").stream().allMatch(name -> name != null));
        return new String[] {best, second, third, fourth, sparse};
    }

    @Test
    void sortOrdersTheWholeTableBeforePagingWithMissingValuesLastEitherWay() throws Exception {
        String[] z = fiveZones("2061");
        String best = z[0];
        String second = z[1];
        String third = z[2];
        String fourth = z[3];
        String sparse = z[4];

        JsonPath table = Rankings.ranking("2061", "ETDZ", "");
        assertThat(table.getList("items.zone", String.class)).containsExactly(best, second, third, fourth, sparse);
        assertThat(table.getList("items.nameEn", String.class)).containsExactly("Wuhan Development Zone",
                "Anqing Development Zone", "Chengdu Development Zone", "Guiyang Development Zone", "Suzhou Industrial Park");
        assertThat(zones("2061", "&sort=rank")).containsExactly(best, second, third, fourth, sparse);
        assertThat(zones("2061", "&sort=-rank")).containsExactly(fourth, third, second, best, sparse);

        // composite ascending, two rows a page: the unranked zone (no composite) still comes last
        assertThat(zones("2061", "&sort=composite&size=2&page=0")).containsExactly(fourth, third);
        assertThat(zones("2061", "&sort=composite&size=2&page=1")).containsExactly(second, best);
        assertThat(zones("2061", "&sort=composite&size=2&page=2")).containsExactly(sparse);
        assertThat(Rankings.ranking("2061", "ETDZ", "&sort=composite&size=2&page=2").getInt("total")).isEqualTo(5);
        assertThat(zones("2061", "&sort=-composite&size=2&page=1")).containsExactly(third, fourth);

        // a pillar: the order of its values as the default table reports them, descending
        List<String> byEconomy = table.getList("items", Map.class).stream()
                .filter(row -> ((Map<?, ?>) row.get("pillars")).get("economy") != null)
                .sorted((a, b) -> Double.compare(economy(b), economy(a)))
                .map(row -> (String) row.get("zone")).toList();
        assertThat(zones("2061", "&sort=-economy").subList(0, byEconomy.size())).isEqualTo(byEconomy);

        assertThat(zones("2061", "&sort=name")).containsExactly(second, third, fourth, sparse, best);
        assertThat(zones("2061", "&sort=-nameEn")).containsExactly(best, sparse, fourth, third, second);
        List<String> codes = Arrays.stream(z).sorted().toList();
        assertThat(zones("2061", "&sort=code")).isEqualTo(codes);

        // ranks stay those of the whole table
        JsonPath west = Rankings.ranking("2061", "ETDZ", "&region=WEST&sort=-composite");
        assertThat(west.getList("items.zone", String.class)).containsExactly(third, fourth);
        assertThat(west.getList("items.nationalRank", Integer.class)).containsExactly(3, 4);

        given().header("Authorization", analyst()).get("/api/v1/scores?period=2061&zoneType=ETDZ&sort=-population")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("sort"))
                .body("violations[0].code", equalTo("unknown-value"));
    }

    private static double economy(Map<?, ?> row) {
        return ((Number) ((Map<?, ?>) row.get("pillars")).get("economy")).doubleValue();
    }

    @Test
    void searchFindsCodeChineseAndEnglishNamesAcrossPagesKeepingTheRanks() throws Exception {
        String[] z = fiveZones("2062");
        String best = z[0];
        String second = z[1];
        String third = z[2];
        String fourth = z[3];
        String sparse = z[4];

        assertThat(zones("2062", "&q=suzhou")).containsExactly(sparse);
        assertThat(zones("2062", "&q=" + "成都")).containsExactly(third);
        assertThat(zones("2062", "&q=" + second.toLowerCase(java.util.Locale.ROOT))).containsExactly(second);
        // the fourth match of the whole table is on the second page of three rows
        JsonPath second3 = Rankings.ranking("2062", "ETDZ", "&q=DEVELOPMENT&size=3&page=1");
        assertThat(second3.getList("items.zone", String.class)).containsExactly(fourth);
        assertThat(second3.getList("items.nationalRank", Integer.class)).containsExactly(4);
        assertThat(second3.getInt("total")).isEqualTo(4);
        assertThat(zones("2062", "&q=development&sort=-composite&size=2&page=0")).containsExactly(best, second);
        assertThat(zones("2062", "&q=development&region=WEST")).containsExactly(third, fourth);
        JsonPath none = Rankings.ranking("2062", "ETDZ", "&q=shanghai");
        assertThat(none.getInt("total")).isZero();
        assertThat(none.getList("items")).isEmpty();
        // a blank search is no search
        assertThat(zones("2062", "&q=")).hasSize(5);
    }

    @Test
    void everyVariantCarriesItsOwnEntityTagAndAnswers304ToIt() throws Exception {
        fiveZones("2065");
        List<String> variants = List.of("", "&sort=composite", "&sort=name&page=1&size=2", "&q=development",
                "&q=development&sort=name");
        List<String> tags = new java.util.ArrayList<>();
        for (String variant : variants) {
            String url = "/api/v1/scores?period=2065&zoneType=ETDZ" + variant;
            String etag = given().header("Authorization", analyst()).get(url).then().statusCode(200).extract().header("ETag");
            assertThat(etag).as(variant).isNotBlank();
            tags.add(etag);
            given().header("Authorization", analyst()).header("If-None-Match", etag).get(url)
                    .then().statusCode(304).header("ETag", etag);
        }
        // each page has its own tag, and the same page with the same query the same tag every time
        assertThat(tags).doesNotHaveDuplicates();
        String again = given().header("Authorization", analyst())
                .get("/api/v1/scores?period=2065&zoneType=ETDZ&q=development").then().statusCode(200).extract().header("ETag");
        assertThat(again).isEqualTo(tags.get(3));
        // another page's tag does not match
        given().header("Authorization", analyst()).header("If-None-Match", tags.get(3))
                .get("/api/v1/scores?period=2065&zoneType=ETDZ&q=development&sort=name").then().statusCode(200);
    }

    @Test
    void previousRankIsTheNationalRankOfThePreviousPeriodAndNullForZonesNotRankedThen() throws Exception {
        String a = EventFixtures.code("PREV-A");
        String b = EventFixtures.code("PREV-B");
        String c = EventFixtures.code("PREV-C");
        String late = EventFixtures.code("PREV-D");
        String sparse = EventFixtures.code("PREV-E");
        for (String zone : List.of(a, b, c, late, sparse)) {
            events.zone(zone, "ETDZ", "320000", "EAST");
        }
        // 2063: a 1, b 2, c 3; sparse unranked; late not reporting
        events.submission(a, "2063", 1, EventFixtures.fullValues(8));
        events.submission(b, "2063", 1, EventFixtures.fullValues(6));
        events.submission(c, "2063", 1, EventFixtures.fullValues(4));
        events.submission(sparse, "2063", 1, Map.of("GDP", 500.0));
        Rankings.awaitRanking("2063", "ETDZ", json -> json.getInt("snapshot.rankedCount") == 3 && json.getInt("total") == 4);
        // 2064: every zone ranked (the order also depends on growth against 2063, so it is not asserted)
        events.submission(b, "2064", 1, EventFixtures.fullValues(9));
        events.submission(sparse, "2064", 1, EventFixtures.fullValues(7));
        events.submission(c, "2064", 1, EventFixtures.fullValues(5));
        events.submission(a, "2064", 1, EventFixtures.fullValues(3));
        events.submission(late, "2064", 1, EventFixtures.fullValues(1));
        JsonPath table = Rankings.awaitRanking("2064", "ETDZ", json -> json.getInt("snapshot.rankedCount") == 5);

        Map<String, Integer> previous = new java.util.HashMap<>();
        table.getList("items", Map.class).forEach(row -> previous.put((String) row.get("zone"), (Integer) row.get("previousRank")));
        Map<String, Integer> expected = new java.util.HashMap<>(Map.of(a, 1, b, 2, c, 3));
        expected.put(sparse, null);   // unranked in 2063
        expected.put(late, null);     // not reported in 2063
        assertThat(previous).isEqualTo(expected);
        given().header("Authorization", analyst()).get("/api/v1/scores/" + a + "/2064")
                .then().statusCode(200).body("previousRank", equalTo(1));
        // the first period has nothing to compare with
        assertThat(Rankings.ranking("2063", "ETDZ", "").getList("items.previousRank")).containsOnlyNulls();
    }

    @Test
    void theScoredPeriodsOfAZoneTypeAreListedOldestFirst() throws Exception {
        String zone = EventFixtures.code("PERIODS");
        events.zone(zone, "ETDZ", "320000", "EAST");
        events.submission(zone, "2066", 1, EventFixtures.fullValues(5));
        events.submission(zone, "2067", 1, EventFixtures.fullValues(5));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", analyst())
                .get("/api/v1/scores/periods?zoneType=ETDZ").then().statusCode(200)
                .body("zoneType", equalTo("ETDZ")).body("periods", hasItem("2066")).body("periods", hasItem("2067")));

        List<String> periods = given().header("Authorization", analyst()).get("/api/v1/scores/periods?zoneType=ETDZ")
                .then().statusCode(200).extract().jsonPath().getList("periods", String.class);
        assertThat(periods).isSorted().doesNotHaveDuplicates().doesNotContain("2068");
        // every listed period has a ranking
        given().header("Authorization", analyst()).get("/api/v1/scores?period=" + periods.get(0) + "&zoneType=ETDZ")
                .then().statusCode(200);
        // before the first snapshot there were none
        given().header("Authorization", analyst()).get("/api/v1/scores/periods?zoneType=ETDZ&asOf=2000-01-01")
                .then().statusCode(200).body("periods", empty());
        given().header("Authorization", analyst()).get("/api/v1/scores/periods?zoneType=XX")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", contains("zoneType"));
        given().header("Authorization", "Bearer " + PlatformTestResource.tokens().submitter("320000"))
                .get("/api/v1/scores/periods?zoneType=ETDZ").then().statusCode(200).body("periods", not(empty()));
    }

    @Test
    void targetsInAggregateOnlyOrForOneZoneAreTheSameLinesAsTheFullAnswer() throws Exception {
        String a = EventFixtures.code("TGZ-A");
        String b = EventFixtures.code("TGZ-B");
        events.zone(a, "BECZ", "530000", "WEST");
        events.zone(b, "BECZ", "230000", "NORTHEAST");
        events.submission(a, "2010", 1, Map.of("GDP", 200.0, "SERV_VA", 40.0));
        events.submission(a, "2014", 1, Map.of("GDP", 300.0, "SERV_VA", 90.0, "FDI", 3.0, "TAX", 40.0));
        events.submission(b, "2014", 1, Map.of("GDP", 400.0, "SERV_VA", 80.0, "FDI", 2.5, "TAX", 30.0));
        String all = "/api/v1/targets?period=2014&zoneType=BECZ";
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var targets = given().header("Authorization", analyst()).get(all);
            return targets.statusCode() == 200 && targets.jsonPath().getList("zones").size() == 2
                    && targets.jsonPath().getDouble("aggregate.find { it.indicator == 'GDP' }.current") == 700.0;
        });
        JsonPath full = given().header("Authorization", analyst()).get(all).then().statusCode(200).extract().jsonPath();

        JsonPath aggregate = given().header("Authorization", analyst()).get(all + "&aggregateOnly=true")
                .then().statusCode(200).extract().jsonPath();
        assertThat(aggregate.getList("zones")).isEmpty();
        assertThat(aggregate.getList("aggregate")).isNotEmpty().isEqualTo(full.getList("aggregate"));

        JsonPath one = given().header("Authorization", analyst()).get(all + "&zone=" + a)
                .then().statusCode(200).extract().jsonPath();
        assertThat(one.getList("aggregate")).isEmpty();
        assertThat(one.getList("zones.zone", String.class)).containsExactly(a);
        assertThat(one.getList("zones[0].lines")).isNotEmpty()
                .isEqualTo(full.getList("zones.find { it.zone == '" + a + "' }.lines"));
        // its own share against its own 2010 value: 20 % then, 30 % now
        assertThat(one.getDouble("zones[0].lines.find { it.indicator == 'SERV_SHARE' }.baseline2010")).isEqualTo(20.0);
        assertThat(one.getDouble("zones[0].lines.find { it.indicator == 'SERV_SHARE' }.current")).isEqualTo(30.0);

        given().header("Authorization", analyst()).get(all + "&zone=NO-SUCH-ZONE")
                .then().statusCode(404).contentType("application/problem+json");
        String etdz = EventFixtures.code("TGZ-ETDZ");
        events.zone(etdz, "ETDZ", "320000", "EAST");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", analyst())
                .get(all + "&zone=" + etdz).then().statusCode(400).contentType("application/problem+json")
                .body("violations.code", contains("wrong-type")));
        given().header("Authorization", analyst()).get(all + "&zone=" + a + "&aggregateOnly=true")
                .then().statusCode(400).body("violations.field", contains("zone"));
        given().header("Authorization", analyst()).get(all + "&aggregateOnly=yes")
                .then().statusCode(400).body("violations.field", contains("aggregateOnly"));
        given().header("Authorization", "Bearer " + PlatformTestResource.tokens().submitter("530000"))
                .get(all + "&zone=" + a).then().statusCode(403);
    }
}

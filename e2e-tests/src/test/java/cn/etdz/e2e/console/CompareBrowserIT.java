package cn.etdz.e2e.console;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comparing zones side by side in a real browser, against the packaged stack with the demo data: the zones come from a
 * zone's profile and the chooser, the figures shown are the API's, the address keeps the zones, and a fifth zone or a
 * zone of another type is refused with a message. axe-core checks every state; each leaves a screenshot.
 */
class CompareBrowserIT {

    private static final String PERIOD = "2015";
    private static final String ZONE_TYPE = "ETDZ";
    private static final String GROUP = "period=" + PERIOD + "&zoneType=" + ZONE_TYPE;

    @RegisterExtension
    static final ConsoleStack console = new ConsoleStack("compare");

    private static JsonPath api(String path, Map<String, ?> query) {
        return given().header("Authorization", "Bearer " + console.stack().tokens().analyst()).queryParams(query)
                .get("/api/v1" + path).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> ranked(String zoneType, int size) {
        return api("/scores", Map.of("period", PERIOD, "zoneType", zoneType, "size", size)).getList("items.zone");
    }

    private static List<String> compared() {
        return console.browser().all(By.cssSelector("#compare-table tbody tr")).stream()
                .map(row -> row.getAttribute("data-zone")).toList();
    }

    @Test
    void fourZonesChosenFromAProfileShowTheApisScoresAndAFifthIsRefused() {
        List<String> zones = ranked(ZONE_TYPE, 5);
        console.signIn("demo-analyst");
        console.open("zone/" + zones.get(0) + "?" + GROUP);
        console.browser().await(By.id("compare-link")).click();
        console.browser().await(By.id("compare-table"));
        console.browser().awaitLoaded();
        assertThat(compared()).containsExactly(zones.get(0));

        for (String zone : zones.subList(1, 4)) {
            new Select(console.browser().await(By.id("compare-zone"))).selectByValue(zone);
            console.browser().await(By.id("compare-add")).click();
            console.browser().await(By.cssSelector("#compare-table tr[data-zone='" + zone + "']"));
            console.browser().awaitLoaded();
        }
        assertThat(compared()).containsExactlyElementsOf(zones.subList(0, 4));
        assertThat(console.browser().driver.getCurrentUrl())
                .contains("#/compare", "zones=" + String.join("%2C", zones.subList(0, 4)));
        for (String zone : zones.subList(0, 4)) {
            JsonPath score = api("/scores/" + zone + "/" + PERIOD, Map.of());
            String row = "#compare-table tr[data-zone='" + zone + "'] ";
            assertThat(text(row + "[data-column='composite']")).isEqualTo(oneDecimal(score.getDouble("composite")));
            assertThat(text(row + "[data-column='nationalRank']")).isEqualTo(score.getString("nationalRank"));
            assertThat(text(row + "[data-column='node:INNOVATION']"))
                    .isEqualTo(oneDecimal(score.getDouble("pillars.innovation")));
            List<Map<String, Object>> history = api("/scores/" + zone, Map.of()).getList("$");
            for (Map<String, Object> period : history) {
                assertThat(text("#compare-history tr[data-zone='" + zone + "'] td[data-period='" + period.get("period")
                        + "']")).as(zone + " " + period.get("period"))
                        .isEqualTo(oneDecimal(period.get("composite")));
            }
        }
        console.browser().awaitDrawn("#compare-radar canvas");
        console.browser().awaitDrawn("#compare-lines canvas");
        console.browser().screenshot("compare-four");
        console.browser().assertAccessible("comparison of four zones");

        String address = console.browser().driver.getCurrentUrl();
        new Select(console.browser().await(By.id("compare-zone"))).selectByValue(zones.get(4));
        console.browser().await(By.id("compare-add")).click();
        assertThat(text("#compare-message [role='alert']"))
                .isEqualTo("最多只能同时对比 4 个开发区。请先移除一个，再添加新的。");
        assertThat(console.browser().driver.getCurrentUrl()).isEqualTo(address);
        assertThat(compared()).hasSize(4);
        console.browser().screenshot("compare-fifth-refused");
        console.browser().assertAccessible("comparison refusing a fifth zone");

        console.browser().await(By.cssSelector("#compare-chosen button[data-remove='" + zones.get(1) + "']")).click();
        console.browser().await(By.cssSelector("#compare-table"));
        console.browser().awaitLoaded();
        assertThat(compared()).containsExactly(zones.get(0), zones.get(2), zones.get(3));
    }

    @Test
    void aSharedAddressShowsTheSameZonesAndSaysWhatItCannotCompare() {
        List<String> zones = ranked(ZONE_TYPE, 5);
        String otherType = ranked("BECZ", 1).get(0);
        console.signIn("demo-analyst");
        console.open("compare?" + GROUP + "&zones=" + String.join(",", zones));
        assertThat(compared()).containsExactlyElementsOf(zones.subList(0, 4));
        assertThat(text("#compare-message [role='alert']")).contains("最多只能同时对比 4 个开发区");

        console.open("compare?" + GROUP + "&zones=" + zones.get(0) + "," + otherType);
        assertThat(compared()).containsExactly(zones.get(0));
        assertThat(text("#compare-message [role='alert']")).contains(otherType, "没有国家级经济技术开发区的评分");
        assertThat(console.browser().all(By.cssSelector("#compare-history tbody tr"))).hasSize(1);
        console.browser().screenshot("compare-other-type");
        console.browser().assertAccessible("comparison with a zone of another type");

        console.browser().await(By.id("language")).click();
        console.browser().awaitText(By.cssSelector("h1"), "Compare zones");
        console.browser().awaitLoaded();
        assertThat(compared()).containsExactly(zones.get(0));
        console.browser().screenshot("compare-english");
        console.browser().assertAccessible("comparison in English");
    }

    private static String text(String css) {
        return console.browser().await(By.cssSelector(css)).getText();
    }

    /**
     * A framework other than the plan's, adopted for the border zones: the ranking's columns, the radars, the
     * comparison and the explanation show its own parts by their names, the table sorts by them as the API does, and
     * the what-if changes its parts' weights while keeping its zero rule, imputation and flag rules.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aFrameworkOtherThanThePlansIsShownByItsOwnParts() {
        String admin = console.stack().tokens().admin();
        Map<String, Object> plan = (Map<String, Object>) given().header("Authorization", "Bearer " + admin)
                .get("/api/v1/methodologies").then().statusCode(200).extract().jsonPath().getList("$", Map.class).stream()
                .filter(version -> "BECZ".equals(version.get("zoneType")) && (Boolean) version.get("active"))
                .findFirst().orElseThrow().get("methodology");
        Map<String, Map<String, Object>> pillars = new java.util.HashMap<>();
        ((List<Map<String, Object>>) plan.get("pillars")).forEach(pillar -> pillars.put((String) pillar.get("code"), pillar));
        Map<String, Object> tree = new java.util.LinkedHashMap<>();
        tree.put("id", "border-2026");
        tree.put("zoneType", "BECZ");
        tree.put("compositeAggregation", "ARITHMETIC");
        tree.put("regionGrouping", "STATISTICAL_REGIONS");
        tree.put("zeroRule", Map.of("type", "SHIFT", "value", 1));
        tree.put("imputation", "PEER_MEDIAN");
        tree.put("flagRules", Map.of("preset", "MOFCOM_2016"));
        tree.put("nodes", List.of(
                node("GROWTH", "开放与增长", "Opening-up and growth", 60, List.of(
                        part("SCALE", "经济规模", "Economic scale", pillars.get("ECONOMY")),
                        part("CAPACITY", "创新能力", "Innovation capacity", pillars.get("INNOVATION")))),
                node("SUSTAINABILITY", "可持续发展", "Sustainability", 40, List.of(
                        part("GREEN", "绿色发展", "Green development", pillars.get("ENVIRONMENT")),
                        part("PEOPLE", "民生", "People's livelihood", pillars.get("SOCIETY")),
                        part("GOVERNANCE", "治理", "Governance", pillars.get("INSTITUTIONS"))))));
        given().header("Authorization", "Bearer " + admin).contentType("application/json").body(tree)
                .post("/api/v1/methodologies").then().statusCode(201).body("key", org.hamcrest.Matchers.equalTo("border-2026@1"));
        Map<String, Object> group = Map.of("period", PERIOD, "zoneType", "BECZ", "size", 50);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
            JsonPath ranking = api("/scores", group);
            return "border-2026@1".equals(ranking.getString("snapshot.methodology"))
                    && ranking.getInt("snapshot.rankedCount") > 1;
        });
        JsonPath ranking = api("/scores", group);
        String first = ranking.getString("items[0].zone");
        String second = ranking.getString("items[1].zone");

        console.signIn("demo-admin");
        console.open("ranking?period=" + PERIOD + "&zoneType=BECZ");
        assertThat(console.browser().all(By.cssSelector("button.sort[data-column^='node:']")).stream()
                .map(button -> button.getAttribute("data-column") + " " + button.getText()).toList())
                .containsExactly("node:GROWTH 开放与增长", "node:SUSTAINABILITY 可持续发展");
        assertThat(console.browser().all(By.cssSelector("#ranking-table tbody tr:first-child .bar-value")).stream()
                .map(org.openqa.selenium.WebElement::getText).toList())
                .containsExactly(whole(ranking.get("items[0].nodes[0].score")), whole(ranking.get("items[0].nodes[1].score")));
        console.browser().await(By.cssSelector("button.sort[data-column='node:SUSTAINABILITY']")).click();
        List<String> bySustainability = api("/scores", Map.of("period", PERIOD, "zoneType", "BECZ", "size", 50,
                "sort", "-node:SUSTAINABILITY")).getList("items.zone");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .ignoreException(org.openqa.selenium.StaleElementReferenceException.class)
                .untilAsserted(() -> assertThat(console.browser().all(By.cssSelector("#ranking-table tbody tr")).stream()
                        .map(row -> row.getAttribute("data-zone")).toList()).isEqualTo(bySustainability));
        assertThat(console.browser().driver.getCurrentUrl()).contains("sort=-node%3ASUSTAINABILITY");
        console.browser().screenshot("framework-ranking");
        console.browser().assertAccessible("ranking of another framework");

        console.open("zone/" + first + "?period=" + PERIOD + "&zoneType=BECZ");
        assertThat(console.browser().await(By.id("radar-chart")).getAttribute("aria-label"))
                .contains("开放与增长 " + oneDecimal(ranking.get("items[0].nodes[0].score")),
                        "可持续发展 " + oneDecimal(ranking.get("items[0].nodes[1].score")));
        // each indicator's place in the tree, by the nodes' names
        List<String> places = console.browser().all(By.cssSelector("#explanation-table tbody tr td:nth-of-type(1)"))
                .stream().map(org.openqa.selenium.WebElement::getText).distinct().toList();
        assertThat(places).contains("开放与增长 › 经济规模", "可持续发展 › 治理").allMatch(place -> place.contains(" › "));
        console.browser().screenshot("framework-zone");

        console.open("compare?period=" + PERIOD + "&zoneType=BECZ&zones=" + first + "," + second);
        assertThat(text("#compare-table tr[data-zone='" + second + "'] [data-column='node:SUSTAINABILITY']"))
                .isEqualTo(oneDecimal(ranking.get("items[1].nodes[1].score")));
        assertThat(console.browser().await(By.id("compare-radar")).getAttribute("aria-label")).contains("开放与增长");

        // the what-if: unchanged, no rank moves; the parts' weights changed and saved, the rules kept
        console.open("whatif?period=" + PERIOD + "&zoneType=BECZ");
        assertThat(console.browser().all(By.cssSelector("fieldset.pillar > legend")).stream()
                .map(org.openqa.selenium.WebElement::getText).toList()).containsExactly("开放与增长", "可持续发展");
        console.browser().await(By.id("whatif-run")).click();
        awaitRun();
        assertThat(console.browser().all(By.cssSelector("#whatif-moves tbody tr")).stream()
                .filter(row -> !cellText(row, ".old-rank").equals(cellText(row, ".new-rank"))).toList()).isEmpty();
        console.browser().await(By.id("weight-GROWTH")).sendKeys(org.openqa.selenium.Keys.END);
        // a node below the top: its own slider, its share among its siblings beside it
        console.browser().script("document.getElementById('weight-GOVERNANCE').closest('details').open = true");
        console.browser().await(By.id("weight-GOVERNANCE")).sendKeys(org.openqa.selenium.Keys.END);
        assertThat(console.browser().await(By.id("share-GOVERNANCE")).getText()).isEqualTo("100 — 占可持续发展 98.0%");
        // a derived indicator, not in the catalogue, by its name
        assertThat(console.browser().await(By.cssSelector("label[for='weight-GREEN-ENERGY_INTENSITY']")).getText())
                .isEqualTo("单位地区生产总值能耗");
        console.browser().screenshot("framework-whatif");
        console.browser().assertAccessible("what-if of another framework");
        console.browser().await(By.id("whatif-run")).click();
        awaitRun();
        console.browser().await(By.id("whatif-save")).click();
        console.browser().await(By.id("whatif-confirm-save")).click();
        assertThat(console.browser().await(By.id("whatif-saved")).getText()).contains("border-2026@2");
        JsonPath saved = given().header("Authorization", "Bearer " + admin).get("/api/v1/methodologies/border-2026@2")
                .then().statusCode(200).extract().jsonPath();
        assertThat(saved.getDouble("methodology.nodes[0].weight")).isEqualTo(100.0);
        assertThat(saved.getList("methodology.nodes[1].nodes.code")).containsExactly("GREEN", "PEOPLE", "GOVERNANCE");
        assertThat(saved.getDouble("methodology.nodes[1].nodes[2].weight")).isEqualTo(100.0);
        assertThat(saved.getString("methodology.imputation")).isEqualTo("PEER_MEDIAN");
        assertThat(saved.getString("methodology.zeroRule.type")).isEqualTo("SHIFT");
        assertThat(saved.getString("methodology.flagRules.preset")).isEqualTo("MOFCOM_2016");
    }

    private static Map<String, Object> node(String code, String name, String nameEn, double weight,
                                            List<Map<String, Object>> nodes) {
        return Map.of("code", code, "name", name, "nameEn", nameEn, "weight", weight, "aggregation", "ARITHMETIC",
                "nodes", nodes);
    }

    /** A node holding the indicators of one of the plan's pillars. */
    private static Map<String, Object> part(String code, String name, String nameEn, Map<String, Object> pillar) {
        return Map.of("code", code, "name", name, "nameEn", nameEn, "weight", 1, "aggregation", pillar.get("aggregation"),
                "indicators", pillar.get("indicators"));
    }

    private static void awaitRun() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> console.browser().all(By.cssSelector("#whatif-results[aria-busy]")).isEmpty()
                        && console.browser().await(By.id("whatif-run")).isEnabled()
                        && !console.browser().all(By.id("whatif-summary")).isEmpty());
    }

    /** A cell's text, also in a folded table (Selenium's getText gives only what is displayed). */
    private static String cellText(org.openqa.selenium.WebElement row, String css) {
        return row.findElement(By.cssSelector(css)).getAttribute("textContent").trim();
    }

    /** A score as the ranking's bars show it: no decimals, a dash for none. */
    private static String whole(Object value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.0f", ((Number) value).doubleValue());
    }

    /** A score as the console shows it: one decimal, a dash for none. */
    private static String oneDecimal(Object value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.1f", ((Number) value).doubleValue());
    }
}

package cn.etdz.e2e.console;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The robustness screen in a real browser against the packaged stack with the demo data: an analyst runs a small
 * uncertainty analysis and sees every zone's rank interval as the API gives it, the bottom-5 places with their flag
 * probabilities and a zone's robustness on its profile; a sensitivity analysis shows the Sobol indices of each input
 * as bars; a long one shows its progress and is cancelled; a submitter is not offered the screen.
 */
class RobustnessBrowserIT {

    private static final String PERIOD = "2015";

    @RegisterExtension
    static final ConsoleStack console = new ConsoleStack("robustness");

    @Test
    void anAnalystSeesTheRankIntervalsOfAnUncertaintyAnalysisAndAZonesRobustness() {
        console.signIn("demo-analyst");
        assertThat(console.browser().await(By.cssSelector(".masthead-nav a[data-screen='robustness']")).isDisplayed())
                .isTrue();
        console.open("robustness?period=" + PERIOD + "&zoneType=ETDZ");
        assertThat(console.browser().await(By.id("robust-jobs")).getText()).contains("尚无分析");
        // defaults: weights ±25 %, both composite aggregations; the imputation alternatives added
        check("imputations", "NONE");
        check("imputations", "PEER_MEDIAN");
        number("robust-replications", "100");
        start();

        JsonPath job = newest("UNCERTAINTY");
        assertThat(job.getString("state")).isEqualTo("DONE");
        assertThat(job.getInt("replications")).isEqualTo(100);
        assertThat(job.getList("inputs.imputations", String.class)).containsExactly("NONE", "PEER_MEDIAN");
        assertThat(job.getList("uncertainty.inputs", String.class))
                .containsExactly("PILLAR_WEIGHTS", "INDICATOR_WEIGHTS", "COMPOSITE_AGGREGATION", "IMPUTATION");
        assertThat(console.browser().await(By.id("robust-summary")).getText()).contains("#" + job.getLong("id"), "N = 100");
        console.browser().awaitDrawn("#robust-interval-chart canvas");

        // the first page of the plot: the 50 zones of the best nominal national ranks, each with the API's numbers
        List<Map<String, Object>> zones = job.getList("uncertainty.zones");
        List<Map<String, Object>> byNominal = zones.stream()
                .sorted(Comparator.comparing(zone -> nominal(zone, "nationalRank"))).limit(50).toList();
        List<WebElement> rows = console.browser().all(By.cssSelector("#robust-interval-table tbody tr"));
        assertThat(rows.stream().map(row -> row.getAttribute("data-zone")).toList())
                .containsExactlyElementsOf(byNominal.stream().map(zone -> (String) zone.get("zone")).toList());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> interval = interval(byNominal.get(i), "nationalRank");
            assertThat(cells(rows.get(i))).as(byNominal.get(i).get("zone").toString()).containsExactly(
                    String.valueOf(interval.get("nominal")), oneDecimal(interval.get("median")),
                    oneDecimal(interval.get("p5")), oneDecimal(interval.get("p95")), "0 %");
        }
        // every bottom-5 place (WARNING or EXIT_CANDIDATE as the methodology stands) with its probabilities
        List<Map<String, Object>> bottom = zones.stream().filter(zone -> flagged(zone)).toList();
        assertThat(bottom).isNotEmpty();
        List<WebElement> bottomRows = console.browser().all(By.cssSelector("#robust-bottom-table tbody tr"));
        assertThat(bottomRows.stream().map(row -> row.getAttribute("data-zone")).toList())
                .containsExactlyInAnyOrderElementsOf(bottom.stream().map(zone -> (String) zone.get("zone")).toList());
        Map<String, Object> first = bottom.stream()
                .filter(zone -> zone.get("zone").equals(bottomRows.get(0).getAttribute("data-zone"))).findFirst().orElseThrow();
        assertThat(cells(bottomRows.get(0)).get(4)).isEqualTo(percent(probability(first, "WARNING")));
        assertThat(cells(bottomRows.get(0)).get(5)).isEqualTo(percent(probability(first, "EXIT_CANDIDATE")));
        console.browser().screenshot("robustness-uncertainty");
        console.browser().assertAccessible("robustness, rank intervals");

        // paging through 132 zones, and the region ranks ordered by median within their groups
        console.browser().await(By.id("robust-next")).click();
        Object fiftyFirst = zones.stream().sorted(Comparator.comparing(zone -> nominal(zone, "nationalRank"))).skip(50)
                .findFirst().orElseThrow().get("zone");
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(console.browser()
                .all(By.cssSelector("#robust-interval-table tbody tr")).get(0).getAttribute("data-zone")).isEqualTo(fiftyFirst));
        console.browser().awaitDrawn("#robust-interval-chart canvas");
        new Select(console.browser().await(By.id("robust-rank"))).selectByValue("region");
        await().atMost(Duration.ofSeconds(30)).until(() -> console.browser().driver.getCurrentUrl().contains("rank=region"));
        console.browser().awaitLoaded();
        new Select(console.browser().await(By.id("robust-order"))).selectByValue("median");
        await().atMost(Duration.ofSeconds(30)).until(() -> console.browser().driver.getCurrentUrl().contains("order=median"));
        console.browser().awaitLoaded();
        console.browser().awaitDrawn("#robust-interval-chart canvas");
        assertThat(console.browser().driver.getCurrentUrl()).contains("rank=region", "order=median", "page=0");
        console.browser().screenshot("robustness-region-median");

        // the profile of the first bottom-5 place: its ranks and flags from this analysis
        console.open("zone/" + first.get("zone") + "?period=" + PERIOD + "&zoneType=ETDZ");
        WebElement ranks = console.browser().await(By.id("zone-robust-ranks"));
        Map<String, Object> national = interval(first, "nationalRank");
        assertThat(cells(ranks.findElements(By.cssSelector("tbody tr")).get(0))).containsExactly(
                String.valueOf(national.get("nominal")), oneDecimal(national.get("median")),
                oneDecimal(national.get("p5")) + " – " + oneDecimal(national.get("p95")));
        assertThat(console.browser().await(By.cssSelector("#zone-robust-flags li[data-flag='WARNING']")).getText())
                .contains(percent(probability(first, "WARNING")));
        assertThat(console.browser().await(By.id("zone-robust-link")).getAttribute("href"))
                .contains("#/robustness", "analysis=" + job.getLong("id"));
        console.browser().screenshot("robustness-zone-profile");
        console.browser().assertAccessible("zone profile with its robustness");

        // a peer group without an analysis: a hint and the way to run one
        console.open("zone/" + first.get("zone") + "?period=2014&zoneType=ETDZ");
        assertThat(console.browser().await(By.id("zone-robust-none")).getText()).contains("尚无已完成的不确定性分析");
        assertThat(console.browser().await(By.id("zone-robust-link")).getAttribute("href"))
                .contains("#/robustness", "period=2014");
    }

    @Test
    void aSensitivityAnalysisShowsTheIndicesOfEachInputAsBarsAndALongOneIsCancelled() {
        console.signIn("demo-analyst");
        console.open("robustness?period=" + PERIOD + "&zoneType=BECZ");
        new Select(console.browser().await(By.id("robust-kind"))).selectByValue("SENSITIVITY");
        check("imputations", "NONE");
        check("imputations", "CARRY_FORWARD");
        number("robust-replications", "40");
        start();

        JsonPath job = newest("SENSITIVITY");
        assertThat(job.getString("state")).isEqualTo("DONE");
        console.browser().awaitDrawn("#robust-sobol-chart canvas");
        List<String> inputs = job.getList("sensitivity.meanAbsoluteRankShift.inputs.input", String.class);
        assertThat(inputs).containsExactly("PILLAR_WEIGHTS", "INDICATOR_WEIGHTS", "COMPOSITE_AGGREGATION", "IMPUTATION");
        List<WebElement> rows = console.browser().all(By.cssSelector("#robust-sobol-table tbody tr"));
        assertThat(rows.stream().map(row -> row.getAttribute("data-input")).toList()).containsExactlyElementsOf(inputs);
        for (int i = 0; i < rows.size(); i++) {
            String path = "sensitivity.meanAbsoluteRankShift.inputs[" + i + "].total.";
            assertThat(cells(rows.get(i)).get(1)).as(inputs.get(i)).isEqualTo(twoDecimals(job.get(path + "estimate"))
                    + " (" + twoDecimals(job.get(path + "low")) + " – " + twoDecimals(job.get(path + "high")) + ")");
        }
        console.browser().screenshot("robustness-sensitivity");
        console.browser().assertAccessible("robustness, Sobol indices");

        // one zone's national rank as the output
        String zone = job.getString("sensitivity.zones[0].zone");
        new Select(console.browser().await(By.id("robust-output"))).selectByValue(zone);
        console.browser().awaitLoaded();
        assertThat(console.browser().driver.getCurrentUrl()).contains("output=" + zone);
        assertThat(console.browser().all(By.cssSelector("#robust-sobol-table tbody tr"))).hasSize(inputs.size());

        // a long analysis of another period: its progress, then cancelled
        console.open("robustness?period=2013&zoneType=ETDZ");
        new Select(console.browser().await(By.id("robust-kind"))).selectByValue("SENSITIVITY");
        check("leaveOneOut", null);
        number("robust-replications", "8000");
        console.browser().await(By.id("robust-start")).click();
        WebElement progress = console.browser().await(By.id("robust-progress"));
        assertThat(progress.getAttribute("max")).isEqualTo("100");
        console.browser().screenshot("robustness-progress");
        console.browser().await(By.id("robust-cancel")).click();
        assertThat(console.browser().await(By.id("robust-ended")).getText()).contains("已取消");
        assertThat(newest("SENSITIVITY").getString("state")).isEqualTo("CANCELLED");
    }

    @Test
    void theChartBuildersDrawWhatTheyAreGiven() {
        console.signIn("demo-analyst");
        @SuppressWarnings("unchecked")
        Map<String, Object> checks = (Map<String, Object>) ((JavascriptExecutor) console.browser().driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/console/charts.js').then(charts => {
                  const intervals = charts.rankIntervalOption([
                    { name: 'A', nominal: 1, median: 2, p5: 1, p95: 4, highlighted: false },
                    { name: 'B', nominal: 9, median: 8.5, p5: 6, p95: 10, highlighted: true },
                    { name: 'C', nominal: null, median: null, p5: null, p95: null, highlighted: false }],
                    { interval: 'i', median: 'm', nominal: 'n', axis: 'rank' }, 10);
                  const bars = charts.sobolBarsOption([
                    { name: 'w', firstOrder: { estimate: 0.31, low: 0.2, high: 0.4 }, total: { estimate: 0.56, low: 0.5, high: 0.6 } },
                    { name: 'x', firstOrder: { estimate: null, low: null, high: null }, total: { estimate: 0, low: 0, high: 0.01 } }],
                    { firstOrder: 'S', total: 'ST', axis: 'index' });
                  done({
                    rows: intervals.yAxis.data, max: intervals.xAxis.max,
                    base: intervals.series[0].data, length: intervals.series[1].data.map(d => d && d.value),
                    colours: intervals.series[1].data.map(d => d && d.itemStyle.color),
                    medians: intervals.series[2].data.map(d => d.value), nominal: intervals.series[3].data,
                    first: bars.series[0].data, total: bars.series[1].data, whiskers: bars.series[3].data,
                    inputs: bars.xAxis.data });
                });""");
        assertThat(checks.get("rows")).isEqualTo(List.of("A", "B", "C"));
        assertThat(((Number) checks.get("max")).intValue()).isEqualTo(10);
        assertThat(checks.get("base")).isEqualTo(Arrays.asList(1L, 6L, null));
        assertThat(checks.get("length")).isEqualTo(Arrays.asList(3L, 4L, null));
        assertThat(checks.get("colours")).isEqualTo(Arrays.asList("#9cbfe0", "#f0a7ad", null));
        assertThat(checks.get("medians")).isEqualTo(Arrays.asList(2L, 8.5, null));
        assertThat(checks.get("nominal")).isEqualTo(Arrays.asList(1L, 9L, null));
        assertThat(checks.get("first")).isEqualTo(Arrays.asList(0.31, null));
        assertThat(checks.get("total")).isEqualTo(List.of(0.56, 0L));
        assertThat(checks.get("whiskers")).isEqualTo(List.of(List.of(0L, 0.5, 0.6), List.of(1L, 0L, 0.01)));
        assertThat(checks.get("inputs")).isEqualTo(List.of("w", "x"));
    }

    @Test
    void aSubmitterIsNotOfferedTheRobustnessScreen() {
        console.signIn("demo-submitter-320000");
        assertThat(console.browser().all(By.cssSelector(".masthead-nav a[data-screen='robustness']")))
                .allSatisfy(link -> assertThat(link.isDisplayed()).isFalse());
        console.open("robustness?period=" + PERIOD + "&zoneType=ETDZ");
        assertThat(console.browser().await(By.cssSelector("main .problem")).getText()).contains("您的角色无权查看此内容");
        assertThat(console.browser().all(By.id("robust-start"))).isEmpty();
        console.open("zone/SUZHOU-IP?period=" + PERIOD + "&zoneType=ETDZ");
        assertThat(console.browser().all(By.id("zone-robust"))).isEmpty();
    }

    private static void check(String name, String value) {
        String css = value == null ? "input[name='" + name + "']" : "input[name='" + name + "'][value='" + value + "']";
        WebElement box = console.browser().await(By.cssSelector(css));
        if (!box.isSelected()) {
            box.click();
        }
    }

    private static void number(String id, String value) {
        WebElement field = console.browser().await(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /** Starts the analysis and waits for its result (or how it ended). */
    private static void start() {
        console.browser().await(By.id("robust-start")).click();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() ->
                !console.browser().all(By.cssSelector("#robust-summary, #robust-ended")).isEmpty());
        console.browser().awaitLoaded();
    }

    /** The newest analysis of the kind for the shown peer group, read from the API with the analyst's token. */
    private static JsonPath newest(String kind) {
        String token = console.stack().tokens().analyst();
        String url = console.browser().driver.getCurrentUrl();
        String zoneType = url.contains("zoneType=BECZ") ? "BECZ" : "ETDZ";
        String period = url.replaceAll(".*period=(\\d{4}).*", "$1");
        long id = given().header("Authorization", "Bearer " + token)
                .queryParams(Map.of("zoneType", zoneType, "period", period, "kind", kind)).get("/api/v1/analyses")
                .then().statusCode(200).extract().jsonPath().getLong("analyses[0].id");
        // numbers as doubles, as the console reads them (JsonPath's default is float)
        return given().header("Authorization", "Bearer " + token).get("/api/v1/analyses/" + id)
                .then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.cssSelector("td")).stream().map(cell -> cell.getAttribute("textContent").trim()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> interval(Map<String, Object> zone, String rank) {
        return (Map<String, Object>) zone.get(rank);
    }

    private static int nominal(Map<String, Object> zone, String rank) {
        Object nominal = interval(zone, rank).get("nominal");
        return nominal == null ? Integer.MAX_VALUE : ((Number) nominal).intValue();
    }

    @SuppressWarnings("unchecked")
    private static boolean flagged(Map<String, Object> zone) {
        List<String> flags = (List<String>) zone.get("nominalFlags");
        return flags.contains("WARNING") || flags.contains("EXIT_CANDIDATE");
    }

    @SuppressWarnings("unchecked")
    private static double probability(Map<String, Object> zone, String flag) {
        return ((Number) ((Map<String, Object>) zone.get("flagProbabilities")).get(flag)).doubleValue();
    }

    private static String oneDecimal(Object value) {
        return decimals(value, 1);
    }

    private static String twoDecimals(Object value) {
        return decimals(value, 2);
    }

    /** As the console's Intl.NumberFormat rounds: the double's shortest decimal form, halves away from zero. */
    private static String decimals(Object value, int digits) {
        return BigDecimal.valueOf(((Number) value).doubleValue()).setScale(digits, RoundingMode.HALF_UP).toPlainString();
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }
}

package cn.etdz.e2e.console;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console's data entry in a real browser against the packaged stack with the demo data: a submitter's typing is
 * checked by the API at each field, a valid revision is stored, shown in the zone-year's revisions and reaches the
 * ranking; a CSV batch answers per submission; another province's entry is refused. Screenshots go to
 * {@code target/console-screenshots/entry-*.png}.
 */
class EntryBrowserIT {

    private static final String PERIOD = "2015";
    private static final String ZONE_TYPE = "ETDZ";
    private static final String PROVINCE = "320000";
    private static final String SUBMITTER = "demo-submitter-" + PROVINCE;

    @RegisterExtension
    static final ConsoleStack console = new ConsoleStack("entry");

    private static JsonPath api(String path, Map<String, ?> query) {
        return given().header("Authorization", "Bearer " + console.stack().tokens().admin()).queryParams(query)
                .get("/api/v1" + path).then().statusCode(200).extract().jsonPath();
    }

    /** The ranked zones of the submitter's province in the period, best first. */
    private static List<String> rankedZonesOfTheProvince() {
        return api("/scores", Map.of("period", PERIOD, "zoneType", ZONE_TYPE, "province", PROVINCE, "size", 500))
                .getList("items.findAll { it.ranked }.zone");
    }

    private static double composite(String zone) {
        return api("/scores/" + zone + "/" + PERIOD, Map.of()).getDouble("composite");
    }

    private static int newestRevision(String zone) {
        List<Integer> revisions = api("/zones/" + zone + "/revisions", Map.of("period", PERIOD)).getList("revision");
        return revisions.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    private static void type(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    @Test
    void aSubmitterSeesAViolationAtItsFieldThenSubmitsAValidRevisionThatReachesTheRanking() {
        String zone = rankedZonesOfTheProvince().get(0);
        double before = composite(zone);
        int revision = newestRevision(zone);
        console.signIn(SUBMITTER);
        assertThat(console.browser().await(By.cssSelector(".masthead-nav a[data-screen='entry']")).isDisplayed()).isTrue();
        console.open("entry/" + PROVINCE + "?zone=" + zone + "&period=" + PERIOD);

        // the form is the catalogue's for the zone's type, filled with the year's values, last year's beside them
        List<String> catalogue = api("/indicators", Map.of("zoneType", ZONE_TYPE)).getList("code");
        assertThat(console.browser().all(By.cssSelector(".entry-field"))).extracting(field -> field.getAttribute("data-indicator"))
                .containsExactlyElementsOf(catalogue);
        assertThat(console.browser().await(By.cssSelector("label[for='value-GDP']")).getText()).contains("必填");
        JsonPath values = api("/zones/" + zone + "/values", Map.of("indicator", "GDP", "from", "2014", "to", PERIOD));
        double gdp = values.getDouble("series[0].points.find { it.period == '2015' }.value");
        double lastYear = values.getDouble("series[0].points.find { it.period == '2014' }.value");
        WebElement gdpInput = console.browser().await(By.id("value-GDP"));
        assertThat(Double.parseDouble(gdpInput.getAttribute("value"))).isEqualTo(gdp);
        assertThat(console.browser().await(By.cssSelector("#value-GDP-hint .last-year")).getText())
                .contains(String.format(Locale.ROOT, "%,.2f", lastYear));

        // an invalid value: the API's violation shows at its field, which is marked invalid and described by it
        type(gdpInput, "-5");
        // in the console's language: the API answers it in Chinese (the console sends Accept-Language: zh-CN)
        console.browser().awaitText(By.cssSelector("#value-GDP-message .violation[data-code='out-of-range']"),
                "指标 GDP 必须大于或等于 0 亿元，实际为 -5。");
        assertThat(gdpInput.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(gdpInput.getAttribute("aria-describedby")).contains("value-GDP-message");
        console.browser().screenshot("entry-violation");
        console.browser().assertAccessible("data entry with a violation");

        // a valid value: the mark goes, nothing is stored until the submit
        String corrected = BigDecimal.valueOf(gdp * 1.1).setScale(2, RoundingMode.HALF_UP).toPlainString();
        type(gdpInput, corrected);
        await().atMost(Duration.ofSeconds(10)).until(() -> gdpInput.getAttribute("aria-invalid") == null);
        assertThat(console.browser().all(By.cssSelector("#value-GDP-message .violation"))).isEmpty();
        assertThat(newestRevision(zone)).isEqualTo(revision);

        console.browser().await(By.id("entry-submit")).click();
        console.browser().awaitText(By.id("entry-stored"), String.valueOf(revision + 1));
        console.browser().awaitLoaded();
        WebElement newest = console.browser().await(By.cssSelector("#revisions-table tbody tr"));
        assertThat(newest.getAttribute("data-revision")).isEqualTo(String.valueOf(revision + 1));
        assertThat(newest.findElement(By.cssSelector(".changes li[data-indicator='GDP']")).getText()).contains("修改", "→");
        assertThat(newest.findElements(By.cssSelector(".changes li"))).hasSize(1);
        console.browser().screenshot("entry-stored");
        console.browser().assertAccessible("data entry after a submission");

        // the evaluation service takes the new revision and the ranking shows the composite computed from it
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(api("/inputs/" + zone + "/" + PERIOD, Map.of()).getInt("revision")).isEqualTo(revision + 1);
            JsonPath score = api("/scores/" + zone + "/" + PERIOD, Map.of());
            assertThat(score.getInt("revision")).isEqualTo(revision + 1);
            assertThat(score.getDouble("composite")).isNotEqualTo(before);
        });
        String shown = BigDecimal.valueOf(composite(zone)).setScale(1, RoundingMode.HALF_UP).toPlainString();
        // the revision waits for review, so it is on the preliminary basis, which a submitter sees for its own province
        console.open("ranking?period=" + PERIOD + "&zoneType=" + ZONE_TYPE + "&province=" + PROVINCE + "&basis=preliminary");
        assertThat(console.browser().await(By.cssSelector("tr[data-zone='" + zone + "'] .composite")).getText()).isEqualTo(shown);
        console.browser().screenshot("entry-ranking");

        // after switching the console to English the same violation comes in English
        console.open("entry/" + PROVINCE + "?zone=" + zone + "&period=" + PERIOD);
        console.browser().await(By.id("language")).click();
        console.browser().await(By.cssSelector("html[lang='en']"));
        console.browser().awaitText(By.cssSelector("label[for='value-GDP']"), "required");
        console.browser().awaitLoaded();
        type(console.browser().await(By.id("value-GDP")), "-5");
        console.browser().awaitText(By.cssSelector("#value-GDP-message .violation[data-code='out-of-range']"),
                "GDP is at least 0 亿元; got -5.");
        console.browser().screenshot("entry-violation-en");
    }

    @Test
    void aValueGoesInMarkedProvisionalWithANoteAndTheRevisionsShowBoth() {
        String zone = rankedZonesOfTheProvince().get(1);
        int revision = newestRevision(zone);
        console.signIn(SUBMITTER);
        console.open("entry/" + PROVINCE + "?zone=" + zone + "&period=" + PERIOD);

        // a note without a value is not dropped silently: it stays at its field and nothing is sent
        WebElement approval = console.browser().await(By.id("value-APPROVAL_DAYS"));
        approval.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        type(console.browser().await(By.id("value-APPROVAL_DAYS-note")), "待核实");
        console.browser().await(By.cssSelector("#value-APPROVAL_DAYS-message .violation[data-code='note-without-value']"));
        type(approval, "12.5");
        await().atMost(Duration.ofSeconds(10)).until(() -> console.browser()
                .all(By.cssSelector("#value-APPROVAL_DAYS-message .violation")).isEmpty());

        WebElement services = console.browser().await(By.id("value-SERV_VA"));
        if (services.getAttribute("value").isEmpty()) {
            type(services, "100");
        }
        console.browser().await(By.id("value-SERV_VA-provisional")).click();
        type(console.browser().await(By.id("value-SERV_VA-note")), "初步核算数");
        console.browser().await(By.id("entry-submit")).click();
        console.browser().awaitText(By.id("entry-stored"), String.valueOf(revision + 1));
        console.browser().awaitLoaded();

        // the API stored both marks with their values
        JsonPath submission = api("/submissions", Map.of("zone", zone, "period", PERIOD, "size", 1));
        assertThat(submission.getInt("items[0].revision")).isEqualTo(revision + 1);
        assertThat(submission.getBoolean("items[0].values.find { it.indicator == 'SERV_VA' }.provisional")).isTrue();
        assertThat(submission.getString("items[0].values.find { it.indicator == 'SERV_VA' }.note")).isEqualTo("初步核算数");
        assertThat(submission.getString("items[0].values.find { it.indicator == 'APPROVAL_DAYS' }.note")).isEqualTo("待核实");

        // the revisions show them; the form, opened again, holds them
        WebElement newest = console.browser().await(By.cssSelector("#revisions-table tbody tr"));
        assertThat(newest.getAttribute("data-revision")).isEqualTo(String.valueOf(revision + 1));
        assertThat(newest.findElement(By.cssSelector(".marks li[data-indicator='SERV_VA']")).getText())
                .contains("服务业增加值", "暂定", "初步核算数");
        assertThat(newest.findElement(By.cssSelector(".marks li[data-indicator='APPROVAL_DAYS']")).getText())
                .contains("待核实").doesNotContain("暂定");
        console.browser().screenshot("entry-provisional-note");
        console.browser().assertAccessible("data entry with provisional marks and notes");
        console.browser().driver.navigate().refresh();
        console.browser().awaitLoaded();
        assertThat(console.browser().await(By.id("value-SERV_VA-provisional")).isSelected()).isTrue();
        assertThat(console.browser().await(By.id("value-SERV_VA-note")).getAttribute("value")).isEqualTo("初步核算数");
    }

    @Test
    void unitsReadInTheChosenLanguage() {
        console.signIn(SUBMITTER);
        console.open("entry/" + PROVINCE + "?period=" + PERIOD);
        assertThat(console.browser().await(By.id("value-APPROVAL_DAYS-hint")).getText()).startsWith("天 ");
        assertThat(console.browser().await(By.id("value-RD_CENTERS-hint")).getText()).startsWith("个 ");
        assertThat(console.browser().await(By.id("value-GDP-hint")).getText()).startsWith("亿元 ");

        console.browser().await(By.id("language")).click();
        console.browser().awaitText(By.cssSelector("h1"), "Data entry");
        console.browser().awaitLoaded();
        assertThat(console.browser().await(By.id("value-APPROVAL_DAYS-hint")).getText()).startsWith("days ");
        assertThat(console.browser().await(By.id("value-GDP-hint")).getText()).startsWith("100 million yuan ");
        assertThat(console.browser().await(By.id("value-FDI-hint")).getText()).startsWith("100 million US dollars ");
        assertThat(console.browser().await(By.id("entry-form")).getText()).doesNotContain("亿", "万");
        console.browser().screenshot("entry-english-units");
        console.browser().assertAccessible("data entry in English");
    }

    @Test
    void aCsvBatchIsCheckedThenStoredWithOneResultPerSubmission() throws IOException {
        List<String> zones = rankedZonesOfTheProvince();
        String stored = zones.get(zones.size() - 1);
        String rejected = zones.get(zones.size() - 2);
        int revision = newestRevision(stored);
        Path csv = Files.createTempFile("entry-batch", ".csv");
        Files.writeString(csv, "zone,period,indicator,value,note\n"
                + stored + "," + PERIOD + ",GDP,120.5,\n"
                + stored + "," + PERIOD + ",TAX,15.2,\n"
                + stored + "," + PERIOD + ",EMPLOYEES,8.1,初步数\n"
                + rejected + "," + PERIOD + ",GDP,-1,\n");
        console.signIn(SUBMITTER);
        console.open("entry/" + PROVINCE + "?period=" + PERIOD);
        console.browser().await(By.id("batch-file")).sendKeys(csv.toAbsolutePath().toString());

        console.browser().await(By.id("batch-check")).click();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(console.browser().driver.findElement(By.id("batch-results")).getText()).contains("已校验"));
        assertThat(console.browser().all(By.cssSelector("#batch-table tbody tr"))).extracting(row -> row.getAttribute("data-status"))
                .containsExactly("VALID", "REJECTED");
        assertThat(newestRevision(stored)).as("a check stores nothing").isEqualTo(revision);

        console.browser().await(By.id("batch-upload")).click();
        console.browser().awaitText(By.id("batch-summary"), "已保存 1 条");
        List<WebElement> rows = console.browser().all(By.cssSelector("#batch-table tbody tr"));
        assertThat(rows).extracting(row -> row.getAttribute("data-status")).containsExactly("ACCEPTED", "REJECTED");
        assertThat(rows.get(0).getText()).contains(stored, String.valueOf(revision + 1));
        assertThat(rows.get(1).getText()).contains(rejected, "values[0].value");
        assertThat(newestRevision(stored)).isEqualTo(revision + 1);
        console.browser().screenshot("entry-batch");
        console.browser().assertAccessible("data entry with a batch's results");
    }

    @Test
    void aSubmitterCannotReachAnotherProvincesEntry() {
        String other = api("/zones", Map.of("size", 500)).getList("items.province", String.class).stream()
                .filter(province -> !province.equals(PROVINCE)).findFirst().orElseThrow();
        console.signIn(SUBMITTER);
        console.open("entry/" + other);
        assertThat(console.browser().await(By.id("entry-refused")).getText()).contains("江苏省");
        assertThat(console.browser().all(By.id("entry-form"))).isEmpty();
        console.browser().screenshot("entry-other-province");
        console.browser().assertAccessible("another province's entry");

        // the API refuses it too, whatever a client sends
        String zone = api("/zones", Map.of("province", other, "size", 1)).getString("items[0].code");
        given().header("Authorization", "Bearer " + console.stack().tokens().submitter(PROVINCE)).contentType("application/json")
                .body(Map.of("zone", zone, "period", PERIOD, "values", List.of(Map.of("indicator", "GDP", "value", 1))))
                .post("/api/v1/submissions?dryRun=true").then().statusCode(403);

        // an analyst is not offered data entry at all
        console.browser().await(By.id("sign-out")).click();
        console.signIn("demo-analyst");
        assertThat(console.browser().driver.findElement(By.cssSelector(".masthead-nav a[data-screen='entry']")).isDisplayed()).isFalse();
    }
}

package cn.etdz.e2e.console;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review workflow in a real browser against the packaged stack with the demo data: a submitter submits a return,
 * the province's reviewer finds it in the queue and returns it with a comment on one value, the submitter reads the
 * comment and corrects the value by an amendment, the reviewer approves and the queue is empty; a reviewer of another
 * province never sees it. Also the year's state where data is entered and the basis switch of the ranking.
 * Screenshots go to {@code target/console-screenshots/review-*.png}.
 */
class ReviewBrowserIT {

    private static final String PERIOD = "2015";
    private static final String PROVINCE = "320000";
    private static final String SUBMITTER = "demo-submitter-" + PROVINCE;
    private static final String REVIEWER = "demo-reviewer-" + PROVINCE;

    @RegisterExtension
    static final ConsoleStack console = new ConsoleStack("review");

    private static JsonPath api(String path, Map<String, ?> query) {
        return given().header("Authorization", "Bearer " + console.stack().tokens().admin()).queryParams(query)
                .get("/api/v1" + path).then().statusCode(200).extract().jsonPath();
    }

    private static void post(String path, String body) {
        given().header("Authorization", "Bearer " + console.stack().tokens().admin()).contentType(ContentType.JSON)
                .body(body).post("/api/v1" + path).then().statusCode(200);
    }

    /** The zone-periods of the province's queue in the year, as the API lists them. */
    private static List<String> queuedZones() {
        return api("/reviews/queue", Map.of("province", PROVINCE, "period", PERIOD, "size", 500)).getList("items.zone");
    }

    /** Signs out whoever is signed in and signs in as the demo identity. */
    private static void signInAs(String subject) {
        console.browser().script("sessionStorage.clear();");
        console.signIn(subject);
    }

    private static void type(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    @Test
    void aReturnIsReturnedWithACommentCorrectedByAnAmendmentAndApprovedWhileAnotherProvinceSeesNothing() {
        // the demo data's returns of the year are approved first, so the queue holds only what this test submits
        for (Object item : api("/reviews/queue", Map.of("province", PROVINCE, "period", PERIOD, "size", 500))
                .getList("items")) {
            Map<?, ?> queued = (Map<?, ?>) item;
            post("/reviews/returns/" + queued.get("zone") + "/" + PERIOD + "/decisions",
                    "{\"revision\": " + queued.get("revision") + ", \"decision\": \"APPROVED\"}");
        }
        assertThat(queuedZones()).isEmpty();
        String zone = api("/scores", Map.of("period", PERIOD, "zoneType", "ETDZ", "province", PROVINCE, "size", 500))
                .<String>getList("items.findAll { it.ranked }.zone").get(0);

        // the submitter submits the year's values as they stand: a new revision waiting for review
        signInAs(SUBMITTER);
        assertThat(console.browser().await(By.cssSelector(".masthead-nav a[data-screen='entry']")).isDisplayed()).isTrue();
        assertThat(console.browser().all(By.cssSelector(".masthead-nav a[data-screen='review']")).get(0).isDisplayed())
                .isFalse();
        console.open("entry/" + PROVINCE + "?zone=" + zone + "&period=" + PERIOD);
        assertThat(console.browser().await(By.id("period-state")).getAttribute("data-state")).isEqualTo("OPEN");
        assertThat(console.browser().await(By.id("returned")).getText()).contains("本省没有被退回修改的报表");
        console.browser().await(By.id("entry-submit")).click();
        console.browser().await(By.id("entry-stored"));
        console.browser().awaitLoaded();
        assertThat(queuedZones()).containsExactly(zone);
        int revision = api("/reviews/returns/" + zone + "/" + PERIOD, Map.of()).getInt("revision");
        double gdp = api("/submissions", Map.of("zone", zone, "period", PERIOD, "size", 1))
                .getDouble("items[0].values.find { it.indicator == 'GDP' }.value");

        // the province's reviewer sees it in the queue and opens it
        signInAs(REVIEWER);
        console.browser().await(By.cssSelector(".masthead-nav a[data-screen='review']")).click();
        console.browser().awaitLoaded();
        // every year's waiting returns (the demo data's are approved as they are loaded), then the year chosen
        assertThat(console.browser().all(By.cssSelector("#queue-table tbody tr"))).isNotEmpty();
        new Select(console.browser().await(By.id("queue-period"))).selectByValue(PERIOD);
        console.browser().awaitScript("return location.hash.includes('period=" + PERIOD + "')"
                + " && document.querySelectorAll('#queue-table tbody tr').length === 1");
        WebElement row = console.browser().await(By.cssSelector("#queue-table tr[data-zone='" + zone + "']"));
        assertThat(console.browser().all(By.cssSelector("#queue-table tbody tr"))).hasSize(1);
        assertThat(row.getText()).contains(PERIOD, String.valueOf(revision));
        console.browser().screenshot("review-queue");
        console.browser().assertAccessible("review queue");
        row.findElement(By.cssSelector("a")).click();
        console.browser().awaitLoaded();
        assertThat(console.browser().await(By.id("review-state")).getText()).isEqualTo("待审核");
        WebElement gdpRow = console.browser().await(By.cssSelector("#return-table tr[data-indicator='GDP']"));
        assertThat(gdpRow.getText()).contains(String.format(Locale.ROOT, "%,.2f", gdp));

        // returned with a comment on GDP alone
        type(console.browser().await(By.id("comment-GDP")), "请核实地区生产总值");
        console.browser().screenshot("review-return");
        console.browser().assertAccessible("a return under review");
        console.browser().await(By.id("return")).click();
        // decided: back to the queue, which is empty now
        console.browser().awaitText(By.cssSelector("main .empty"), "没有待审核的报表");
        assertThat(console.browser().all(By.cssSelector("#queue-table"))).isEmpty();
        JsonPath review = api("/reviews/returns/" + zone + "/" + PERIOD, Map.of());
        assertThat(review.getString("state")).isEqualTo("RETURNED");
        assertThat(review.getMap("decisions[-1].valueComments")).isEqualTo(Map.of("GDP", "请核实地区生产总值"));

        // a reviewer of another province: its queue never holds the return, and the return itself is refused
        String other = api("/zones", Map.of("size", 500)).<String>getList("items.province").stream()
                .filter(province -> !province.equals(PROVINCE)).findFirst().orElseThrow();
        signInAs("demo-reviewer-" + other);
        console.open("review?period=" + PERIOD);
        assertThat(console.browser().all(By.cssSelector("#queue-table tr[data-zone='" + zone + "']"))).isEmpty();
        console.open("return/" + zone + "?period=" + PERIOD);
        assertThat(console.browser().await(By.cssSelector("#return-state .problem")).getText()).contains("无权");
        console.browser().screenshot("review-other-province");

        // the submitter reads the comment and corrects GDP alone by an amendment
        signInAs(SUBMITTER);
        console.open("entry/" + PROVINCE + "?zone=" + zone + "&period=" + PERIOD);
        WebElement returned = console.browser().await(By.cssSelector("#returned-list li[data-zone='" + zone + "']"));
        assertThat(returned.findElement(By.cssSelector(".value-comments li[data-indicator='GDP'] .value-comment")).getText())
                .isEqualTo("请核实地区生产总值");
        console.browser().screenshot("review-returned");
        console.browser().assertAccessible("returned items on the data entry screen");
        String corrected = BigDecimal.valueOf(gdp * 1.02).setScale(2, RoundingMode.HALF_UP).toPlainString();
        type(console.browser().await(By.id("correct-" + zone + "-GDP")), corrected);
        console.browser().await(By.id("correct-" + zone)).click();
        console.browser().awaitText(By.id("returned"), "本省没有被退回修改的报表");
        console.browser().awaitLoaded();
        JsonPath amended = api("/submissions", Map.of("zone", zone, "period", PERIOD, "size", 1));
        assertThat(amended.getInt("items[0].revision")).isEqualTo(revision + 1);
        assertThat(amended.getString("items[0].mode")).isEqualTo("AMEND");
        assertThat(amended.getDouble("items[0].values.find { it.indicator == 'GDP' }.value"))
                .isEqualTo(Double.parseDouble(corrected));
        assertThat(console.browser().await(By.cssSelector("#revisions-table tbody tr")).getAttribute("data-revision"))
                .isEqualTo(String.valueOf(revision + 1));

        // the reviewer sees the correction against the returned revision and approves; the queue is empty
        signInAs(REVIEWER);
        console.open("review?period=" + PERIOD);
        console.browser().await(By.cssSelector("#queue-table tr[data-zone='" + zone + "'] a")).click();
        console.browser().awaitLoaded();
        WebElement change = console.browser().await(By.cssSelector("#return-table tr[data-indicator='GDP'] .change"));
        assertThat(change.getText()).contains("→");
        assertThat(console.browser().all(By.cssSelector("#return-table tr .change")).stream()
                .filter(cell -> cell.getText().contains("→")).count()).isEqualTo(1);

        // meanwhile a newer revision arrives: approving the one shown is refused, and the section says why
        given().header("Authorization", "Bearer " + console.stack().tokens().admin()).contentType(ContentType.JSON)
                .body("""
                        {"zone": "%s", "period": "%s", "mode": "AMEND",
                         "values": [{"indicator": "GDP", "value": %s, "note": "统计局核定 confirmed"}]}"""
                        .formatted(zone, PERIOD, corrected))
                .post("/api/v1/submissions").then().statusCode(201);
        console.browser().await(By.id("approve")).click();
        WebElement refused = console.browser().await(By.cssSelector("#decision-outcome .problem"));
        assertThat(refused.getText()).contains(String.valueOf(revision + 1), String.valueOf(revision + 2));
        console.browser().screenshot("review-not-newest");

        // the newest revision: only GDP's note changed, and it is approved; the queue is empty
        console.browser().driver.navigate().refresh();
        console.browser().awaitLoaded();
        assertThat(console.browser().await(By.cssSelector("#return-table tr[data-indicator='GDP'] .change")).getText())
                .isEqualTo("备注已改");
        console.browser().await(By.id("approve")).click();
        console.browser().awaitText(By.cssSelector("main .empty"), "没有待审核的报表");
        console.browser().screenshot("review-queue-empty");
        assertThat(queuedZones()).isEmpty();
        assertThat(api("/reviews/returns/" + zone + "/" + PERIOD, Map.of()).getString("state")).isEqualTo("APPROVED");
    }

    @Test
    void aClosedYearSaysSoWhereDataIsEnteredAndItsSubmitControlsAreOff() {
        post("/periods/2011/close", "{\"reason\": \"2011 年排名已公布 ranking published\"}");
        signInAs(SUBMITTER);
        console.open("entry/" + PROVINCE + "?period=2011");
        WebElement notice = console.browser().await(By.id("period-state"));
        assertThat(notice.getAttribute("data-state")).isEqualTo("CLOSED");
        assertThat(notice.getText()).contains("2011 年已关闭", "ranking published");
        assertThat(console.browser().await(By.id("entry-submit")).isEnabled()).isFalse();
        assertThat(console.browser().await(By.id("entry-submit")).getAttribute("aria-describedby")).isEqualTo("period-state");
        assertThat(console.browser().await(By.id("workbook-submit")).isEnabled()).isFalse();
        console.browser().screenshot("review-period-closed");
        console.browser().assertAccessible("data entry of a closed year");

        post("/periods/2011/reopen", "{\"reason\": \"更正 correction\"}");
        console.browser().driver.navigate().refresh();
        console.browser().awaitLoaded();
        assertThat(console.browser().await(By.id("period-state")).getAttribute("data-state")).isEqualTo("REOPENED");
        assertThat(console.browser().await(By.id("entry-submit")).isEnabled()).isTrue();
    }

    @Test
    void theRankingsBasisIsChosenByThoseWhoMayReadBothAndKeptInTheAddress() {
        signInAs("demo-analyst");
        console.open("ranking?period=" + PERIOD + "&zoneType=ETDZ");
        Select basis = new Select(console.browser().await(By.id("basis")));
        assertThat(basis.getFirstSelectedOption().getAttribute("value")).isEqualTo("preliminary");
        basis.selectByValue("official");
        console.browser().awaitScript("return location.hash.includes('basis=official')");
        console.browser().awaitLoaded();
        assertThat(new Select(console.browser().await(By.id("basis"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("official");
        assertThat(console.browser().all(By.cssSelector("#ranking-heading ~ section tr[data-zone]"))).isNotEmpty();
        console.browser().screenshot("review-basis-ranking");
        console.browser().assertAccessible("ranking with the basis switch");
        console.open("overview?period=" + PERIOD + "&zoneType=ETDZ&basis=official");
        assertThat(new Select(console.browser().await(By.id("basis"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("official");

        // a submitter may read its own province on both bases, and the rest only as the API gives it
        signInAs(SUBMITTER);
        console.open("ranking?period=" + PERIOD + "&zoneType=ETDZ");
        assertThat(console.browser().all(By.id("basis"))).isEmpty();
        console.open("ranking?period=" + PERIOD + "&zoneType=ETDZ&province=" + PROVINCE);
        assertThat(new Select(console.browser().await(By.id("basis"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("official");
    }
}

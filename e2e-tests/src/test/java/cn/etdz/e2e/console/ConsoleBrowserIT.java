package cn.etdz.e2e.console;

import io.restassured.path.json.JsonPath;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The web console in a real browser (headless Chromium at 1366×768) against the packaged stack with the demo data,
 * signed in with the demo identities the local stack serves: what each screen shows is compared with what the API
 * answers, every screen is checked with axe-core, and each test leaves a screenshot in
 * {@code target/console-screenshots/}.
 */
class ConsoleBrowserIT {

    private static final String PERIOD = "2015";
    private static final String ZONE_TYPE = "ETDZ";
    private static final String PROVINCE = "320000";

    @RegisterExtension
    static final ConsoleStack console = new ConsoleStack("console");

    private static JsonPath api(String token, String path, Map<String, ?> query) {
        return given().header("Authorization", "Bearer " + token).queryParams(query).get("/api/v1" + path)
                .then().statusCode(200).extract().jsonPath();
    }

    private static String text(String css) {
        return console.browser().await(By.cssSelector(css)).getText();
    }

    @Test
    void eachRoleSignsInWithItsDemoIdentityAndSeesOnlyWhatItMay() {
        console.browser().get(console.stack().consoleUrl());
        console.browser().await(By.cssSelector("button.identity"));
        assertThat(console.browser().all(By.cssSelector("button.identity"))).extracting(WebElement::getText)
                .contains("部委管理员", "部委分析员", "江苏省填报员");
        console.browser().screenshot("signin");
        console.browser().assertAccessible("sign-in");

        assertThat(console.browser().driver.findElement(By.cssSelector(".masthead-nav")).isDisplayed()).isFalse();
        console.signIn("demo-admin");
        assertThat(text("#who")).contains("部委管理员");
        assertThat(console.browser().all(By.id("targets-table"))).hasSize(1);
        console.browser().screenshot("overview-admin");

        console.browser().await(By.id("sign-out")).click();
        console.signIn("demo-analyst");
        assertThat(text("#who")).contains("部委分析员");
        assertThat(console.browser().all(By.id("targets-table"))).hasSize(1);

        console.browser().await(By.id("sign-out")).click();
        console.signIn("demo-submitter-" + PROVINCE);
        assertThat(text("#who")).contains("江苏省填报员");
        // the plan's targets are for the ministry: a submitter's overview does not offer them
        assertThat(console.browser().all(By.id("targets-heading"))).isEmpty();
        assertThat(console.browser().all(By.id("count-ranked"))).hasSize(1);
        console.browser().screenshot("overview-submitter");
        console.browser().assertAccessible("overview as a submitter");
    }

    @Test
    void theOverviewShowsTheCountsTheApiGives() {
        console.signIn("demo-analyst");
        console.open("overview?period=" + PERIOD + "&zoneType=" + ZONE_TYPE);
        Map<String, String> group = Map.of("period", PERIOD, "zoneType", ZONE_TYPE);
        JsonPath ranking = api(console.stack().tokens().analyst(), "/scores", Map.of("period", PERIOD, "zoneType", ZONE_TYPE,
                "size", 1));
        List<List<String>> flags = api(console.stack().tokens().analyst(), "/flags", group).getList("flags");

        assertThat(text("#count-ranked .count-value")).isEqualTo(ranking.getString("snapshot.rankedCount"));
        assertThat(text("#count-zones .count-value")).isEqualTo(ranking.getString("snapshot.zoneCount"));
        for (String flag : List.of("WARNING", "EXIT_CANDIDATE", "EXPANSION_ELIGIBLE")) {
            long expected = flags.stream().filter(zoneFlags -> zoneFlags.contains(flag)).count();
            assertThat(text("#count-" + flag + " .count-value")).as(flag).isEqualTo(String.valueOf(expected));
        }
        assertThat(console.browser().all(By.cssSelector("#targets-table tbody tr")))
                .hasSize(api(console.stack().tokens().analyst(), "/targets", group).getList("aggregate").size());
        awaitDrawn("#region-chart canvas");
        console.browser().screenshot("overview-analyst");
        console.browser().assertAccessible("overview");
    }

    @Test
    void theRankingMatchesTheApiForAPeerGroupAndSortsAndFilters() {
        console.signIn("demo-analyst");
        console.open("ranking?period=" + PERIOD + "&zoneType=" + ZONE_TYPE + "&region=EAST");
        Map<String, Object> east = Map.of("period", PERIOD, "zoneType", ZONE_TYPE, "region", "EAST", "size", 50);
        assertThat(shownZones()).isEqualTo(api(console.stack().tokens().analyst(), "/scores", east).getList("items.zone"));
        console.browser().screenshot("ranking-east");
        console.browser().assertAccessible("ranking");

        console.browser().await(By.cssSelector("button.sort[data-column='composite']")).click();
        awaitShown(Map.of("period", PERIOD, "zoneType", ZONE_TYPE, "region", "EAST", "sort", "-composite", "size", 50));
        List<Double> descending = shownComposites();
        assertThat(descending).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(text("th[aria-sort] button")).isEqualTo("综合得分");
        console.browser().await(By.cssSelector("button.sort[data-column='composite']")).click();
        awaitShown(Map.of("period", PERIOD, "zoneType", ZONE_TYPE, "region", "EAST", "sort", "composite", "size", 50));
        // the lowest of the whole region now, not the highest page turned round
        List<Double> ascending = shownComposites();
        assertThat(ascending).isSorted();
        assertThat(ascending.get(0)).isLessThanOrEqualTo(descending.get(descending.size() - 1));
        assertThat(console.browser().driver.getCurrentUrl()).contains("sort=composite");

        new Select(console.browser().await(By.id("region"))).selectByValue("CENTRAL");
        console.browser().await(By.cssSelector("#region option[value='CENTRAL']"));
        // the chosen order stays when the filter changes
        awaitShown(Map.of("period", PERIOD, "zoneType", ZONE_TYPE, "region", "CENTRAL", "sort", "composite", "size", 50));
        assertThat(console.browser().driver.getCurrentUrl()).contains("region=CENTRAL", "period=" + PERIOD);

        String name = console.browser().all(By.cssSelector("#ranking-table tbody th a")).get(1).getText();
        console.browser().await(By.id("search")).sendKeys(name);
        await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class).untilAsserted(() -> assertThat(
                console.browser().all(By.cssSelector("#ranking-table tbody th a"))).extracting(WebElement::getText)
                .isNotEmpty().allSatisfy(shown -> assertThat(shown).contains(name)));

        console.open("ranking?period=" + PERIOD + "&zoneType=" + ZONE_TYPE);
        console.browser().await(By.xpath("//nav[@class='pager']/button[2]")).click();
        awaitShown(Map.of("period", PERIOD, "zoneType", ZONE_TYPE, "size", 50, "page", 1));
        console.browser().screenshot("ranking-page-2");

        // a tablet held upright: the page does not scroll sideways, only the wide table does, within its frame
        console.browser().driver.manage().window().setSize(new Dimension(768, 1024));
        try {
            console.open("ranking?period=" + PERIOD + "&zoneType=" + ZONE_TYPE);
            console.browser().await(By.id("ranking-table"));
            assertThat((Boolean) console.browser().script(
                    "return document.documentElement.scrollWidth <= document.documentElement.clientWidth")).isTrue();
            console.browser().screenshot("ranking-tablet");
        } finally {
            console.browser().driver.manage().window().setSize(new Dimension(Browser.WIDTH, Browser.HEIGHT));
        }
    }

    @Test
    void theRankingShowsEachZonesRankChangeAsTheApiGivesIt() {
        console.signIn("demo-analyst");
        console.open("ranking?period=" + PERIOD + "&zoneType=" + ZONE_TYPE);
        console.browser().await(By.id("ranking-table"));
        JsonPath page = api(console.stack().tokens().analyst(), "/scores", Map.of("period", PERIOD, "zoneType", ZONE_TYPE,
                "size", 50));
        List<Map<String, Object>> items = page.getList("items");
        List<WebElement> cells = console.browser().all(By.cssSelector("#ranking-table tbody td.rank-change"));
        assertThat(cells).hasSize(items.size());
        int moved = 0;
        for (int i = 0; i < items.size(); i++) {
            Integer rank = (Integer) items.get(i).get("nationalRank");
            Integer previous = (Integer) items.get(i).get("previousRank");
            String shown = cells.get(i).getAttribute("data-change");
            String seen = cells.get(i).findElement(By.cssSelector("[aria-hidden]")).getText();
            String spoken = cells.get(i).findElement(By.cssSelector(".visually-hidden")).getAttribute("textContent");
            if (previous == null) {
                assertThat(shown).isEqualTo("new");
                assertThat(seen).isEqualTo("新上榜");
                assertThat(spoken).isEqualTo("上年未参与排名");
            } else {
                int places = previous - rank;
                assertThat(Integer.parseInt(shown)).as(items.get(i).get("zone").toString()).isEqualTo(places);
                assertThat(seen).isEqualTo(places > 0 ? "▲" + places : places < 0 ? "▼" + -places : "=");
                assertThat(spoken).isEqualTo(places > 0 ? "比上年上升" + places + "位"
                        : places < 0 ? "比上年下降" + -places + "位" : "与上年名次相同");
                moved += places == 0 ? 0 : 1;
            }
        }
        assertThat(moved).as("zones whose rank changed on the first page").isPositive();
        console.browser().screenshot("ranking-rank-change");
    }

    @Test
    void sortAndSearchWorkAcrossTheWholeRankingAsTheApiAnswers() {
        console.signIn("demo-analyst");
        console.open("ranking?period=" + PERIOD + "&zoneType=" + ZONE_TYPE);
        console.browser().await(By.id("ranking-table"));
        // the lowest innovation score first, then the second page of that order
        console.browser().await(By.cssSelector("button.sort[data-column='node:INNOVATION']")).click();
        awaitShown(Map.of("period", PERIOD, "zoneType", ZONE_TYPE, "sort", "-node:INNOVATION", "size", 50));
        console.browser().await(By.cssSelector("button.sort[data-column='node:INNOVATION']")).click();
        awaitShown(Map.of("period", PERIOD, "zoneType", ZONE_TYPE, "sort", "node:INNOVATION", "size", 50));
        console.browser().await(By.xpath("//nav[@class='pager']/button[2]")).click();
        awaitShown(Map.of("period", PERIOD, "zoneType", ZONE_TYPE, "sort", "node:INNOVATION", "size", 50, "page", 1));
        assertThat(text("th[aria-sort='ascending'] button")).isEqualTo("科技创新");

        // a search over the whole table: more matches than a page holds, the second page as the API answers it
        String common = "经济技术开发区";
        WebElement search = console.browser().await(By.id("search"));
        search.sendKeys(common);
        Map<String, Object> searched = Map.of("period", PERIOD, "zoneType", ZONE_TYPE, "sort", "node:INNOVATION", "q", common,
                "size", 50);
        awaitShown(searched);
        assertThat(api(console.stack().tokens().analyst(), "/scores", searched).getInt("total")).isGreaterThan(50);
        console.browser().await(By.xpath("//nav[@class='pager']/button[2]")).click();
        awaitShown(Map.of("period", PERIOD, "zoneType", ZONE_TYPE, "sort", "node:INNOVATION", "q", common, "size", 50, "page", 1));
        // a zone of the last page is found from the first
        String last = api(console.stack().tokens().analyst(), "/scores", Map.of("period", PERIOD, "zoneType", ZONE_TYPE,
                "sort", "-rank", "size", 1)).getString("items[0].name");
        search = console.browser().await(By.id("search"));
        search.clear();
        search.sendKeys(last);
        awaitShown(Map.of("period", PERIOD, "zoneType", ZONE_TYPE, "sort", "node:INNOVATION", "q", last, "size", 50));
        assertThat(console.browser().all(By.cssSelector("#ranking-table tbody th a"))).extracting(WebElement::getText)
                .contains(last);
        assertThat(console.browser().driver.getCurrentUrl()).contains("sort=node%3AINNOVATION", "q=");
        console.browser().screenshot("ranking-search");
        console.browser().assertAccessible("ranking sorted and searched");
    }

    @Test
    void theOverviewDrawsThePlansTargetsAgainstThePathWithTheTableTheApiGives() {
        console.signIn("demo-analyst");
        console.open("overview?period=" + PERIOD + "&zoneType=" + ZONE_TYPE);
        JsonPath aggregate = api(console.stack().tokens().analyst(), "/targets", Map.of("period", PERIOD, "zoneType", ZONE_TYPE,
                "aggregateOnly", true));
        assertThat(aggregate.getList("zones")).isEmpty();
        List<String> indicators = aggregate.getList("aggregate.indicator");
        console.browser().await(By.cssSelector("#targets-table tbody tr"));
        assertThat(console.browser().all(By.cssSelector("#targets-table tbody tr")))
                .extracting(row -> row.getAttribute("data-indicator")).isEqualTo(indicators);
        List<WebElement> rows = console.browser().all(By.cssSelector("#targets-table tbody tr"));
        for (int i = 0; i < rows.size(); i++) {
            List<WebElement> cells = rows.get(i).findElements(By.tagName("td"));
            Object current = aggregate.get("aggregate[" + i + "].current");
            if (current != null) {
                double value = ((Number) current).doubleValue();
                assertThat(Double.parseDouble(cells.get(3).getText().replace(",", ""))).as(indicators.get(i))
                        .isCloseTo(value, within(0.051 + Math.abs(value) * 1e-6));
            }
            assertThat(cells.get(5).getText()).isEqualTo(Map.of("ON_TRACK", "达到进度", "BEHIND", "落后进度",
                    "NO_DATA", "无数据", "NO_BASELINE", "无基期值").get(aggregate.getString("aggregate[" + i + "].status")));
        }
        assertThat(console.browser().all(By.cssSelector(".target-chart"))).hasSize(indicators.size());
        awaitDrawn("#target-chart-GDP canvas");
        assertThat(console.browser().await(By.id("target-chart-GDP")).getAttribute("aria-label")).contains("2015");
        console.browser().screenshot("overview-target-charts");
        console.browser().assertAccessible("overview with target charts");
    }

    @Test
    void aZoneProfileDrawsItsRadarAndItsExplanationAddsUpToTheScore() {
        console.signIn("demo-analyst");
        console.open("ranking?period=" + PERIOD + "&zoneType=" + ZONE_TYPE);
        WebElement first = console.browser().await(By.cssSelector("#ranking-table tbody tr"));
        String zone = first.getAttribute("data-zone");
        first.findElement(By.cssSelector("th a")).click();
        console.browser().await(By.id("explanation-total"));
        console.browser().awaitLoaded();

        JsonPath score = api(console.stack().tokens().analyst(), "/scores/" + zone + "/" + PERIOD, Map.of());
        assertThat(text("h1")).isEqualTo(score.getString("name"));
        assertThat(Double.parseDouble(text("#explanation-total"))).isCloseTo(score.getDouble("composite"), within(0.01));
        assertThat(console.browser().all(By.cssSelector("#history-table tbody tr")))
                .hasSize(api(console.stack().tokens().analyst(), "/scores/" + zone, Map.of()).getList("$").size());
        awaitDrawn("#radar-chart canvas");
        List<String> targetLines = api(console.stack().tokens().analyst(), "/targets", Map.of("period", PERIOD, "zoneType",
                ZONE_TYPE, "zone", zone)).getList("zones[0].lines.indicator");
        assertThat(targetLines).isNotEmpty();
        console.browser().await(By.cssSelector("#zone-targets-table tbody tr"));
        assertThat(console.browser().all(By.cssSelector("#zone-targets-table tbody tr")))
                .extracting(row -> row.getAttribute("data-indicator")).isEqualTo(targetLines);
        console.browser().screenshot("zone-profile");
        console.browser().assertAccessible("zone profile");
    }

    @Test
    void theProvincesTileMapAndTimelinessShowWhatTheApiGivesAndLeadToAProvincesZones() {
        console.signIn("demo-analyst");
        console.open("provinces?period=" + PERIOD + "&zoneType=" + ZONE_TYPE + "&measure=late");
        assertThat(console.browser().all(By.cssSelector("#tile-map a.tile"))).hasSize(31);
        List<Map<String, Object>> provinces = api(console.stack().tokens().analyst(), "/timeliness", Map.of("period", PERIOD))
                .getList("provinces");
        assertThat(provinces).isNotEmpty();
        for (Map<String, Object> province : provinces) {
            @SuppressWarnings("unchecked")
            Map<String, Integer> counts = (Map<String, Integer>) province.get("counts");
            String code = (String) province.get("province");
            assertThat(text("a.tile[data-province='" + code + "'] .tile-value")).as(code)
                    .isEqualTo(String.valueOf(counts.get("late") + counts.get("missing")));
            if (counts.get("expected") > 0) {
                assertThat(console.browser().all(By.cssSelector("#timeliness-table tr[data-province='" + code + "'] td")))
                        .extracting(WebElement::getText).as(code).containsExactly(
                                String.valueOf(counts.get("expected")), String.valueOf(counts.get("submitted")),
                                String.valueOf(counts.get("onTime")), String.valueOf(counts.get("late")),
                                String.valueOf(counts.get("missing")));
            }
        }
        console.browser().screenshot("provinces-late");
        console.browser().assertAccessible("provinces");

        console.browser().await(By.cssSelector("a.tile[data-province='" + PROVINCE + "']")).click();
        console.browser().await(By.cssSelector("#ranking-table tbody tr"));
        console.browser().awaitLoaded();
        assertThat(console.browser().driver.getCurrentUrl()).contains("#/ranking", "province=" + PROVINCE);
        assertThat(shownZones()).isEqualTo(api(console.stack().tokens().analyst(), "/scores", Map.of("period", PERIOD,
                "zoneType", ZONE_TYPE, "province", PROVINCE, "size", 50)).getList("items.zone"));
    }

    @Test
    void theLanguageSwitchChangesTheLabels() {
        console.signIn("demo-analyst");
        assertThat(text(".masthead-nav a[data-screen='overview']")).isEqualTo("概览");
        console.browser().await(By.id("language")).click();
        console.browser().awaitText(By.cssSelector(".masthead-nav a[data-screen='overview']"), "Overview");
        console.browser().awaitLoaded();
        assertThat(text("h1")).startsWith("Overview " + PERIOD);
        assertThat(text("#count-ranked .count-label")).isEqualTo("Ranked");
        assertThat(text("#who")).isEqualTo("Signed in as Ministry analyst (demo-analyst)");
        assertThat(console.browser().script("return document.documentElement.lang")).isEqualTo("en");
        console.browser().screenshot("overview-english");
        console.browser().assertAccessible("overview in English");
    }

    @Test
    void aRefusedCallLeavesTheRestOfTheScreenWorkingAndAnExpiredTokenLeadsBackToSignIn() {
        console.signIn("demo-submitter-" + PROVINCE);
        String elsewhere = api(console.stack().tokens().analyst(), "/scores", Map.of("period", PERIOD, "zoneType", ZONE_TYPE,
                "size", 50)).<Map<String, Object>>getList("items").stream()
                .filter(item -> !PROVINCE.equals(item.get("province"))).map(item -> (String) item.get("zone"))
                .findFirst().orElseThrow();
        console.open("zone/" + elsewhere + "?period=" + PERIOD + "&zoneType=" + ZONE_TYPE);
        // the explanation is for the zone's own province only (403); the scores and the radar still show
        assertThat(text("[aria-labelledby='explanation-heading'] .problem")).contains("您的角色无权查看此内容");
        assertThat(console.browser().all(By.cssSelector("#history-table tbody tr"))).isNotEmpty();
        awaitDrawn("#radar-chart canvas");
        console.browser().screenshot("zone-forbidden-explanation");
        console.browser().assertAccessible("zone profile with a refused section");

        console.browser().script("const session = JSON.parse(sessionStorage.getItem('console.session'));"
                + "session.token = arguments[0]; sessionStorage.setItem('console.session', JSON.stringify(session));",
                expiredToken());
        console.open("ranking?period=" + PERIOD + "&zoneType=" + ZONE_TYPE);
        assertThat(text(".notice")).contains("登录已过期");
        // the notice shows before the identities arrive
        console.browser().await(By.cssSelector("button.identity"));
        assertThat(console.browser().driver.findElement(By.cssSelector(".masthead-nav")).isDisplayed()).isFalse();
        console.browser().screenshot("signin-expired");
    }

    /** A token the gateway refuses as expired: signed by the demo key, valid for an hour that ended an hour ago. */
    private static String expiredToken() {
        JwtClaims claims = console.stack().tokens().claims("demo-analyst", "analyst", null, Duration.ofHours(1));
        long now = NumericDate.now().getValue();
        claims.setIssuedAt(NumericDate.fromSeconds(now - 7200));
        claims.setExpirationTime(NumericDate.fromSeconds(now - 3600));
        return console.stack().tokens().sign(claims);
    }

    private static List<String> shownZones() {
        return console.browser().all(By.cssSelector("#ranking-table tbody tr")).stream()
                .map(row -> row.getAttribute("data-zone")).toList();
    }

    /** Waits until the ranking table shows the zones the API answers to this query, in its order. */
    private static void awaitShown(Map<String, Object> query) {
        List<String> expected = api(console.stack().tokens().analyst(), "/scores", query).getList("items.zone");
        // the table is redrawn while it is read: an element gone stale is read again
        await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class)
                .untilAsserted(() -> assertThat(shownZones()).isEqualTo(expected));
    }

    private static List<Double> shownComposites() {
        return console.browser().all(By.cssSelector("#ranking-table tbody td.composite")).stream()
                .map(cell -> Double.parseDouble(cell.getText().replace(",", ""))).toList();
    }

    /** Waits until a chart's canvas has drawn pixels. */
    private static void awaitDrawn(String canvas) {
        console.browser().awaitDrawn(canvas);
    }
}

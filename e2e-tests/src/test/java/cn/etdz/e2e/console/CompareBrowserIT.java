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
            assertThat(text(row + "[data-column='innovation']"))
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

    /** A score as the console shows it: one decimal, a dash for none. */
    private static String oneDecimal(Object value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.1f", ((Number) value).doubleValue());
    }
}

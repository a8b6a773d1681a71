package cn.etdz.e2e.console;

import cn.etdz.e2e.WaitWhenRateLimited;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The What-if screen in a real browser against the packaged stack with the demo data: the rank moves it shows are
 * the ones a direct {@code POST /api/v1/evaluations/simulate} with the same methodology and the peer group's data
 * gives, refused weights are shown at their control, submitters are not offered it, and an administrator's saved
 * version becomes the active methodology.
 */
class WhatIfBrowserIT {

    private static final String PERIOD = "2015";
    private static final String PROVINCE = "320000";

    @RegisterExtension
    static final ConsoleStack console = new ConsoleStack("whatif");

    @Test
    void anAnalystsChangedWeightMovesTheRanksAsADirectSimulationDoes() {
        console.signIn("demo-analyst");
        assertThat(console.browser().await(By.cssSelector(".masthead-nav a[data-screen='whatif']")).isDisplayed()).isTrue();
        console.open("whatif?period=" + PERIOD + "&zoneType=ETDZ");
        // the economy's weight to the slider's top (100): the composite leans on it
        WebElement economy = console.browser().await(By.id("weight-ECONOMY"));
        economy.sendKeys(Keys.END);
        assertThat(console.browser().await(By.id("share-ECONOMY")).getText()).startsWith("100 — ");
        run();

        String token = console.stack().tokens().analyst();
        Map<String, Object> active = activeMethodology(token, "ETDZ");
        Map<String, Object> changed = withPillarWeight(active, "ECONOMY", 100.0);
        Map<String, Object> data = peerGroupData(token, "ETDZ");
        Map<String, Integer> before = ranks(simulate(token, Map.of("methodologyKey", active.get("key")), data)
                .then().statusCode(200).extract().jsonPath());
        Map<String, Integer> after = ranks(simulate(token, Map.of("methodology", changed), data)
                .then().statusCode(200).extract().jsonPath());

        Map<String, List<String>> shown = console.browser().all(By.cssSelector("#whatif-moves tbody tr")).stream()
                .collect(Collectors.toMap(row -> row.getAttribute("data-zone"), row -> List.of(
                        cell(row, ".old-rank"), cell(row, ".new-rank"))));
        assertThat(shown.keySet()).containsExactlyInAnyOrderElementsOf(before.keySet());
        before.forEach((zone, rank) -> assertThat(shown.get(zone)).as(zone)
                .containsExactly(rankText(rank), rankText(after.get(zone))));
        // the starting point is the stored ranking: the data set is the one the scores were computed from
        JsonPath stored = as(token)
                .queryParams(Map.of("period", PERIOD, "zoneType", "ETDZ", "size", 500)).get("/api/v1/scores")
                .then().statusCode(200).extract().jsonPath();
        assertThat(before).isEqualTo(rankMap(stored.getList("items")));

        long moved = before.keySet().stream().filter(zone -> !before.get(zone).equals(after.get(zone))).count();
        assertThat(moved).isPositive();
        assertThat(console.browser().await(By.id("whatif-summary")).getText())
                .contains(String.valueOf(moved), "个全国排名发生变化");
        int biggestClimb = before.keySet().stream().filter(zone -> before.get(zone) != null && after.get(zone) != null)
                .mapToInt(zone -> before.get(zone) - after.get(zone)).max().orElseThrow();
        assertThat(cell(console.browser().await(By.cssSelector("#whatif-up tbody tr")), "td:last-child"))
                .isEqualTo("▲ " + biggestClimb);
        awaitDrawn("#slope-chart canvas");
        console.browser().screenshot("whatif-analyst");
        console.browser().assertAccessible("what-if");

        // a weight of 0 is refused by the API: the problem is shown at the innovation slider, nothing else changes
        console.browser().await(By.id("weight-INNOVATION")).sendKeys(Keys.HOME);
        run();
        WebElement problem = console.browser().await(By.id("problem-pillars-1-weight"));
        assertThat(problem.getText()).isNotBlank();
        // GDP by distance to a target without a target (and a log transform that does not suit it): said at GDP
        console.browser().script("document.getElementById('normalisation-ECONOMY-GDP').closest('details').open = true");
        new Select(console.browser().await(By.id("normalisation-ECONOMY-GDP"))).selectByValue("TARGET");
        run();
        assertThat(console.browser().all(By.xpath("//select[@id='normalisation-ECONOMY-GDP']/ancestor::div[@class='indicator']"
                + "//p[contains(@class, 'field-problem') and not(@hidden)]"))).isNotEmpty()
                .allSatisfy(placed -> assertThat(placed.getText()).isNotBlank());
        assertThat(console.browser().all(By.cssSelector("#whatif-results .problem"))).isEmpty();
        assertThat(console.browser().await(By.id("problem-pillars-1-weight")).getText()).isNotBlank();
        assertThat(console.browser().all(By.id("whatif-moves"))).isEmpty();
        console.browser().screenshot("whatif-refused-weight");
        console.browser().assertAccessible("what-if with a refused weight");
    }

    @Test
    void aSubmitterIsNotOfferedTheWhatIf() {
        console.signIn("demo-submitter-" + PROVINCE);
        assertThat(console.browser().all(By.cssSelector(".masthead-nav a[data-screen='whatif']")))
                .allSatisfy(link -> assertThat(link.isDisplayed()).isFalse());
        console.open("whatif?period=" + PERIOD + "&zoneType=ETDZ");
        assertThat(console.browser().await(By.cssSelector("main .problem")).getText()).contains("您的角色无权查看此内容");
        assertThat(console.browser().all(By.id("whatif-run"))).isEmpty();
    }

    @Test
    void anAdministratorSavesTheChangedMethodologyAsTheNextVersionAfterConfirming() {
        console.signIn("demo-admin");
        String token = console.stack().tokens().admin();
        Map<String, Object> active = activeMethodology(token, "BECZ");
        console.open("whatif?period=" + PERIOD + "&zoneType=BECZ");
        console.browser().await(By.id("weight-SOCIETY")).sendKeys(Keys.END);
        // GDP scored by its z-score instead of min–max (a normalisation that takes no parameters)
        console.browser().script("document.getElementById('normalisation-ECONOMY-GDP').closest('details').open = true");
        new Select(console.browser().await(By.id("normalisation-ECONOMY-GDP"))).selectByValue("ZSCORE");
        run();
        int moved = console.browser().all(By.cssSelector("#whatif-moves tbody tr")).stream()
                .filter(row -> !cell(row, ".old-rank").equals(cell(row, ".new-rank"))).toList().size();
        console.browser().await(By.id("whatif-save")).click();
        WebElement dialog = console.browser().await(By.id("whatif-confirm"));
        assertThat(dialog.getText()).contains(String.valueOf(moved));
        assertThat(dialog.findElements(By.cssSelector(".confirm-list li"))).hasSize(moved);
        console.browser().screenshot("whatif-confirm");
        console.browser().assertAccessible("what-if save confirmation");
        console.browser().await(By.id("whatif-confirm-save")).click();

        String next = active.get("id") + "@" + ((Integer) active.get("version") + 1);
        assertThat(console.browser().await(By.id("whatif-saved")).getText()).contains(next);
        console.browser().screenshot("whatif-saved");
        Map<String, Object> saved = activeMethodology(token, "BECZ");
        assertThat(saved.get("key")).isEqualTo(next);
        assertThat(pillarWeight(saved, "SOCIETY")).isEqualTo(100.0);
        assertThat(normalisation(saved, "GDP")).isEqualTo("ZSCORE");
    }

    /** Runs the what-if and waits for its answer (the data set is gathered on the first run). */
    private static void run() {
        console.browser().await(By.id("whatif-run")).click();
        await().atMost(Duration.ofSeconds(60)).until(() -> console.browser().all(By.cssSelector("#whatif-results[aria-busy]"))
                .isEmpty() && console.browser().await(By.id("whatif-run")).isEnabled());
    }

    /** A cell's text, also in the folded table of every zone (Selenium's getText gives only what is displayed). */
    private static String cell(WebElement row, String css) {
        return row.findElement(By.cssSelector(css)).getAttribute("textContent").trim();
    }

    private static String rankText(Integer rank) {
        return rank == null ? "—" : String.valueOf(rank);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> activeMethodology(String token, String zoneType) {
        List<Map<String, Object>> versions = as(token).get("/api/v1/methodologies")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return versions.stream().filter(version -> zoneType.equals(version.get("zoneType")) && (Boolean) version.get("active"))
                .findFirst().orElseThrow();
    }

    /** The stored methodology as a request, with one pillar's weight changed. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withPillarWeight(Map<String, Object> version, String pillar, double weight) {
        Map<String, Object> methodology = new LinkedHashMap<>((Map<String, Object>) version.get("methodology"));
        methodology.remove("version");
        methodology.put("pillars", ((List<Map<String, Object>>) methodology.get("pillars")).stream().map(stored -> {
            Map<String, Object> copy = new LinkedHashMap<>(stored);
            if (pillar.equals(copy.get("code"))) {
                copy.put("weight", weight);
            }
            return copy;
        }).toList());
        return methodology;
    }

    @SuppressWarnings("unchecked")
    private static double pillarWeight(Map<String, Object> version, String pillar) {
        return ((List<Map<String, Object>>) ((Map<String, Object>) version.get("methodology")).get("pillars")).stream()
                .filter(stored -> pillar.equals(stored.get("code"))).map(stored -> ((Number) stored.get("weight")).doubleValue())
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static String normalisation(Map<String, Object> version, String indicator) {
        return ((List<Map<String, Object>>) ((Map<String, Object>) version.get("methodology")).get("pillars")).stream()
                .flatMap(pillar -> ((List<Map<String, Object>>) pillar.get("indicators")).stream())
                .filter(stored -> indicator.equals(stored.get("code"))).map(stored -> (String) stored.get("normalisation"))
                .findFirst().orElseThrow();
    }

    /** The peer group's zones and their values in the period and the one before, as the API gives them. */
    private static Map<String, Object> peerGroupData(String token, String zoneType) {
        List<Map<String, Object>> scores = as(token)
                .queryParams(Map.of("period", PERIOD, "zoneType", zoneType, "size", 500)).get("/api/v1/scores")
                .then().statusCode(200).extract().jsonPath().getList("items");
        Map<String, Map<String, Object>> registry = as(token)
                .queryParams(Map.of("type", zoneType, "size", 500)).get("/api/v1/zones")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items").stream()
                .collect(Collectors.toMap(zone -> (String) zone.get("code"), Function.identity()));
        Map<String, Map<String, Double>> values = new HashMap<>();
        Map<String, Map<String, Double>> previousValues = new HashMap<>();
        for (Map<String, Object> score : scores) {
            String zone = (String) score.get("zone");
            Map<String, Double> current = inputValues(token, zone, PERIOD);
            Object area = registry.get(zone).get("developedAreaKm2");
            if (area != null) {
                current.putIfAbsent("AREA_BUILT", ((Number) area).doubleValue());
            }
            values.put(zone, current);
            previousValues.put(zone, inputValues(token, zone, String.valueOf(Integer.parseInt(PERIOD) - 1)));
        }
        return Map.of(
                "zones", scores.stream().map(score -> Map.of("code", score.get("zone"), "type", zoneType,
                        "region", score.get("region"))).toList(),
                "values", values, "previousValues", previousValues);
    }

    /** The API as the signed-in user, reading zone by zone: waits out the gateway's rate limit as a client would. */
    private static RequestSpecification as(String token) {
        return given().filter(new WaitWhenRateLimited()).header("Authorization", "Bearer " + token);
    }

    private static Map<String, Double> inputValues(String token, String zone, String period) {
        Response response = as(token).get("/api/v1/inputs/" + zone + "/" + period);
        if (response.statusCode() == 404) {
            return new HashMap<>();
        }
        return response.then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("values").stream()
                .collect(Collectors.toMap(value -> (String) value.get("indicator"),
                        value -> ((Number) value.get("value")).doubleValue(), (a, b) -> b, HashMap::new));
    }

    private static Response simulate(String token, Map<String, Object> methodology, Map<String, Object> data) {
        Map<String, Object> body = new HashMap<>(data);
        body.putAll(methodology);
        return as(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/evaluations/simulate");
    }

    private static Map<String, Integer> ranks(JsonPath result) {
        return rankMap(result.getList("zones"));
    }

    private static Map<String, Integer> rankMap(List<Map<String, Object>> zones) {
        Map<String, Integer> ranks = new HashMap<>();
        zones.forEach(zone -> ranks.put((String) zone.get("zone"), (Integer) zone.get("nationalRank")));
        return ranks;
    }

    /** Waits until a chart's canvas has drawn pixels (an empty canvas is fully transparent). */
    private static void awaitDrawn(String canvas) {
        console.browser().await(By.cssSelector(canvas));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(((Number) console.browser().script("""
                const canvas = document.querySelector(arguments[0]);
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let drawn = 0;
                for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) drawn++; }
                return drawn;""", canvas)).longValue()).as("drawn pixels of " + canvas).isGreaterThan(2000));
    }
}

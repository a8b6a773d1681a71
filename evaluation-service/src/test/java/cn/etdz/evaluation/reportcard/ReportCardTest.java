package cn.etdz.evaluation.reportcard;

import cn.etdz.evaluation.scores.EventFixtures;
import cn.etdz.evaluation.scores.Rankings;
import cn.etdz.localstack.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * Report cards of zones scored by the real pipeline (events on the broker, snapshots in PostgreSQL), read back as a
 * user's PDF reader would: fonts embedded, text extractable, the API's figures on the page. The PDFs are also kept
 * in {@code target/report-cards/} for a look.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class ReportCardTest {

    private static final String EARLIER = "2081";
    private static final String PERIOD = "2082";
    private static final String JIANGSU = "320000";
    private static final String GUANGDONG = "440000";
    /** code → { Chinese name, English name, province }, scored in both periods. */
    private static final Map<String, String[]> ZONES = new LinkedHashMap<>();
    private static EventFixtures events;

    @BeforeAll
    static void connect() {
        events = new EventFixtures();
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    /** Once for the class, but in a test's context: REST Assured knows the application's port only there. */
    @BeforeEach
    void scoreTwoYears() throws Exception {
        if (!ZONES.isEmpty()) {
            return;
        }
        ZONES.put(EventFixtures.code("CARD-A"), new String[] {"报告卡甲开发区", "Report Card Zone A", JIANGSU});
        ZONES.put(EventFixtures.code("CARD-B"), new String[] {"报告卡乙开发区", "Report Card Zone B", JIANGSU});
        ZONES.put(EventFixtures.code("CARD-C"), new String[] {"报告卡丙开发区", "Report Card Zone C", GUANGDONG});
        events.indicator("GDP", "地区生产总值");
        int quality = 4;
        for (var zone : ZONES.entrySet()) {
            events.namedZone(zone.getKey(), "ETDZ", zone.getValue()[2], "EAST", zone.getValue()[0], zone.getValue()[1]);
            events.submission(zone.getKey(), EARLIER, 1, EventFixtures.fullValues(quality + 1));
            events.submission(zone.getKey(), PERIOD, 1, EventFixtures.fullValues(quality));
            quality += 3;
        }
        Rankings.awaitRanking(EARLIER, "ETDZ", json -> json.getInt("snapshot.rankedCount") == 3);
        Rankings.awaitRanking(PERIOD, "ETDZ", json -> json.getInt("snapshot.rankedCount") == 3
                && json.getList("items.name").containsAll(ZONES.values().stream().map(z -> z[0]).toList()));
    }

    private static String zone(int index) {
        return List.copyOf(ZONES.keySet()).get(index);
    }

    private static Response card(String zone, String language, String token) {
        return given().header("Authorization", token).header("Accept-Language", language)
                .queryParam("period", PERIOD).get("/api/v1/report-cards/" + zone);
    }

    @Test
    void theChineseCardEmbedsItsFontAndShowsTheZoneTheApisCompositeAndTheMethodologyVersion() throws IOException {
        String zone = zone(0);
        JsonPath score = given().header("Authorization", Rankings.analyst())
                .get("/api/v1/scores/" + zone + "/" + PERIOD).then().statusCode(200).extract().jsonPath();
        Response card = card(zone, "zh-CN", Rankings.analyst());
        card.then().statusCode(200).contentType(startsWith("application/pdf")).header("Content-Language", "zh-CN");
        assertThat(fileName(card)).isEqualTo(zone + " 报告卡甲开发区.pdf");

        try (PDDocument pdf = Loader.loadPDF(card.asByteArray())) {
            keep(pdf, zone + "-zh.pdf", card.asByteArray());
            assertThat(pdf.getNumberOfPages()).isBetween(1, 2);
            assertEveryFontEmbedded(pdf);
            String text = new PDFTextStripper().getText(pdf);
            String[] methodology = score.getString("methodology").split("@");
            assertThat(text).contains("报告卡甲开发区", "Report Card Zone A", "江苏省",
                    ReportCardRenderer.scoreText(score.getDouble("composite")),
                    "评价方法 " + methodology[0] + "，第" + methodology[1] + "版", "第1页，共2页");
            assertThat(text).contains("历年综合得分与全国排名", "优势指标", "规划目标完成情况");
        }
    }

    @Test
    void theEnglishCardShowsTheEnglishNameAndEnglishWords() throws IOException {
        String zone = zone(1);
        Response card = card(zone, "en", Rankings.analyst());
        card.then().statusCode(200).header("Content-Language", "en");
        assertThat(fileName(card)).isEqualTo(zone + " Report Card Zone B.pdf");
        try (PDDocument pdf = Loader.loadPDF(card.asByteArray())) {
            keep(pdf, zone + "-en.pdf", card.asByteArray());
            assertEveryFontEmbedded(pdf);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Report Card Zone B", "报告卡乙开发区", "Jiangsu", "Composite score", "Page 2 of 2",
                    "Methodology plan-2012-ETDZ, version");
        }
    }

    @Test
    void theProvinceZipHoldsOneCardPerZoneOfTheProvinceAndNothingOfAnother() throws IOException {
        Response zip = given().header("Authorization", Rankings.analyst()).header("Accept-Language", "zh-CN")
                .queryParam("province", JIANGSU).queryParam("period", PERIOD).get("/api/v1/report-cards");
        zip.then().statusCode(200).contentType(startsWith("application/zip"));
        assertThat(fileName(zip)).isEqualTo("报告卡-" + JIANGSU + "-" + PERIOD + ".zip");
        Map<String, String> texts = new LinkedHashMap<>();
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip.asByteArray()))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                try (PDDocument pdf = Loader.loadPDF(entries.readAllBytes())) {
                    assertEveryFontEmbedded(pdf);
                    texts.put(entry.getName(), new PDFTextStripper().getText(pdf));
                }
            }
        }
        assertThat(texts.keySet()).containsExactlyInAnyOrder(zone(0) + " 报告卡甲开发区.pdf", zone(1) + " 报告卡乙开发区.pdf");
        assertThat(texts.get(zone(0) + " 报告卡甲开发区.pdf")).contains("报告卡甲开发区").doesNotContain("报告卡乙开发区");
        assertThat(String.join("", texts.values())).doesNotContain("报告卡丙开发区", zone(2));
    }

    @Test
    void submittersGetTheirOwnProvinceOnlyAndTheForbiddenAnswerShowsNothingOfTheZone() {
        String guangdong = "Bearer " + PlatformTestResource.tokens().submitter(GUANGDONG);
        card(zone(0), "en", guangdong).then().statusCode(403).contentType(startsWith("application/problem+json"))
                .body(not(containsString("Report Card Zone A"))).body(not(containsString("报告卡甲开发区")));
        given().header("Authorization", guangdong).queryParam("province", JIANGSU).queryParam("period", PERIOD)
                .get("/api/v1/report-cards").then().statusCode(403).contentType(startsWith("application/problem+json"))
                .body(not(containsString("报告卡")));
        String jiangsu = "Bearer " + PlatformTestResource.tokens().submitter(JIANGSU);
        card(zone(0), "zh-CN", jiangsu).then().statusCode(200).contentType(startsWith("application/pdf"));
        card(zone(2), "zh-CN", jiangsu).then().statusCode(403);
    }

    @Test
    void unknownZonesPeriodsWithoutScoresAndProvincesWithoutZonesAreProblems() {
        String analyst = Rankings.analyst();
        card("NO-SUCH-ZONE", "en", analyst).then().statusCode(404).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("NO-SUCH-ZONE"));
        given().header("Authorization", analyst).queryParam("period", "2098").get("/api/v1/report-cards/" + zone(0))
                .then().statusCode(404).body("detail", containsString("2098"));
        given().header("Authorization", analyst).queryParam("province", "110000").queryParam("period", PERIOD)
                .get("/api/v1/report-cards").then().statusCode(404).body("detail", containsString("110000"));
        given().header("Authorization", analyst).queryParam("province", "32").queryParam("period", PERIOD)
                .get("/api/v1/report-cards").then().statusCode(400).body("violations[0].field", equalTo("province"));
        given().header("Authorization", analyst).queryParam("province", JIANGSU)
                .get("/api/v1/report-cards").then().statusCode(400).body("violations[0].field", equalTo("period"));
    }

    private static void assertEveryFontEmbedded(PDDocument pdf) throws IOException {
        int fonts = 0;
        for (PDPage page : pdf.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                fonts++;
            }
        }
        assertThat(fonts).isPositive();
    }

    private static String fileName(Response response) {
        String disposition = response.header("Content-Disposition");
        assertThat(disposition).startsWith("attachment;");
        return URLDecoder.decode(disposition.substring(disposition.indexOf("UTF-8''") + 7), StandardCharsets.UTF_8);
    }

    private static void keep(PDDocument pdf, String name, byte[] bytes) throws IOException {
        Path directory = Path.of("target", "report-cards");
        Files.createDirectories(directory);
        Files.write(directory.resolve(name), bytes);
    }
}

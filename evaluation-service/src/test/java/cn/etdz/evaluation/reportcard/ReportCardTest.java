package cn.etdz.evaluation.reportcard;

import cn.etdz.common.i18n.Languages;
import cn.etdz.common.i18n.Message;
import cn.etdz.evaluation.scores.EventFixtures;
import cn.etdz.evaluation.scores.Rankings;
import cn.etdz.evaluation.scoring.DerivedIndicators;
import cn.etdz.localstack.PlatformTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
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
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    @Inject
    AgroalDataSource database;

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
        events.indicator("GDP", "地区生产总值", "Gross regional product");
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

    /**
     * The indicators against the peers (strongest and weakest) by name and code in the card's language, never by the
     * code alone: a catalogue indicator by the name the read model holds, a derived one (which has no catalogue entry)
     * by the service's own wording, which the targets section shares.
     */
    @Test
    void theEnglishCardNamesItsIndicatorsInEnglishAndTheChineseCardInChinese() throws Exception {
        String zone = zone(2);
        Map<String, String[]> catalogue = catalogueNames();
        String englishCard = pdfText(card(zone, "en", Rankings.analyst()), zone + "-en.pdf");
        String chineseCard = pdfText(card(zone, "zh-CN", Rankings.analyst()), zone + "-zh.pdf");
        String english = section(englishCard, "Strongest indicators against the peer median", "Scores are the indicators");
        String chinese = section(chineseCard, "优势指标（与同类开发区中位数比较）", "得分为按评价方法");

        List<String> named = codesInParentheses(english).stream().filter(catalogue::containsKey).toList();
        assertThat(named).as("catalogue indicators among the strongest and weakest").isNotEmpty();
        String fromCatalogue = named.get(0);
        assertThat(english).contains(catalogue.get(fromCatalogue)[1] + " (" + fromCatalogue + ")")
                .doesNotContain(catalogue.get(fromCatalogue)[0]);
        assertThat(chinese).contains(catalogue.get(fromCatalogue)[0] + " (" + fromCatalogue + ")")
                .doesNotContain(catalogue.get(fromCatalogue)[1]);

        assertThat(english).contains("R&D intensity (RD_INTENSITY)");
        assertThat(chinese).contains("研发投入强度 (RD_INTENSITY)");
        List<String> derived = codesInParentheses(english).stream().filter(DerivedIndicators::isDerived).toList();
        assertThat(derived).as("derived indicators among the strongest and weakest").hasSizeGreaterThan(1);
        assertThat(codesInParentheses(chinese)).containsAll(derived);
        for (String code : derived) {
            String key = ReportCardRenderer.DERIVED_NAMES.get(code);
            assertThat(english).contains(Message.of(key).in(Locale.ENGLISH) + " (" + code + ")");
            assertThat(chinese).contains(Message.of(key).in(Languages.CHINESE) + " (" + code + ")");
        }

        for (String line : (english + chinese).split("\\R")) {
            // a code in front that no code in parentheses follows: "COD_INTENSITY 5 100.0 50.0 +50.0"
            String first = line.split(" ")[0];
            assertThat((catalogue.containsKey(first) || DerivedIndicators.isDerived(first))
                    && codesInParentheses(line).isEmpty()).as("an indicator named by its code alone: " + line).isFalse();
        }
        assertThat(englishCard).contains("Services share of GDP (%)", "GDP growth (%)");
        assertThat(chineseCard).contains("服务业增加值占比 (%)", "地区生产总值增长率 (%)");
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

    /** code → { Chinese name, English name } of every catalogue entry of the read model with both. */
    private Map<String, String[]> catalogueNames() throws SQLException {
        Map<String, String[]> names = new HashMap<>();
        try (var connection = database.getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("select code, name, name_en from indicator where name_en is not null")) {
            while (rows.next()) {
                names.put(rows.getString(1), new String[] {rows.getString(2), rows.getString(3)});
            }
        }
        return names;
    }

    private static String pdfText(Response card, String keptAs) throws IOException {
        card.then().statusCode(200);
        try (PDDocument pdf = Loader.loadPDF(card.asByteArray())) {
            keep(pdf, keptAs, card.asByteArray());
            return new PDFTextStripper().getText(pdf);
        }
    }

    private static String section(String text, String heading, String nextHeading) {
        assertThat(text).contains(heading, nextHeading);
        return text.substring(text.indexOf(heading) + heading.length(), text.indexOf(nextHeading));
    }

    private static List<String> codesInParentheses(String text) {
        Matcher codes = Pattern.compile("\\(([A-Z][A-Z0-9_]*)\\)").matcher(text);
        List<String> found = new ArrayList<>();
        while (codes.find()) {
            found.add(codes.group(1));
        }
        return found;
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

package cn.etdz.indicator.submission;

import cn.etdz.localstack.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static cn.etdz.indicator.IndicatorTestSupport.as;
import static cn.etdz.indicator.IndicatorTestSupport.registerZone;
import static cn.etdz.indicator.IndicatorTestSupport.tokens;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** CSV files as Excel saves them: UTF-8 with a byte-order mark, or GB18030/GBK on Chinese Windows. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "indicator"))
class CsvCharsetTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    /** The bytes exactly as given, with no charset added to the Content-Type by the client. */
    private static RequestSpecification csv(String contentType, byte[] body) {
        return as(tokens().submitter("320000"))
                .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType(contentType).body(body);
    }

    private static String lines(String zone, String note) {
        return """
                zone,period,indicator,value,note
                %1$s,2016,GDP,38.5,%2$s
                %1$s,2016,TAX,4.1,
                %1$s,2016,EMPLOYEES,2.2,
                """.formatted(zone, note);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }

    @Test
    void utf8WithAByteOrderMarkIsRead() {
        String zone = registerZone("BOM", "ETDZ", "320000");
        byte[] body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                lines(zone, "初步数").getBytes(StandardCharsets.UTF_8));
        csv("text/csv", body).post("/api/v1/submissions/batch").then().statusCode(200).body("accepted", equalTo(1));

        as(tokens().analyst()).queryParam("zone", zone).get("/api/v1/submissions").then()
                .body("items[0].values.indicator", contains("GDP", "TAX", "EMPLOYEES"))
                .body("items[0].values[0].note", equalTo("初步数"));
    }

    @Test
    void gb18030NotesAreStoredAsWritten() {
        String zone = registerZone("GB", "ETDZ", "320000");
        // 𠀀 lies outside GBK: GB18030 writes it in four bytes.
        String note = "说明：统计局初步数，含𠀀";
        csv("text/csv; charset=GB18030", lines(zone, note).getBytes(GB18030))
                .post("/api/v1/submissions/batch").then().statusCode(200).body("accepted", equalTo(1));

        as(tokens().analyst()).queryParam("zone", zone).get("/api/v1/submissions").then()
                .body("items[0].values[0].note", equalTo(note));
    }

    @Test
    void gbkWithTheChineseHeaderIsRead() {
        String zone = registerZone("GBK", "ETDZ", "320000");
        String body = """
                开发区代码,年度,指标代码,数值,说明
                %1$s,2016,GDP,38.5,快报数
                %1$s,2016,TAX,4.1,
                %1$s,2016,EMPLOYEES,2.2,
                """.formatted(zone);
        csv("text/csv; charset=GBK", body.getBytes(Charset.forName("GBK")))
                .post("/api/v1/submissions/batch").then().statusCode(200).body("accepted", equalTo(1));

        as(tokens().analyst()).queryParam("zone", zone).get("/api/v1/submissions").then()
                .body("items[0].values.indicator", contains("GDP", "TAX", "EMPLOYEES"))
                .body("items[0].values[0].note", equalTo("快报数"));
    }

    @Test
    void bytesInvalidInTheCharsetAreRefusedNamingTheLineAndNothingIsStored() {
        String zone = registerZone("BAD", "ETDZ", "320000");
        String text = """
                zone,period,indicator,value,note
                %1$s,2016,GDP,38.5,
                %1$s,2016,TAX,4.1,说明
                %1$s,2016,EMPLOYEES,2.2,
                """.formatted(zone);
        csv("text/csv", text.getBytes(GB18030)).post("/api/v1/submissions/batch").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("line 3"))
                .body("violations[0].code", equalTo("invalid-encoding"))
                .body("violations[0].message", containsString("charset=GB18030"));

        as(tokens().analyst()).queryParam("zone", zone).get("/api/v1/submissions").then().body("total", equalTo(0));
    }

    @Test
    void anUnknownCharsetIsRefused() {
        csv("text/csv; charset=EBCDIC-XYZ", "zone".getBytes(StandardCharsets.US_ASCII))
                .post("/api/v1/submissions/batch").then()
                .statusCode(400)
                .body("violations[0].code", equalTo("unknown-charset"));
    }
}

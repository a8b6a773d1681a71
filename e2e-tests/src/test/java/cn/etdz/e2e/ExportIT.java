package cn.etdz.e2e;

import cn.etdz.localstack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports through the gateway of the packaged stack. The gateway passes the answer on as the service writes it: a
 * national export of {@value #ZONES} zones × 29 indicators × {@value #YEARS} years (tens of megabytes) arrives whole,
 * in chunks (no Content-Length, which a proxy holding the body would know), while the services run with the local
 * run's small heaps.
 */
class ExportIT {

    private static final int ZONES = 1000;
    private static final int YEARS = 20;
    private static LocalStack stack;
    private static long values;

    @BeforeAll
    static void startStack() throws Exception {
        stack = PackagedStack.start("export");
        values = BulkValues.seed(stack, ZONES, 29, YEARS);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aNationalCsvExportStreamsThroughTheGatewayWithItsChineseFileName() throws Exception {
        HttpResponse<InputStream> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/exports/values?format=csv&province="
                        + BulkValues.PROVINCE)).header("Authorization", "Bearer " + stack.tokens().analyst()).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        String disposition = response.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("UTF-8''") + 7), StandardCharsets.UTF_8))
                .isEqualTo("开发区指标值-" + BulkValues.PROVINCE + ".csv");

        long lines = 0;
        long formulas = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            assertThat(line).isEqualTo("zone,zoneType,province,indicator,period,value,unit,provisional,revision,note");
            while ((line = reader.readLine()) != null) {
                lines++;
                if (line.endsWith(",'=SUM(A1:A9) 备注")) {
                    formulas++;
                }
            }
        }
        assertThat(values).isEqualTo((long) ZONES * 29 * YEARS);
        assertThat(lines).isEqualTo(values);
        assertThat(formulas).as("every revision's first value has the formula note, neutralised").isEqualTo((long) ZONES * YEARS);
    }
}

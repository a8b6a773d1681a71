package cn.etdz.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;

/**
 * Loads the demo data set through the gateway, as an administrator and the provinces' systems would. Zone names
 * and provinces are real; every value is synthetic.
 */
final class DemoData {

    record DemoZone(String code, String name, String nameEn, String type, String province, double gdp2015) {
    }

    static final List<DemoZone> ZONES = List.of(
            new DemoZone("SUZHOU-IP", "苏州工业园区", "Suzhou Industrial Park", "ETDZ", "320000", 2070.5),
            new DemoZone("KUNSHAN-ETDZ", "昆山经济技术开发区", "Kunshan ETDZ", "ETDZ", "320000", 1420.0),
            new DemoZone("TIANJIN-ETDZ", "天津经济技术开发区", "Tianjin ETDZ", "ETDZ", "120000", 2550.0),
            new DemoZone("GUANGZHOU-ETDZ", "广州经济技术开发区", "Guangzhou ETDZ", "ETDZ", "440000", 2310.0),
            new DemoZone("HEFEI-ETDZ", "合肥经济技术开发区", "Hefei ETDZ", "ETDZ", "340000", 760.0),
            new DemoZone("WUHAN-ETDZ", "武汉经济技术开发区", "Wuhan ETDZ", "ETDZ", "420000", 1180.0),
            new DemoZone("DALIAN-ETDZ", "大连经济技术开发区", "Dalian ETDZ", "ETDZ", "210000", 1350.0),
            new DemoZone("CHENGDU-ETDZ", "成都经济技术开发区", "Chengdu ETDZ", "ETDZ", "510000", 940.0),
            new DemoZone("XIAN-ETDZ", "西安经济技术开发区", "Xi'an ETDZ", "ETDZ", "610000", 820.0),
            new DemoZone("RUILI-BECZ", "瑞丽边境经济合作区", "Ruili BECZ", "BECZ", "530000", 38.0),
            new DemoZone("MANZHOULI-BECZ", "满洲里边境经济合作区", "Manzhouli BECZ", "BECZ", "150000", 52.0),
            new DemoZone("HUNCHUN-BECZ", "珲春边境经济合作区", "Hunchun BECZ", "BECZ", "220000", 61.0));

    private final String gatewayUrl;
    private final TokenIssuer tokens;
    private final HttpClient client = HttpClient.newHttpClient();

    DemoData(String gatewayUrl, TokenIssuer tokens) {
        this.gatewayUrl = gatewayUrl;
        this.tokens = tokens;
    }

    List<String> provinces() {
        return ZONES.stream().map(DemoZone::province).distinct().sorted().toList();
    }

    /** Registers every zone and posts its 2015 submission; returns a one-line summary. */
    String load() {
        String admin = tokens.admin();
        for (DemoZone zone : ZONES) {
            post("/api/v1/zones", admin, String.format(Locale.ROOT,
                    "{\"code\":\"%s\",\"name\":\"%s\",\"nameEn\":\"%s\",\"type\":\"%s\",\"province\":\"%s\"}",
                    zone.code(), zone.name(), zone.nameEn(), zone.type(), zone.province()));
        }
        for (DemoZone zone : ZONES) {
            double gdp = zone.gdp2015();
            post("/api/v1/submissions", tokens.submitter(zone.province()), String.format(Locale.ROOT,
                    "{\"zone\":\"%s\",\"period\":\"2015\",\"values\":["
                            + "{\"indicator\":\"GDP\",\"value\":%.1f,\"note\":\"synthetic demo value\"},"
                            + "{\"indicator\":\"IND_VA\",\"value\":%.1f,\"note\":\"synthetic demo value\"},"
                            + "{\"indicator\":\"SERV_VA\",\"value\":%.1f,\"provisional\":true,\"note\":\"synthetic demo value\"}]}",
                    zone.code(), gdp, gdp * 0.62, gdp * 0.31));
        }
        return "demo data loaded: " + ZONES.size() + " zones, " + ZONES.size() + " submissions for 2015 (synthetic values)";
    }

    private void post(String path, String token, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

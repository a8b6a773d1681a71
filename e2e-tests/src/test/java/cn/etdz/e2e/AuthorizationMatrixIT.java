package cn.etdz.e2e;

import cn.etdz.localstack.LocalStack;
import cn.etdz.localstack.TokenIssuer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every operation of the merged OpenAPI document (as the gateway serves it) × every kind of caller, against the
 * packaged stack, checked against {@link #RULES}: who may call an operation and how a submitter's or reviewer's province
 * narrows it.
 * An operation without a rule fails the test, so a new endpoint cannot ship without one. Requests change nothing unless
 * the caller is allowed to: submissions are dry runs, and only the administrator's zone registration is kept.
 */
class AuthorizationMatrixIT {

    /** The callers of the matrix. The zone under test belongs to {@link #OWN_PROVINCE}. */
    enum Caller {
        ANONYMOUS, SUBMITTER_OWN_PROVINCE, SUBMITTER_OTHER_PROVINCE, ANALYST, ADMIN, TOKEN_WITHOUT_GROUPS,
        REVIEWER_OWN_PROVINCE, REVIEWER_OTHER_PROVINCE;

        /** A submitter or reviewer: scoped to a province. */
        boolean provincial() {
            return this == SUBMITTER_OWN_PROVINCE || this == SUBMITTER_OTHER_PROVINCE || this == REVIEWER_OWN_PROVINCE
                    || this == REVIEWER_OTHER_PROVINCE;
        }

        boolean otherProvince() {
            return this == SUBMITTER_OTHER_PROVINCE || this == REVIEWER_OTHER_PROVINCE;
        }
    }

    /** Who may call an operation at all. */
    enum Access {
        /** Any valid token, even one without roles. */
        ANY_TOKEN(EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS))),
        /** Submitters, reviewers, analysts and administrators. */
        READERS(EnumSet.of(Caller.SUBMITTER_OWN_PROVINCE, Caller.SUBMITTER_OTHER_PROVINCE, Caller.ANALYST, Caller.ADMIN,
                Caller.REVIEWER_OWN_PROVINCE, Caller.REVIEWER_OTHER_PROVINCE)),
        SUBMITTERS_AND_ADMIN(EnumSet.of(Caller.SUBMITTER_OWN_PROVINCE, Caller.SUBMITTER_OTHER_PROVINCE, Caller.ADMIN)),
        /** The ministry: analysts and administrators. */
        MINISTRY(EnumSet.of(Caller.ANALYST, Caller.ADMIN)),
        ADMIN(EnumSet.of(Caller.ADMIN)),
        /** The provinces' reviewers and the ministry's administrators. */
        REVIEWERS_AND_ADMIN(EnumSet.of(Caller.REVIEWER_OWN_PROVINCE, Caller.REVIEWER_OTHER_PROVINCE, Caller.ADMIN)),
        /** Reviewers and the ministry: who checks returns. */
        REVIEWERS_AND_MINISTRY(EnumSet.of(Caller.REVIEWER_OWN_PROVINCE, Caller.REVIEWER_OTHER_PROVINCE, Caller.ANALYST,
                Caller.ADMIN));

        final Set<Caller> allowed;

        Access(Set<Caller> allowed) {
            this.allowed = allowed;
        }
    }

    /** How a submitter's or reviewer's province narrows an operation it may call. */
    enum Scope {
        /** Not at all. */
        ANY_PROVINCE,
        /** 403 for a zone (or its submission, its report card, or a province's workbook or report cards) of another province. */
        OWN_ZONE,
        /** A listing that shows the submitter's own province only. */
        OWN_LISTING,
        /** A batch whose items for another province's zones are rejected one by one. */
        OWN_ITEMS
    }

    /** What a caller must get. */
    enum Expected { UNAUTHORIZED_401, FORBIDDEN_403, ALLOWED, OWN_PROVINCE_ONLY, ITEMS_REJECTED }

    record Rule(Access access, Scope scope) {
    }

    private static final String OWN_PROVINCE = "320000";
    private static final String OTHER_PROVINCE = "440000";
    private static final String PERIOD = "2015";
    private static final String WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The expectations, by operationId. Every operation of the document needs one. */
    private static final Map<String, Rule> RULES = Map.ofEntries(
            entry("getCurrentCaller", new Rule(Access.ANY_TOKEN, Scope.ANY_PROVINCE)),
            entry("listZones", new Rule(Access.READERS, Scope.ANY_PROVINCE)),
            entry("getZone", new Rule(Access.READERS, Scope.ANY_PROVINCE)),
            entry("registerZone", new Rule(Access.ADMIN, Scope.ANY_PROVINCE)),
            entry("updateZone", new Rule(Access.ADMIN, Scope.ANY_PROVINCE)),
            entry("listZoneRevisions", new Rule(Access.READERS, Scope.OWN_ZONE)),
            entry("getZoneValues", new Rule(Access.READERS, Scope.OWN_ZONE)),
            entry("listIndicators", new Rule(Access.READERS, Scope.ANY_PROVINCE)),
            entry("getIndicator", new Rule(Access.READERS, Scope.ANY_PROVINCE)),
            entry("submitValues", new Rule(Access.SUBMITTERS_AND_ADMIN, Scope.OWN_ZONE)),
            entry("submitBatch", new Rule(Access.SUBMITTERS_AND_ADMIN, Scope.OWN_ITEMS)),
            entry("listSubmissions", new Rule(Access.READERS, Scope.OWN_LISTING)),
            entry("getSubmission", new Rule(Access.READERS, Scope.OWN_ZONE)),
            entry("getSubmissionWorkbook", new Rule(Access.READERS, Scope.OWN_ZONE)),
            entry("submitWorkbook", new Rule(Access.SUBMITTERS_AND_ADMIN, Scope.OWN_ZONE)),
            entry("getTimeliness", new Rule(Access.READERS, Scope.OWN_LISTING)),
            entry("getEvaluationInput", new Rule(Access.MINISTRY, Scope.ANY_PROVINCE)),
            entry("listMethodologies", new Rule(Access.READERS, Scope.ANY_PROVINCE)),
            entry("getMethodology", new Rule(Access.READERS, Scope.ANY_PROVINCE)),
            entry("createMethodologyVersion", new Rule(Access.ADMIN, Scope.ANY_PROVINCE)),
            entry("getRanking", new Rule(Access.READERS, Scope.ANY_PROVINCE)),
            entry("getScoredPeriods", new Rule(Access.READERS, Scope.ANY_PROVINCE)),
            entry("getZoneScoreHistory", new Rule(Access.READERS, Scope.ANY_PROVINCE)),
            entry("getZoneScore", new Rule(Access.READERS, Scope.ANY_PROVINCE)),
            entry("getZoneScoreExplanation", new Rule(Access.READERS, Scope.OWN_ZONE)),
            entry("listFlags", new Rule(Access.READERS, Scope.ANY_PROVINCE)),
            entry("getTargetAttainment", new Rule(Access.MINISTRY, Scope.ANY_PROVINCE)),
            entry("simulateEvaluation", new Rule(Access.MINISTRY, Scope.ANY_PROVINCE)),
            // the export of one zone's values: 403 for a submitter of another province
            entry("exportValues", new Rule(Access.READERS, Scope.OWN_ZONE)),
            entry("getValueDataStructure", new Rule(Access.READERS, Scope.ANY_PROVINCE)),
            entry("exportRanking", new Rule(Access.READERS, Scope.ANY_PROVINCE)),
            // analyses: the ministry only; the path's id is a submission's, so reading or cancelling answers 404
            entry("startAnalysis", new Rule(Access.MINISTRY, Scope.ANY_PROVINCE)),
            entry("getAnalysis", new Rule(Access.MINISTRY, Scope.ANY_PROVINCE)),
            entry("cancelAnalysis", new Rule(Access.MINISTRY, Scope.ANY_PROVINCE)),
            entry("listPeriods", new Rule(Access.READERS, Scope.ANY_PROVINCE)),
            entry("closePeriod", new Rule(Access.ADMIN, Scope.ANY_PROVINCE)),
            entry("reopenPeriod", new Rule(Access.ADMIN, Scope.ANY_PROVINCE)),
            // a zone's report card shows its explanation; the zip is of one province: 403 for another province's submitter
            entry("getReportCard", new Rule(Access.READERS, Scope.OWN_ZONE)),
            entry("getProvinceReportCards", new Rule(Access.READERS, Scope.OWN_ZONE)),
            entry("listReviewQueue", new Rule(Access.REVIEWERS_AND_MINISTRY, Scope.OWN_LISTING)),
            entry("getReturnReview", new Rule(Access.READERS, Scope.OWN_ZONE)),
            entry("decideReturn", new Rule(Access.REVIEWERS_AND_ADMIN, Scope.OWN_ZONE)),
            entry("listValueQueries", new Rule(Access.READERS, Scope.OWN_LISTING)),
            entry("raiseValueQuery", new Rule(Access.REVIEWERS_AND_MINISTRY, Scope.OWN_ZONE)),
            entry("getValueQuery", new Rule(Access.READERS, Scope.OWN_ZONE)),
            entry("answerValueQuery", new Rule(Access.SUBMITTERS_AND_ADMIN, Scope.OWN_ZONE)),
            // the raiser or an admin: the query under test was raised by the analyst
            entry("closeValueQuery", new Rule(Access.MINISTRY, Scope.ANY_PROVINCE)),
            // restatements of a published official ranking: official data, readable by every role
            entry("listRestatements", new Rule(Access.READERS, Scope.ANY_PROVINCE)),
            entry("addIndicator", new Rule(Access.ADMIN, Scope.ANY_PROVINCE)),
            entry("updateIndicator", new Rule(Access.ADMIN, Scope.ANY_PROVINCE)),
            // the analyses kept for a peer group and period: the ministry only, like the analyses themselves
            entry("listAnalyses", new Rule(Access.MINISTRY, Scope.ANY_PROVINCE)),
            // the ranking export's SDMX structure definition: every role, like the export
            entry("getRankingDataStructure", new Rule(Access.READERS, Scope.ANY_PROVINCE)));

    private static LocalStack stack;
    private static final Map<Caller, String> TOKENS = new EnumMap<>(Caller.class);
    /** Values of path parameters and required query parameters, by name. */
    private static final Map<String, String> VALUES = new java.util.HashMap<>();

    @BeforeAll
    static void startStack() throws Exception {
        stack = PackagedStack.start("matrix");
        TokenIssuer tokens = stack.tokens();
        TOKENS.put(Caller.SUBMITTER_OWN_PROVINCE, tokens.submitter(OWN_PROVINCE));
        TOKENS.put(Caller.SUBMITTER_OTHER_PROVINCE, tokens.submitter(OTHER_PROVINCE));
        TOKENS.put(Caller.ANALYST, tokens.analyst());
        TOKENS.put(Caller.ADMIN, tokens.admin());
        TOKENS.put(Caller.REVIEWER_OWN_PROVINCE, tokens.reviewer(OWN_PROVINCE));
        TOKENS.put(Caller.REVIEWER_OTHER_PROVINCE, tokens.reviewer(OTHER_PROVINCE));
        JwtClaims withoutGroups = tokens.claims("no-groups", "analyst", null, TokenIssuer.TEST_LIFETIME);
        withoutGroups.unsetClaim("groups");
        TOKENS.put(Caller.TOKEN_WITHOUT_GROUPS, tokens.sign(withoutGroups));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    private static RequestSpecification as(Caller caller) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        return caller == Caller.ANONYMOUS ? request : request.header("Authorization", "Bearer " + TOKENS.get(caller));
    }

    /**
     * A zone of {@link #OWN_PROVINCE} with one stored submission, scored by the evaluation service, and a query the
     * analyst raised on its GDP.
     */
    private static void prepareZone() {
        String zone = "AUTHZ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        as(Caller.ADMIN).body(zoneBody(zone)).post("/api/v1/zones").then().statusCode(201);
        int id = as(Caller.SUBMITTER_OWN_PROVINCE).body(submissionBody(zone)).post("/api/v1/submissions")
                .then().statusCode(201).extract().path("id");
        String methodology = as(Caller.ANALYST).get("/api/v1/methodologies").then().statusCode(200)
                .extract().jsonPath().getString("[0].key");
        int query = as(Caller.ANALYST).body(queryBody(zone)).post("/api/v1/reviews/queries")
                .then().statusCode(201).extract().path("id");
        VALUES.putAll(Map.of("code", zone, "zone", zone, "period", PERIOD, "id", String.valueOf(id),
                "key", methodology, "zoneType", "ETDZ", "province", OWN_PROVINCE, "queryId", String.valueOf(query)));
        // the evaluation service learns the zone and its values over Kafka; its province rules need both
        await().atMost(Duration.ofSeconds(60)).until(() ->
                as(Caller.ANALYST).get("/api/v1/scores/" + zone + "/" + PERIOD).statusCode() == 200);
    }

    private static String zoneBody(String code) {
        return """
                {"code": "%s", "name": "授权矩阵区", "type": "ETDZ", "province": "%s"}""".formatted(code, OWN_PROVINCE);
    }

    private static String submissionBody(String zone) {
        return """
                {"zone": "%s", "period": "%s", "values": [{"indicator": "GDP", "value": 2070.5},
                 {"indicator": "TAX", "value": 310.2}, {"indicator": "EMPLOYEES", "value": 80.1}]}""".formatted(zone, PERIOD);
    }

    private static String queryBody(String zone) {
        return """
                {"zone": "%s", "period": "%s", "revision": 1, "indicator": "GDP", "text": "请确认 please confirm"}"""
                .formatted(zone, PERIOD);
    }

    /** Request bodies of the operations that take one; each call gets a fresh one. */
    private static final Map<String, Supplier<Object>> BODIES = Map.ofEntries(
            entry("registerZone", () -> zoneBody("AUTHZ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase())),
            entry("updateZone", () -> zoneBody(VALUES.get("code"))),
            entry("submitValues", () -> submissionBody(VALUES.get("zone"))),
            entry("submitBatch", () -> "{\"submissions\": [" + submissionBody(VALUES.get("zone")) + "]}"),
            // the own province's template as downloaded: a submitter of another province is refused before it is read
            entry("submitWorkbook", () -> as(Caller.ADMIN).queryParam("province", OWN_PROVINCE).queryParam("period", PERIOD)
                    .get("/api/v1/submissions/workbook").then().statusCode(200).extract().asByteArray()),
            // invalid on purpose: the administrator's answer is a 4xx problem, and no version is created
            entry("createMethodologyVersion", () -> "{}"),
            entry("simulateEvaluation", () -> """
                    {"methodologyKey": "%s", "zones": [{"code": "SIM-A", "type": "ETDZ", "region": "EAST"}],
                     "values": {"SIM-A": {"GDP": 100.0}}}""".formatted(VALUES.get("key"))),
            // invalid on purpose (no input varies): a 400 problem for the ministry, and no job is queued
            entry("startAnalysis", () -> """
                    {"kind": "UNCERTAINTY", "zoneType": "ETDZ", "period": "%s", "replications": 10}""".formatted(PERIOD)),
            // without a reason on purpose: the administrator's answer is a 422, and the period's state stays as it is
            entry("closePeriod", () -> "{}"),
            entry("reopenPeriod", () -> "{}"),
            // invalid on purpose: the administrator's answer is a 422 (a 404 for the zone code in the path), and the
            // catalogue stays as it is
            entry("addIndicator", () -> "{}"),
            entry("updateIndicator", () -> "{}"));

    /** Request bodies of the review operations, kept apart since Map.of takes ten entries at most. */
    private static final Map<String, Supplier<Object>> REVIEW_BODIES = Map.of(
            // the newest revision: the first allowed caller approves it, later ones get a 409
            "decideReturn", () -> "{\"revision\": 1, \"decision\": \"APPROVED\"}",
            "raiseValueQuery", () -> queryBody(VALUES.get("zone")),
            "answerValueQuery", () -> "{\"text\": \"已核实 confirmed\"}",
            "closeValueQuery", () -> "{\"text\": \"谢谢 thanks\"}");

    /** Query parameters sent besides the required ones: dry runs wherever offered, and the zone of a listing. */
    private static final Map<String, Map<String, String>> EXTRA_QUERY = Map.of(
            "submitValues", Map.of("dryRun", "true"),
            "submitBatch", Map.of("dryRun", "true"),
            "submitWorkbook", Map.of("dryRun", "true"),
            "listSubmissions", Map.of("zone", "{zone}"),
            "exportValues", Map.of("zone", "{zone}"));

    static Expected expected(Rule rule, Caller caller) {
        if (caller == Caller.ANONYMOUS) {
            return Expected.UNAUTHORIZED_401;
        }
        if (!rule.access().allowed.contains(caller)) {
            return Expected.FORBIDDEN_403;
        }
        return switch (rule.scope()) {
            case ANY_PROVINCE -> Expected.ALLOWED;
            case OWN_ZONE -> caller.otherProvince() ? Expected.FORBIDDEN_403 : Expected.ALLOWED;
            case OWN_LISTING -> caller.provincial() ? Expected.OWN_PROVINCE_ONLY : Expected.ALLOWED;
            case OWN_ITEMS -> caller.otherProvince() ? Expected.ITEMS_REJECTED : Expected.ALLOWED;
        };
    }

    @Test
    void everyOperationAnswersEveryCallerAsItsRuleSays() {
        List<OpenApiOperations.Operation> operations = OpenApiOperations.of(mergedDocument());
        Set<String> documented = operations.stream().map(OpenApiOperations.Operation::operationId).collect(Collectors.toSet());
        assertThat(operations.stream().filter(operation -> !RULES.containsKey(operation.operationId()))
                .map(OpenApiOperations.Operation::describe).toList())
                .as("operations of the merged document without a rule in AuthorizationMatrixIT.RULES")
                .isEmpty();
        assertThat(RULES.keySet().stream().filter(id -> !documented.contains(id)).toList())
                .as("rules for operations the merged document no longer has")
                .isEmpty();

        prepareZone();
        Fingerprint before = Fingerprint.take();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (OpenApiOperations.Operation operation : operations) {
            Rule rule = RULES.get(operation.operationId());
            for (Caller caller : Caller.values()) {
                Expected expected = expected(rule, caller);
                Response response = send(operation, caller);
                String problem = verdict(operation, caller, expected, response);
                if (problem != null) {
                    wrong.add(operation.describe() + " as " + caller + ": expected " + expected + ", " + problem);
                }
                checked++;
            }
        }
        System.out.printf("[matrix] %d operations × %d callers = %d checks, %d wrong%n", operations.size(),
                Caller.values().length, checked, wrong.size());
        assertThat(wrong).as("answers that differ from the rules").isEmpty();
        assertThat(checked).isEqualTo(operations.size() * Caller.values().length);
        // only the administrator's zone registration was kept: dry runs and refused calls changed nothing
        assertThat(Fingerprint.take()).isEqualTo(before.withOneMoreZone());
    }

    /** The gateway's merged document, once both services' parts are in it. */
    private static String mergedDocument() {
        String[] document = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            document[0] = given().get("/openapi").asString();
            return document[0].contains("\"/api/v1/zones\"") && document[0].contains("\"/api/v1/scores\"");
        });
        return document[0];
    }

    private static Response send(OpenApiOperations.Operation operation, Caller caller) {
        RequestSpecification request = as(caller);
        for (OpenApiOperations.Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("query") && parameter.required()) {
                String value = VALUES.get(parameter.name());
                assertThat(value).as(operation.describe() + ": no value for required query parameter " + parameter.name()
                        + " in AuthorizationMatrixIT.VALUES").isNotNull();
                request.queryParam(parameter.name(), value);
            }
        }
        EXTRA_QUERY.getOrDefault(operation.operationId(), Map.of()).forEach((name, value) ->
                request.queryParam(name, value.equals("{zone}") ? VALUES.get("zone") : value));
        if (operation.hasBody()) {
            Supplier<Object> body = BODIES.getOrDefault(operation.operationId(), REVIEW_BODIES.get(operation.operationId()));
            assertThat(body).as(operation.describe() + " takes a body: add one to AuthorizationMatrixIT.BODIES").isNotNull();
            Object content = body.get();
            if (content instanceof byte[] workbook) {
                // sent as the bytes they are: body(Object) would try to map them to the workbook's media type
                request.contentType(WORKBOOK).body(workbook);
            } else {
                request.body(content);
            }
        }
        String path = operation.path(VALUES);
        return request.request(operation.method().toUpperCase(), path);
    }

    /** Null when the answer is what was expected, otherwise what was wrong with it. */
    private static String verdict(OpenApiOperations.Operation operation, Caller caller, Expected expected,
                                  Response response) {
        int status = response.statusCode();
        String got = "got " + status + " " + abbreviate(response.asString());
        switch (expected) {
            case UNAUTHORIZED_401, FORBIDDEN_403 -> {
                int wanted = expected == Expected.UNAUTHORIZED_401 ? 401 : 403;
                if (status != wanted) {
                    return got;
                }
                if (!String.valueOf(response.contentType()).startsWith("application/problem+json")
                        || response.jsonPath().getInt("status") != wanted) {
                    return "a " + wanted + " without a problem body: " + got;
                }
                return null;
            }
            case ALLOWED -> {
                return status == 401 || status == 403 || status >= 500 ? got : null;
            }
            case ITEMS_REJECTED -> {
                if (status != 200) {
                    return got;
                }
                JsonPath body = response.jsonPath();
                boolean rejected = body.getInt("accepted") == 0
                        && body.getList("results[0].violations.code", String.class).contains("forbidden");
                return rejected ? null : "the other province's item was not rejected as forbidden: " + got;
            }
            case OWN_PROVINCE_ONLY -> {
                return status != 200 ? got : ownProvinceOnly(operation, caller, response.jsonPath(), got);
            }
        }
        throw new IllegalStateException();
    }

    /** A listing as a submitter sees it: its own province's entries, and no other province's. */
    private static String ownProvinceOnly(OpenApiOperations.Operation operation, Caller caller, JsonPath body, String got) {
        boolean ownProvince = caller.provincial() && !caller.otherProvince();
        String own = ownProvince ? OWN_PROVINCE : OTHER_PROVINCE;
        switch (operation.operationId()) {
            case "listSubmissions" -> {
                // filtered by the zone under test, which belongs to OWN_PROVINCE
                List<String> zones = body.getList("items.zone", String.class);
                boolean right = ownProvince ? zones.contains(VALUES.get("zone")) : zones.isEmpty();
                return right ? null : "the listing is not narrowed to province " + own + ": " + got;
            }
            case "getTimeliness" -> {
                List<String> provinces = body.getList("provinces.province", String.class);
                boolean right = provinces.stream().allMatch(own::equals)
                        && (!ownProvince || provinces.contains(own));
                return right ? null : "the listing is not narrowed to province " + own + ": " + got;
            }
            case "listReviewQueue", "listValueQueries" -> {
                // the queue and the queries of the caller's province only; the query under test is the own province's
                List<String> provinces = body.getList("items.province", String.class);
                boolean right = provinces.stream().allMatch(own::equals)
                        && (!"listValueQueries".equals(operation.operationId()) || !ownProvince || !provinces.isEmpty());
                return right ? null : "the listing is not narrowed to province " + own + ": " + got;
            }
            default -> {
                return "no check of the own-province listing of " + operation.operationId() + " in AuthorizationMatrixIT";
            }
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /** What the matrix must not change: zones, the zone's revisions, its submissions, methodology versions. */
    private record Fingerprint(int zones, int revisions, int submissions, int methodologies, String periods) {

        static Fingerprint take() {
            String zone = VALUES.get("zone");
            return new Fingerprint(
                    as(Caller.ANALYST).queryParam("size", 1).get("/api/v1/zones").then().statusCode(200)
                            .extract().jsonPath().getInt("total"),
                    as(Caller.ANALYST).get("/api/v1/zones/" + zone + "/revisions").then().statusCode(200)
                            .extract().jsonPath().getList("$").size(),
                    as(Caller.ANALYST).queryParam("zone", zone).get("/api/v1/submissions").then().statusCode(200)
                            .extract().jsonPath().getInt("total"),
                    as(Caller.ANALYST).get("/api/v1/methodologies").then().statusCode(200)
                            .extract().jsonPath().getList("$").size(),
                    as(Caller.ANALYST).get("/api/v1/periods").then().statusCode(200).extract().asString());
        }

        Fingerprint withOneMoreZone() {
            return new Fingerprint(zones + 1, revisions, submissions, methodologies, periods);
        }
    }
}

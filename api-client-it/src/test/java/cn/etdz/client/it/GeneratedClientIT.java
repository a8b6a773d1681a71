package cn.etdz.client.it;

import cn.etdz.client.model.ExplanationView;
import cn.etdz.client.model.ScoreView;
import cn.etdz.client.model.RankingView;
import cn.etdz.client.api.ScoresApi;
import cn.etdz.client.ApiClient;
import cn.etdz.client.ApiException;
import cn.etdz.client.api.IdentityApi;
import cn.etdz.client.api.InputsApi;
import cn.etdz.client.api.SubmissionsApi;
import cn.etdz.client.api.ZonesApi;
import cn.etdz.client.model.Caller;
import cn.etdz.client.model.InputView;
import cn.etdz.client.model.Problem;
import cn.etdz.client.model.RevisionView;
import cn.etdz.client.model.SubmissionRequest;
import cn.etdz.client.model.SubmissionView;
import cn.etdz.client.model.SubmittedValue;
import cn.etdz.client.model.ZoneRequest;
import cn.etdz.client.model.ZoneView;
import cn.etdz.localstack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Clients generated at build time from the gateway's merged OpenAPI document, used as a province's integrator or a
 * ministry app would: against the packaged stack with the demo data (started as {@code deploy/local/run.sh} starts
 * it), through the gateway only. The Java client is driven here; the TypeScript client runs its own scenario under
 * Node's test runner ({@link TypeScriptScenario}).
 */
class GeneratedClientIT {

    private static LocalStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
        stack = LocalStack.start(new LocalStack.Options(root, Files.createTempDirectory("client-it-"), 0, 0, 0),
                message -> System.out.println("[client-it] " + message));
        stack.loadDemoData();
        ScoresApi scores = new ScoresApi(as(stack.tokens().analyst()));
        await().atMost(Duration.ofSeconds(60)).ignoreException(ApiException.class).until(() -> {
            RankingView ranking = scores.getRanking("2015", "ETDZ", null, null, 0, null, null, null, 500, null);
            return ranking.getItems().stream().filter(s -> Boolean.TRUE.equals(s.getRanked())).count() >= 132;
        });
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    /** A client of the gateway carrying a bearer token, as an integrator configures it. */
    private static ApiClient as(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(stack.gatewayUrl());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static String registerZone(String province) throws ApiException {
        String code = "CLIENT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ZoneView zone = new ZonesApi(as(stack.tokens().admin())).registerZone(new ZoneRequest()
                .code(code).name("客户端测试区").type("ETDZ").province(province));
        assertThat(zone.getCode()).isEqualTo(code);
        return code;
    }

    private static SubmissionRequest submission(String zone, double gdp) {
        return new SubmissionRequest().zone(zone).period("2015").values(List.of(
                new SubmittedValue().indicator("GDP").value(gdp),
                new SubmittedValue().indicator("TAX").value(310.2),
                new SubmittedValue().indicator("EMPLOYEES").value(80.1)));
    }

    @Test
    void aProvinceSubmitsReadsItsRevisionsAndTheEvaluationServiceReceivesThem() throws Exception {
        String zone = registerZone("320000");
        SubmissionsApi submissions = new SubmissionsApi(as(stack.tokens().submitter("320000")));

        SubmissionView first = submissions.submitValues(submission(zone, 2070.5), false, null);
        SubmissionView second = submissions.submitValues(submission(zone, 2100.0), false, UUID.randomUUID().toString());
        assertThat(first.getRevision()).isEqualTo(1);
        assertThat(second.getRevision()).isEqualTo(2);
        assertThat(second.getZone()).isEqualTo(zone);
        assertThat(second.getSubmittedBy()).isEqualTo("demo-submitter-320000");

        List<RevisionView> revisions = new ZonesApi(as(stack.tokens().analyst())).listZoneRevisions(zone, "2015");
        assertThat(revisions).extracting(RevisionView::getRevision).containsExactly(1, 2);
        assertThat(revisions).extracting(RevisionView::getSubmissionId).containsExactly(first.getId(), second.getId());

        InputsApi inputs = new InputsApi(as(stack.tokens().analyst()));
        await().atMost(Duration.ofSeconds(30)).ignoreException(ApiException.class)
                .until(() -> inputs.getEvaluationInput(zone, "2015").getRevision() == 2);
        InputView input = inputs.getEvaluationInput(zone, "2015");
        assertThat(input.getSubmissionId()).isEqualTo(second.getId());
    }

    @Test
    void aMinistryAppReadsTheRankingAndAnExplanationThroughTheClient() throws Exception {
        ScoresApi scores = new ScoresApi(as(stack.tokens().analyst()));
        RankingView ranking = scores.getRanking("2015", "ETDZ", null, null, 0, null, null, "EAST", 10, null);
        assertThat(ranking.getItems()).isNotEmpty().allSatisfy(s -> assertThat(s.getRegion()).isEqualTo("EAST"));
        ScoreView first = scores.getRanking("2015", "ETDZ", null, null, 0, null, null, null, 1, null).getItems().get(0);
        assertThat(first.getNationalRank()).isEqualTo(1);
        assertThat(first.getComposite()).isBetween(0.0, 100.0);
        ScoreView lowest = scores.getRanking("2015", "ETDZ", null, null, 0, null, null, null, 1, "composite").getItems().get(0);
        assertThat(lowest.getComposite()).isLessThan(first.getComposite());
        assertThat(scores.getRanking("2015", "ETDZ", null, null, 0, null, "Suzhou Industrial", null, 10, null).getItems())
                .extracting(ScoreView::getZone).containsExactly("SUZHOU-IP");
        assertThat(scores.getScoredPeriods("ETDZ", null, null).getPeriods()).contains("2014", "2015");

        ExplanationView explanation = new ScoresApi(as(stack.tokens().submitter("320000")))
                .getZoneScoreExplanation("SUZHOU-IP", "2015", null, null);
        assertThat(explanation.getScore().getZone()).isEqualTo("SUZHOU-IP");
        assertThat(explanation.getPillars()).hasSize(5);
        assertThat(explanation.getIndicators()).isNotEmpty();
        ApiException foreign = catchThrowableOfType(ApiException.class, () -> new ScoresApi(as(stack.tokens().submitter("440000")))
                .getZoneScoreExplanation("SUZHOU-IP", "2015", null, null));
        assertThat(foreign.getCode()).isEqualTo(403);
    }

    @Test
    void aRejectedSubmissionsViolationsAreReadThroughTheClientsOwnProblemType() throws Exception {
        String zone = registerZone("320000");
        ApiClient client = as(stack.tokens().submitter("320000"));
        SubmissionRequest invalid = new SubmissionRequest().zone(zone).period("2015").values(List.of(
                new SubmittedValue().indicator("GDP").value(-5.0),
                new SubmittedValue().indicator("NO-SUCH-INDICATOR").value(1.0)));

        ApiException rejected = catchThrowableOfType(ApiException.class, () -> new SubmissionsApi(client)
                .submitValues(invalid, false, null, Map.of("X-Request-Id", "client-it-422")));

        assertThat(rejected.getCode()).isEqualTo(422);
        assertThat(rejected.getResponseHeaders().firstValue("Content-Type")).hasValue("application/problem+json");
        Problem problem = client.getObjectMapper().readValue(rejected.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getRequestId()).isEqualTo("client-it-422");
        assertThat(problem.getViolations()).isNotEmpty()
                .allSatisfy(violation -> assertThat(violation.getField()).startsWith("values"));
        assertThat(problem.getViolations()).extracting(v -> v.getField()).contains("values[1].indicator");
    }

    @Test
    void theClientLearnsWhoItsTokenSaysItIsAndAMissingTokenIsAProblem() throws Exception {
        Caller caller = new IdentityApi(as(stack.tokens().submitter("440000"))).getCurrentCaller();
        assertThat(caller.getSubject()).isEqualTo("demo-submitter-440000");
        assertThat(caller.getRoles()).containsExactly("submitter");
        assertThat(caller.getProvince()).isEqualTo("440000");

        ApiClient anonymous = new ApiClient();
        anonymous.updateBaseUri(stack.gatewayUrl());
        ApiException unauthorised = catchThrowableOfType(ApiException.class, () -> new IdentityApi(anonymous).getCurrentCaller());
        assertThat(unauthorised.getCode()).isEqualTo(401);
        Problem problem = anonymous.getObjectMapper().readValue(unauthorised.getResponseBody(), Problem.class);
        assertThat(problem.getTitle()).isEqualTo("Unauthorized");
        assertThat(problem.getRequestId()).isNotBlank();
    }

    @Test
    void theTypeScriptClientRunsTheSameScenarioUnderNode() throws Exception {
        TypeScriptScenario scenario = TypeScriptScenario.fromBuild();
        org.junit.jupiter.api.Assumptions.assumeTrue(scenario.nodeAvailable(), TypeScriptScenario.NOT_RUN);
        TypeScriptScenario.Outcome outcome = scenario.run(Map.of(
                "GATEWAY_URL", stack.gatewayUrl(),
                "ANALYST_TOKEN", stack.tokens().analyst(),
                "SUBMITTER_320000_TOKEN", stack.tokens().submitter("320000")));
        System.out.println(outcome.output());
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).contains("# pass 5", "# fail 0");
    }
}

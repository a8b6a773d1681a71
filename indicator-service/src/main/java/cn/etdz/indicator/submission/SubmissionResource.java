package cn.etdz.indicator.submission;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.api.Page;
import cn.etdz.common.api.QueryParameters;
import cn.etdz.common.text.Text;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;
import cn.etdz.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

@Path("/api/v1/submissions")
@Tag(name = "Submissions", description = "Provincial submissions of indicator values; every revision is kept")
public class SubmissionResource {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotency-Replayed";

    @Inject
    SubmissionIntake intake;
    @Inject
    SubmissionReads reads;
    @Inject
    SubmissionMetrics metrics;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUBMITTER, Roles.ADMIN})
    @Operation(operationId = "submitValues", summary = "Submit one zone × one period of indicator values",
            description = "Stores the values as the next revision of the zone-period and publishes them to the "
                    + "evaluation service. mode REPLACE (the default) takes the values as the whole revision: an "
                    + "indicator not sent is missing from it. mode AMEND changes only the values sent (and leaves out "
                    + "those named in remove) and carries every other value of the newest revision forward; the rules "
                    + "are checked on the whole revision that results. With dryRun=true it only validates. A retry "
                    + "with the same Idempotency-Key and body returns the original result and creates no second "
                    + "revision. A closed period takes no new revision (409).")
    @APIResponse(responseCode = "201", description = "Stored as the next revision of the zone-period.",
            headers = @Header(name = "Location", description = "URL of the stored submission",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "200", description = "dryRun=true: the values are valid; nothing was stored.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "400", description = "The body or the Idempotency-Key cannot be read.")
    @APIResponse(responseCode = "403", description = "The zone is not in the submitter's province.")
    @APIResponse(responseCode = "409", description = "The period is closed, or the Idempotency-Key was used before "
            + "with another body.")
    @APIResponse(responseCode = "422", description = "A value breaks a rule; `violations` names each one.")
    public Response submit(SubmissionRequest request,
                           @Parameter(description = "Validate only; store and publish nothing",
                                   schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                           @QueryParam("dryRun") String dryRunParameter,
                           @Parameter(description = "Client-chosen key (up to 200 characters) that makes retries safe")
                           @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                           @Context UriInfo uri) {
        boolean dryRun = dryRun(dryRunParameter);
        if (request == null) {
            throw ProblemException.badRequest(Message.of("indicator.submission.document-required"), List.of());
        }
        checkIdempotencyKey(idempotencyKey);
        SubmissionIntake.Submitted result;
        try {
            result = intake.submit(request, dryRun, idempotencyKey);
        } catch (SubmissionIntake.ConcurrentIdempotentRequest lostRace) {
            result = new SubmissionIntake.Submitted(intake.replayAfterRace(request, idempotencyKey), true);
        } catch (ProblemException problem) {
            if (problem.problem().status() == 422 && !dryRun) {
                metrics.rejected("single", 1);
            }
            throw problem;
        }
        if (dryRun) {
            return Response.ok(result.submission()).build();
        }
        if (!result.replayed()) {
            metrics.accepted("single", 1);
        }
        Response.ResponseBuilder response = Response.created(uri.getBaseUriBuilder().path("api/v1/submissions")
                .path(String.valueOf(result.submission().id())).build()).entity(result.submission());
        return result.replayed() ? response.header(REPLAYED, "true").build() : response.build();
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUBMITTER, Roles.ADMIN})
    @Operation(operationId = "submitBatch", summary = "Submit many zone-periods at once (JSON)",
            description = "Each submission is validated on its own and answered with its own result; the valid ones "
                    + "are stored together, all or none. A bad submission does not sink the others. A resend with the "
                    + "same Idempotency-Key and submissions returns the original result and stores nothing again, so a "
                    + "caller who lost the answer (a timeout, a crash) can resend and learn which ones were stored. "
                    + "Each submission has its own mode (REPLACE when absent, or AMEND); an amendment of a "
                    + "zone-period submitted earlier in the same batch is rejected. A batch with a submission for a "
                    + "closed period is refused whole (409).")
    @APIResponse(responseCode = "200", description = "One result per submission; header Idempotency-Replayed: true "
            + "when this is the result of an earlier batch with the same key.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchResult.class)))
    @APIResponse(responseCode = "400", description = "The body or the Idempotency-Key cannot be read.")
    @APIResponse(responseCode = "409", description = "A submission's period is closed, or the Idempotency-Key was used "
            + "before with other submissions.")
    public Response batch(BatchRequest batch,
                          @Parameter(description = "Validate only; store and publish nothing",
                                  schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                          @QueryParam("dryRun") String dryRunParameter,
                          @Parameter(description = "Client-chosen key (up to 200 characters) that makes resending safe")
                          @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        boolean dryRun = dryRun(dryRunParameter);
        if (batch == null || batch.submissions() == null) {
            throw ProblemException.badRequest(Message.of("indicator.batch.body"), List.of(
                    new Violation("submissions", "required", Message.of("indicator.batch.required"))));
        }
        List<Violation> missing = IntStream.range(0, batch.submissions().size())
                .filter(i -> batch.submissions().get(i) == null)
                .mapToObj(i -> new Violation("submissions[" + i + "]", "required", Message.of("indicator.batch.item-required")))
                .toList();
        if (!missing.isEmpty()) {
            throw ProblemException.badRequest(Message.of("indicator.batch.items"), missing);
        }
        return batchAnswer(batch.submissions(), dryRun, Map.of(), idempotencyKey);
    }

    @POST
    @Path("/batch")
    @Consumes("text/csv")
    @RolesAllowed({Roles.SUBMITTER, Roles.ADMIN})
    @Operation(operationId = "submitBatchCsv", summary = "Submit many zone-periods at once (CSV)",
            description = "Header zone,period,indicator,value,note (or 开发区代码,年度,指标代码,数值,说明); one value per "
                    + "line; the lines of one zone and period form one submission. UTF-8 with or without a byte-order "
                    + "mark, or the charset of the Content-Type (text/csv; charset=GB18030 as Excel saves it on Chinese "
                    + "Windows, or GBK); bytes not valid in that charset are a 400 naming the line. Stored all or none, "
                    + "and safe to resend with an Idempotency-Key, as the JSON batch. With mode=AMEND every submission "
                    + "of the file amends the newest revision of its zone-period (the lines give the values that "
                    + "change; removing a value needs the JSON form). A file with a line of a closed period is refused "
                    + "whole (409).")
    @APIResponse(responseCode = "200", description = "One result per submission; header Idempotency-Replayed: true "
            + "when this is the result of an earlier batch with the same key.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchResult.class)))
    @APIResponse(responseCode = "400", description = "The CSV (its header, its bytes in the charset sent, a control "
            + "character) or the Idempotency-Key cannot be read.")
    @APIResponse(responseCode = "409", description = "A line's period is closed, or the Idempotency-Key was used before "
            + "with other submissions.")
    public Response batchCsv(@RequestBody(content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
                             byte[] csv,
                             @Parameter(description = "Validate only; store and publish nothing",
                                     schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                             @QueryParam("dryRun") String dryRunParameter,
                             @Parameter(description = "REPLACE (the default): each zone-period's lines are its whole "
                                     + "new revision; AMEND: they change its newest revision and the other values are "
                                     + "carried forward", example = "AMEND",
                                     schema = @Schema(implementation = SubmissionMode.class, defaultValue = "REPLACE"))
                             @QueryParam("mode") String modeParameter,
                             @Parameter(description = "Client-chosen key (up to 200 characters) that makes resending safe")
                             @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                             @Context HttpHeaders headers) {
        boolean dryRun = dryRun(dryRunParameter);
        QueryParameters parameters = new QueryParameters();
        SubmissionMode mode = parameters.oneOf("mode", modeParameter, SubmissionMode.class, false);
        parameters.check();
        MediaType type = headers.getMediaType();
        String text = CsvText.decode(csv == null ? new byte[0] : csv, type == null ? null : type.getParameters().get("charset"));
        CsvSubmissions.Parsed parsed = CsvSubmissions.parse(text);
        List<SubmissionRequest> submissions = mode != SubmissionMode.AMEND ? parsed.submissions()
                : parsed.submissions().stream().map(SubmissionRequest::asAmendment).toList();
        return batchAnswer(submissions, dryRun, parsed.lineViolations(), idempotencyKey);
    }

    private Response batchAnswer(List<SubmissionRequest> requests, boolean dryRun,
                                 Map<Integer, List<Violation>> readProblems, String idempotencyKey) {
        checkIdempotencyKey(idempotencyKey);
        SubmissionIntake.BatchSubmitted submitted;
        try {
            submitted = intake.submitBatch(requests, dryRun, readProblems, idempotencyKey);
        } catch (SubmissionIntake.ConcurrentIdempotentRequest lostRace) {
            submitted = new SubmissionIntake.BatchSubmitted(
                    intake.replayBatchAfterRace(requests, idempotencyKey), true);
        }
        if (submitted.replayed()) {
            return Response.ok(submitted.result()).header(REPLAYED, "true").build();
        }
        if (!dryRun) {
            metrics.accepted("batch", submitted.result().accepted());
            metrics.rejected("batch", submitted.result().rejected());
        }
        return Response.ok(submitted.result()).build();
    }

    private static boolean dryRun(String parameter) {
        QueryParameters parameters = new QueryParameters();
        boolean dryRun = parameters.flag("dryRun", parameter);
        parameters.check();
        return dryRun;
    }

    /** The rule for an Idempotency-Key header, shared by every operation that takes one. */
    public static void checkIdempotencyKey(String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200
                || Text.hasControlCharacter(idempotencyKey, false))) {
            throw ProblemException.badRequest(Message.of("indicator.idempotency-key.detail"), List.of(
                    new Violation(IDEMPOTENCY_KEY, "malformed", Message.of("indicator.idempotency-key.malformed"))));
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getSubmission", summary = "Get one submission",
            description = "One stored submission by its id: the zone-period and revision it is, whether it was late, who "
                    + "sent it and when, its values and its plausibility warnings. Submitters see their own province "
                    + "only.")
    public SubmissionView get(@PathParam("id") long id) {
        return reads.get(id);
    }

    @GET
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "listSubmissions", summary = "List submissions",
            description = "Accepted submissions, newest first, with their values and plausibility warnings, filtered by "
                    + "zone, period, province or status and paged. Submitters see their own province only.")
    public Page<SubmissionView> list(@QueryParam("zone") String zone, @QueryParam("period") String period,
                                     @QueryParam("province") String province, @QueryParam("status") String status,
                                     @Parameter(description = "Page number, from 0",
                                             schema = @Schema(type = SchemaType.INTEGER, format = "int32", defaultValue = "0"))
                                     @QueryParam("page") String page,
                                     @Parameter(description = "Rows per page, 1 to 500",
                                             schema = @Schema(type = SchemaType.INTEGER, format = "int32", defaultValue = "50"))
                                     @QueryParam("size") String size) {
        QueryParameters parameters = new QueryParameters();
        int pageNumber = parameters.page(page);
        int pageSize = parameters.size(size);
        SubmissionStatus wanted = parameters.oneOf("status", status, SubmissionStatus.class, false);
        parameters.check();
        return reads.list(zone, period, province, wanted, pageNumber, pageSize);
    }
}

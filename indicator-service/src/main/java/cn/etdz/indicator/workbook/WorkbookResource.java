package cn.etdz.indicator.workbook;

import cn.etdz.common.api.QueryParameters;
import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;
import cn.etdz.common.security.Roles;
import cn.etdz.indicator.security.Caller;
import cn.etdz.indicator.submission.SubmissionIntake;
import cn.etdz.indicator.submission.SubmissionMetrics;
import cn.etdz.indicator.submission.SubmissionResource;
import cn.etdz.indicator.zone.Region;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/submissions/workbook")
@Tag(name = "Submissions", description = "Provincial submissions of indicator values; every revision is kept")
public class WorkbookResource {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    WorkbookTemplate template;
    @Inject
    WorkbookUpload upload;
    @Inject
    SubmissionMetrics metrics;
    @Inject
    Caller caller;

    @GET
    @Produces(XLSX)
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getSubmissionWorkbook", summary = "Download the workbook to fill in for a province and period",
            description = "An Excel workbook (.xlsx): a sheet per zone type (ETDZ, BECZ) with a row per zone of the "
                    + "province (code and name locked) and a column per indicator the type reports, headed by its "
                    + "Chinese and English name and unit, required columns marked, each cell validated against the "
                    + "catalogue's range; and a sheet per type with the newest values of the year before, for reference. "
                    + "Titles and messages in Chinese, or in English when Accept-Language prefers it. Submitters get "
                    + "their own province only.")
    @APIResponse(responseCode = "200", description = "The workbook, as an attachment.",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=submissions-<province>-<period>.xlsx",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "The province or period is missing or malformed.")
    @APIResponse(responseCode = "403", description = "A submitter asked for another province.")
    public Response download(@Parameter(description = "Province (省份) as a GB/T 2260 code; 320000 is Jiangsu (江苏).",
                                     required = true)
                             @QueryParam("province") String province,
                             @Parameter(description = "The period to fill in: a year (期, 年度).", required = true)
                             @QueryParam("period") String period,
                             @Context HttpHeaders headers) {
        QueryParameters parameters = new QueryParameters();
        parameters.period("period", period, true);
        parameters.check();
        if (province == null || Region.ofProvince(province).isEmpty()) {
            throw ProblemException.badRequest(Message.of("indicator.zone.province"), List.of(
                    new Violation("province", province == null ? "required" : "unknown-province",
                            Message.of("indicator.workbook.province-example"))));
        }
        caller.requireProvince(province);
        byte[] workbook = template.write(province, period, WorkbookLabels.forLanguages(headers.getAcceptableLanguages()));
        return Response.ok(workbook, XLSX)
                .header("Content-Disposition", "attachment; filename=\"submissions-" + province + "-" + period + ".xlsx\"")
                .build();
    }

    @POST
    @Consumes(XLSX)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUBMITTER, Roles.ADMIN})
    @Operation(operationId = "submitWorkbook", summary = "Upload a filled workbook",
            description = "Each zone row with values of the sheets ETDZ and BECZ is one submission, validated and stored "
                    + "as a batch: all or none, dryRun to validate only, safe to resend with an Idempotency-Key. Every "
                    + "violation and warning names its cell (ETDZ!F7) as well as zone and indicator. An empty cell is a "
                    + "missing value, not 0; a row without values is left out. A number stored as text is read (with a "
                    + "warning); thousands separators, full-width digits, other text, error cells and formulas without "
                    + "a stored result are refused naming the cell. Hidden and protected sheets are read as any other. "
                    + "Submitters upload workbooks of their own province only. A workbook is a whole return: each row "
                    + "replaces its zone-period's values (to change single values, amend with the JSON or CSV form). "
                    + "A workbook with a row of a closed period is refused whole (409).")
    @APIResponse(responseCode = "200", description = "One result per zone row; header Idempotency-Replayed: true when "
            + "this is the result of an earlier upload with the same key.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkbookResult.class)))
    @APIResponse(responseCode = "400", description = "The body is not a readable .xlsx made from the template, or the "
            + "Idempotency-Key cannot be read.")
    @APIResponse(responseCode = "403", description = "The workbook is for another province than the submitter's.")
    @APIResponse(responseCode = "409", description = "The period is closed, or the Idempotency-Key was used before with "
            + "other submissions.")
    @APIResponse(responseCode = "413", description = "The workbook has more zone rows than a batch may carry, or expands "
            + "beyond the size limit (a zip bomb).")
    public Response submit(@RequestBody(description = "The filled workbook (.xlsx) as downloaded from this operation's GET.",
                                   required = true, content = @Content(mediaType = XLSX,
                                   schema = @Schema(type = SchemaType.STRING, format = "binary")))
                           byte[] body,
                           @Parameter(description = "Validate only; store and publish nothing",
                                   schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                           @QueryParam("dryRun") String dryRunParameter,
                           @Parameter(description = "Client-chosen key (up to 200 characters) that makes resending safe")
                           @HeaderParam(SubmissionResource.IDEMPOTENCY_KEY) String idempotencyKey) {
        QueryParameters parameters = new QueryParameters();
        boolean dryRun = parameters.flag("dryRun", dryRunParameter);
        parameters.check();
        SubmissionResource.checkIdempotencyKey(idempotencyKey);
        WorkbookUpload.Prepared prepared = upload.prepare(body);
        SubmissionIntake.BatchSubmitted submitted;
        try {
            submitted = upload.submit(prepared, dryRun, idempotencyKey);
        } catch (SubmissionIntake.ConcurrentIdempotentRequest lostRace) {
            submitted = new SubmissionIntake.BatchSubmitted(upload.replayAfterRace(prepared, idempotencyKey), true);
        }
        WorkbookResult result = WorkbookUpload.located(prepared, submitted.result());
        if (submitted.replayed()) {
            return Response.ok(result).header(SubmissionResource.REPLAYED, "true").build();
        }
        if (!dryRun) {
            metrics.accepted("workbook", result.accepted());
            metrics.rejected("workbook", result.rejected());
        }
        return Response.ok(result).build();
    }
}

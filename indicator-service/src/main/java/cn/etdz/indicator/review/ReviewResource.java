package cn.etdz.indicator.review;

import cn.etdz.common.api.Page;
import cn.etdz.common.api.QueryParameters;
import cn.etdz.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reviews")
@Tag(name = "Reviews", description = "The provinces' review of their zones' returns: approval, return with comments, "
        + "queries on values")
public class ReviewResource {

    @Inject
    ReviewService reviews;

    @GET
    @Path("/queue")
    @RolesAllowed({Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "listReviewQueue", summary = "List the returns waiting for review",
            description = "The newest revisions of zone-periods that are still SUBMITTED (neither approved nor "
                    + "returned), newest period first, each with its values, its plausibility warnings and the open "
                    + "queries on the zone-period. Reviewers see their own province only (another is a 403).")
    public Page<QueueItem> queue(@Parameter(description = "Only this province (GB/T 2260 code); a reviewer's own by "
                                         + "default", example = "320000") @QueryParam("province") String province,
                                 @Parameter(description = "Only this year", example = "2015")
                                 @QueryParam("period") String period,
                                 @Parameter(description = "Page number, from 0", example = "0",
                                         schema = @Schema(type = SchemaType.INTEGER, format = "int32", defaultValue = "0"))
                                 @QueryParam("page") String page,
                                 @Parameter(description = "Rows per page, 1 to 500", example = "50",
                                         schema = @Schema(type = SchemaType.INTEGER, format = "int32", defaultValue = "50"))
                                 @QueryParam("size") String size) {
        QueryParameters parameters = new QueryParameters();
        String year = parameters.period("period", period, false);
        int pageNumber = parameters.page(page);
        int pageSize = parameters.size(size);
        parameters.check();
        return reviews.queue(province, year, pageNumber, pageSize);
    }

    @GET
    @Path("/returns/{zone}/{period}")
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getReturnReview", summary = "Get the review of a zone-period",
            description = "Where the zone-period's newest revision stands (SUBMITTED, APPROVED or RETURNED) and every "
                    + "decision taken on any of its revisions, oldest first: who decided, in which role, when, and the "
                    + "comments on the return and on single values. A 404 for an unknown zone or a zone-period without "
                    + "a revision; submitters and reviewers see their own province only (another is a 403).")
    public ReviewView review(@PathParam("zone") String zone, @PathParam("period") String period) {
        checkPeriod(period);
        return reviews.review(zone, period);
    }

    @POST
    @Path("/returns/{zone}/{period}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(operationId = "decideReturn", summary = "Approve or return a zone-period's newest revision",
            description = "The province's reviewer (or an admin) approves the named revision or returns it for "
                    + "correction with a comment on the whole return and/or per value (indicator code → comment). "
                    + "Only the newest revision can be decided on; a SUBMITTED revision may be approved or returned, an "
                    + "APPROVED one returned (the approval withdrawn with a reason); a returned one is corrected by a "
                    + "new revision, which needs approval again. The decision is kept for the audit trail and "
                    + "published on reviews.v1.")
    @APIResponse(responseCode = "200", description = "Decided; the zone-period's review as it now stands.")
    @APIResponse(responseCode = "400", description = "The body cannot be read.")
    @APIResponse(responseCode = "403", description = "A reviewer of another province, or a role that does not review.")
    @APIResponse(responseCode = "404", description = "Unknown zone, or no such revision.")
    @APIResponse(responseCode = "409", description = "The revision is not the newest, or its state does not allow "
            + "the decision (already approved, already returned).")
    @APIResponse(responseCode = "422", description = "No revision or decision named, a return without a comment, a "
            + "comment on a value the revision does not hold; `violations` names each.")
    public ReviewView decide(@PathParam("zone") String zone, @PathParam("period") String period,
                             DecisionRequest decision) {
        checkPeriod(period);
        return reviews.decide(zone, period, decision);
    }

    private static void checkPeriod(String period) {
        QueryParameters parameters = new QueryParameters();
        parameters.period("period", period, true);
        parameters.check();
    }
}

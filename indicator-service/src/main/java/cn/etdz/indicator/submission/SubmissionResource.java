package cn.etdz.indicator.submission;

import cn.etdz.common.api.Page;
import cn.etdz.common.api.Paging;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/submissions")
@Tag(name = "Submissions", description = "Provincial submissions of indicator values; every revision is kept")
public class SubmissionResource {

    @Inject
    SubmissionService submissions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUBMITTER, Roles.ADMIN})
    @Operation(operationId = "submitValues", summary = "Submit one zone × one period of indicator values",
            description = "Stores the values as the next revision of the zone-period and publishes them to the "
                    + "evaluation service. With dryRun=true it only validates.")
    public Response submit(SubmissionRequest request,
                           @Parameter(description = "Validate only; store and publish nothing")
                           @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                           @Context UriInfo uri) {
        if (request == null) {
            throw ProblemException.badRequest("A submission document is required.", List.of());
        }
        SubmissionView submission = submissions.submit(request, dryRun);
        if (dryRun) {
            return Response.ok(submission).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("api/v1/submissions").path(String.valueOf(submission.id())).build())
                .entity(submission).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SUBMITTER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getSubmission", summary = "Get one submission with its values")
    public SubmissionView get(@PathParam("id") long id) {
        return submissions.get(id);
    }

    @GET
    @RolesAllowed({Roles.SUBMITTER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "listSubmissions", summary = "List submissions, newest first")
    public Page<SubmissionView> list(@QueryParam("zone") String zone, @QueryParam("period") String period,
                                     @QueryParam("province") String province, @QueryParam("status") String status,
                                     @QueryParam("page") @DefaultValue("0") int page,
                                     @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size);
        return submissions.list(zone, period, province, status, page, size);
    }
}

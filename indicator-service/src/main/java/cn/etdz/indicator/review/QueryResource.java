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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reviews/queries")
@Tag(name = "Reviews")
public class QueryResource {

    @Inject
    QueryService queries;

    @GET
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "listValueQueries", summary = "List queries on values",
            description = "Queries raised on values of revisions, newest first, filtered by province, zone, period and "
                    + "status (OPEN for the open ones), with what was said on each. Submitters and reviewers see their "
                    + "own province only (another is a 403).")
    public Page<QueryView> list(@Parameter(description = "Only this province (GB/T 2260 code); a submitter's or "
                                        + "reviewer's own by default", example = "320000")
                                @QueryParam("province") String province,
                                @Parameter(description = "Only this zone (its code)", example = "SUZHOU-IP")
                                @QueryParam("zone") String zone,
                                @Parameter(description = "Only this year", example = "2016")
                                @QueryParam("period") String period,
                                @Parameter(description = "Only queries of this status: OPEN or CLOSED", example = "OPEN")
                                @QueryParam("status") String status,
                                @Parameter(description = "Page number, from 0", example = "0",
                                        schema = @Schema(type = SchemaType.INTEGER, format = "int32", defaultValue = "0"))
                                @QueryParam("page") String page,
                                @Parameter(description = "Rows per page, 1 to 500", example = "50",
                                        schema = @Schema(type = SchemaType.INTEGER, format = "int32", defaultValue = "50"))
                                @QueryParam("size") String size) {
        QueryParameters parameters = new QueryParameters();
        String year = parameters.period("period", period, false);
        QueryStatus wanted = parameters.oneOf("status", status, QueryStatus.class, false);
        int pageNumber = parameters.page(page);
        int pageSize = parameters.size(size);
        parameters.check();
        return queries.list(province, zone, year, wanted, pageNumber, pageSize);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "raiseValueQuery", summary = "Raise a query on a value",
            description = "A reviewer of the zone's province, an analyst or an admin asks about one value of a "
                    + "revision (\"GDP +247 % on 2014 — please confirm\"). Naming one of the revision's plausibility "
                    + "warnings (its position in the revision's warnings, from 0) turns that warning into a query in one "
                    + "step: the value and, unless a text is given, the question are the warning's.")
    @APIResponse(responseCode = "201", description = "Raised; the query is OPEN.",
            headers = @Header(name = "Location", description = "URL of the query", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QueryView.class)))
    @APIResponse(responseCode = "400", description = "The body cannot be read.")
    @APIResponse(responseCode = "403", description = "A reviewer of another province, or a submitter.")
    @APIResponse(responseCode = "404", description = "Unknown zone, or no such revision.")
    @APIResponse(responseCode = "422", description = "A required field is missing, or the indicator or warning names "
            + "no value of the revision; `violations` names each.")
    public Response raise(RaiseQueryRequest request, @Context UriInfo uri) {
        QueryView raised = queries.raise(request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/reviews/queries").path(String.valueOf(raised.id()))
                .build()).entity(raised).build();
    }

    @GET
    @Path("/{queryId}")
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getValueQuery", summary = "Get a query on a value",
            description = "One query with every message on it: raised, answered, closed, each with who and when; a "
                    + "404 when there is no such query. Submitters and reviewers see their own province only.")
    public QueryView get(@Parameter(description = "The query's id, as answered when it was raised", example = "17")
                         @PathParam("queryId") long id) {
        return queries.get(id);
    }

    @POST
    @Path("/{queryId}/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUBMITTER, Roles.ADMIN})
    @Operation(operationId = "answerValueQuery", summary = "Answer a query on a value",
            description = "A submitter of the zone's province (or an admin) answers an open query: confirms the value "
                    + "and says why, or says which new revision corrects it. A query may be answered more than once; "
                    + "it stays open until its raiser closes it.")
    @APIResponse(responseCode = "200", description = "Answered; the query with its messages.")
    @APIResponse(responseCode = "400", description = "The body cannot be read.")
    @APIResponse(responseCode = "403", description = "A submitter of another province, or a role that does not answer.")
    @APIResponse(responseCode = "404", description = "No such query.")
    @APIResponse(responseCode = "409", description = "The query is closed.")
    @APIResponse(responseCode = "422", description = "The answer is empty or too long.")
    public QueryView answer(@Parameter(description = "The query's id, as answered when it was raised", example = "17")
                            @PathParam("queryId") long id, QueryTextRequest answer) {
        return queries.answer(id, answer);
    }

    @POST
    @Path("/{queryId}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "closeValueQuery", summary = "Close a query on a value",
            description = "The query's raiser (or an admin) closes it, with an optional closing note.")
    @APIResponse(responseCode = "200", description = "Closed; the query with its messages.")
    @APIResponse(responseCode = "400", description = "The body cannot be read.")
    @APIResponse(responseCode = "403", description = "Not the raiser of the query, nor an admin.")
    @APIResponse(responseCode = "404", description = "No such query.")
    @APIResponse(responseCode = "409", description = "The query is closed already.")
    @APIResponse(responseCode = "422", description = "The closing note is too long.")
    public QueryView close(@Parameter(description = "The query's id, as answered when it was raised", example = "17")
                           @PathParam("queryId") long id, QueryTextRequest note) {
        return queries.close(id, note);
    }
}

package cn.etdz.evaluation.analysis;

import cn.etdz.common.api.QueryParameters;
import cn.etdz.common.i18n.Languages;
import cn.etdz.common.problem.Problem;
import cn.etdz.common.security.Roles;
import cn.etdz.evaluation.scoring.ZoneType;
import cn.etdz.evaluation.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Uncertainty and sensitivity analyses of a ranking, as jobs. */
@Path("/api/v1/analyses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analyses", description = "How far a rank can be trusted: uncertainty and sensitivity analysis as jobs")
public class AnalysisResource {

    @Inject
    AnalysisService service;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "startAnalysis", summary = "Start an uncertainty or sensitivity analysis",
            description = "Queues an analysis of the newest snapshot of a stored peer group (zoneType and period) or of "
                    + "a what-if data set (simulation, as simulate takes it). The inputs say what varies: pillar and "
                    + "indicator weights by a factor U(1 − ε, 1 + ε), the normalisation of indicators normalised within "
                    + "the peer group, the aggregation of pillars and of the composite, one indicator left out. "
                    + "UNCERTAINTY runs N replications and gives per zone the nominal, median, 5th and 95th percentile "
                    + "of its national and region rank and the probability of each flag; SENSITIVITY runs a Saltelli "
                    + "design of N rows (N × (inputs + 2) evaluations) and gives first-order and total Sobol indices "
                    + "with 95 % bootstrap intervals. The same seed gives the same result. Answers 202 with the job; "
                    + "follow Location for its progress and result. Analysts and administrators.")
    @APIResponse(responseCode = "202", description = "Queued; the job is at Location",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AnalysisView.class)))
    @APIResponse(responseCode = "400", description = "Not a valid analysis: kind, source, N, inputs",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The peer group has no scores for the period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The peer group is being rescored; try again in a moment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Every problem of the what-if data set",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "As many analyses as allowed are queued or running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(AnalysisRequest request,
                          @HeaderParam(Languages.ACCEPT_LANGUAGE) @Parameter(hidden = true) String language) {
        AnalysisView job = service.submit(request, caller.subject(), Languages.of(language));
        return Response.accepted(job).location(UriBuilder.fromPath("/api/v1/analyses/{id}").build(job.id())).build();
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "listAnalyses", summary = "List the analyses of a peer group and period",
            description = "The analyses kept for a stored peer group and period, newest first (at most 50), without "
                    + "their results: state, progress, the snapshot analysed, N, seed and inputs. Read a result with "
                    + "getAnalysis; the newest DONE one of the snapshot a ranking shows says how robust its ranks are. "
                    + "Analysts and administrators.")
    @APIResponse(responseCode = "200", description = "The analyses, newest first",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AnalysisListing.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AnalysisListing list(
            @Parameter(description = "ETDZ or BECZ: the peer group analysed", example = "ETDZ", required = true)
            @QueryParam("zoneType") String zoneType,
            @Parameter(description = "The year analysed", example = "2015", required = true)
            @QueryParam("period") String period,
            @Parameter(description = "UNCERTAINTY or SENSITIVITY; both when absent", example = "UNCERTAINTY")
            @QueryParam("kind") String kind) {
        QueryParameters parameters = new QueryParameters();
        parameters.oneOf("zoneType", zoneType, ZoneType.class, true);
        parameters.period("period", period, true);
        String checkedKind = parameters.oneOf("kind", kind, List.of("UNCERTAINTY", "SENSITIVITY"));
        parameters.check();
        return service.list(zoneType, period, checkedKind);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getAnalysis", summary = "Get an analysis: state, progress, result",
            description = "The job's state (QUEUED, RUNNING, DONE, FAILED, CANCELLED), its progress in percent, the "
                    + "snapshot it analyses and, once DONE, its result: uncertainty or sensitivity. Results are kept "
                    + "with the snapshot's id. Analysts and administrators.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AnalysisView.class)))
    @APIResponse(responseCode = "404", description = "No such analysis",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AnalysisView get(@Parameter(description = "The analysis's id, as answered when it was started", example = "7")
                            @PathParam("id") long id,
                            @HeaderParam(Languages.ACCEPT_LANGUAGE) @Parameter(hidden = true) String language) {
        return service.get(id, Languages.of(language));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "cancelAnalysis", summary = "Cancel an analysis",
            description = "Cancels a queued or running analysis: it stops within one evaluation and keeps no result. "
                    + "Answers the job, now CANCELLED. Analysts and administrators.")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AnalysisView.class)))
    @APIResponse(responseCode = "404", description = "No such analysis",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The analysis has already ended",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AnalysisView cancel(@Parameter(description = "The analysis's id, as answered when it was started",
            example = "7") @PathParam("id") long id,
                               @HeaderParam(Languages.ACCEPT_LANGUAGE) @Parameter(hidden = true) String language) {
        return service.cancel(id, Languages.of(language));
    }
}

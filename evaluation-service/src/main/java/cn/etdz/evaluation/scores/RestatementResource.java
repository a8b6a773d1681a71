package cn.etdz.evaluation.scores;

import cn.etdz.common.api.QueryParameters;
import cn.etdz.common.problem.Problem;
import cn.etdz.common.security.Roles;
import cn.etdz.evaluation.scoring.ZoneType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/restatements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scores", description = "Rankings, a zone's scores and their explanation, read from score snapshots")
public class RestatementResource {

    @Inject
    ScoreService service;

    @GET
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "listRestatements", summary = "List the restatements of a published official ranking",
            description = "An official ranking is published when its period is closed. A correction approved after "
                    + "that (the period reopened, a new revision approved) makes a new official snapshot that restates "
                    + "the published one (更正); both stay readable with asOf= their computedAt. This lists every "
                    + "restatement of the peer group's period, oldest first, each with the published snapshot it "
                    + "restates and the zones whose composite, national or regional rank, flags or scored revision "
                    + "differ (before as published, after as restated). Empty when the ranking was never restated. "
                    + "Official data: readable by every role.")
    @APIResponse(responseCode = "200", description = "The restatements, oldest first",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RestatementsView.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestatementsView restatements(
            @Parameter(description = "The year", example = "2015", required = true) @QueryParam("period") String period,
            @Parameter(description = "ETDZ or BECZ (the peer group)", example = "ETDZ", required = true)
            @QueryParam("zoneType") String zoneType) {
        QueryParameters parameters = new QueryParameters();
        parameters.period("period", period, true);
        parameters.oneOf("zoneType", zoneType, ZoneType.class, true);
        parameters.check();
        return service.restatements(zoneType, period);
    }
}

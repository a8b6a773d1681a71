package cn.etdz.evaluation.simulation;

import cn.etdz.common.problem.Problem;
import cn.etdz.common.security.Roles;
import cn.etdz.evaluation.scoring.ScoringEngine;
import cn.etdz.evaluation.scoring.ScoringResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What-if: the engine run on a posted data set; nothing is read from or written to the read model or snapshots. */
@Path("/api/v1/evaluations")
@Tag(name = "Evaluations", description = "What-if evaluations: any methodology on any data set, nothing stored")
public class SimulationResource {

    @Inject
    SimulationService simulations;

    @POST
    @Path("/simulate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "simulateEvaluation", summary = "Score a data set with a methodology (what-if)",
            description = "Scores the zones of the request with a methodology — a stored version named by methodologyKey, "
                    + "or one given in full — and returns the engine's whole result: composite and five pillar scores "
                    + "(经济发展, 科技创新, 生态环境, 社会发展, 体制建设), national and regional ranks, coverage and every indicator's "
                    + "contribution. Nothing is read from or written to the stored data, so analysts can try weights "
                    + "and normalisations before an administrator adopts them.")
    @APIResponse(responseCode = "422", description = "Every problem of the methodology and the data set",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The full result; nothing is stored",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScoringResult.class)))
    public ScoringResult simulate(SimulationRequest request) {
        SimulationService.Prepared prepared = simulations.prepare(request);
        return ScoringEngine.score(prepared.methodology(), prepared.data());
    }
}

package cn.etdz.evaluation.scores;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import cn.etdz.common.api.QueryParameters;
import cn.etdz.evaluation.scoring.ZoneType;
import cn.etdz.common.problem.Problem;
import cn.etdz.common.security.Roles;
import cn.etdz.evaluation.security.Caller;
import cn.etdz.evaluation.snapshot.Basis;
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

import java.util.List;

@Path("/api/v1/flags")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Flags", description = "Dynamic management: warnings, exit candidates, zones eligible for expansion, unranked zones")
public class FlagResource {

    @Inject
    ScoreService service;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "listFlags", summary = "List the zones flagged in a period",
            description = "Every zone with a dynamic-management flag (动态管理) in a period, as stored with the snapshot "
                    + "valid at asOf when it was written, by the flag rules of its methodology (flagRules): WARNING "
                    + "(预警; plan rules: bottom 5 of its region group), EXIT_CANDIDATE (退出候选; plan rules: bottom 5 in "
                    + "two of the last three periods), EXPANSION_ELIGIBLE (可扩区, top 10 % of its zone type in this and "
                    + "the previous period), UNRANKED (未排名, too little data for a composite) and NOT_REPORTED (未报送, "
                    + "nothing sent for the period; listed after the ranked zones, without scores, revision 0). Both "
                    + "zone types unless zoneType is given.")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The flagged zones",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = ScoreView.class)))
    public List<ScoreView> flags(
            @Parameter(description = "The year", example = "2015", required = true) @QueryParam("period") String period,
            @Parameter(description = "ETDZ or BECZ; both when absent") @QueryParam("zoneType") String zoneType,
            @Parameter(description = "Evaluate on the snapshots valid at this time; default now") @QueryParam("asOf") String asOf,
            @Parameter(description = ScoreResource.BASIS, example = "official",
                    schema = @Schema(enumeration = {"official", "preliminary"})) @QueryParam("basis") String basis) {
        QueryParameters parameters = new QueryParameters();
        parameters.period("period", period, true);
        parameters.oneOf("zoneType", zoneType, ZoneType.class, false);
        var at = parameters.asOf(asOf);
        String requestedBasis = parameters.oneOf("basis", basis, Basis.CODES);
        parameters.check();
        Basis chosen = Bases.of(caller, requestedBasis);
        // a provincial caller's preliminary flags are their own province's zones only
        var own = Bases.preliminaryProvince(caller, chosen);
        return service.flagged(period, zoneType, at, chosen).stream()
                .filter(score -> own.map(score.province()::equals).orElse(true)).toList();
    }
}

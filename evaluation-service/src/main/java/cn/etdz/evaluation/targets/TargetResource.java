package cn.etdz.evaluation.targets;

import cn.etdz.common.api.QueryParameters;
import cn.etdz.evaluation.scores.Bases;
import cn.etdz.evaluation.security.Caller;
import cn.etdz.evaluation.snapshot.Basis;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@Path("/api/v1/targets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Targets", description = "The plan's 2015 targets against current values and the annual path from 2010")
public class TargetResource {

    @Inject
    TargetService targets;
    @Inject
    Caller caller;


    @GET
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getTargetAttainment", summary = "Get the plan's target attainment",
            description = "Per zone and in aggregate for a zone type: the plan's 2015 targets (规划目标) — GDP, FDI and tax "
                    + "totals; services share, high-tech share, GDP per worker and per km², energy intensity; growth "
                    + "rates — against the period's values and against the annual path from the 2010 baseline, each "
                    + "line on track or behind. aggregateOnly=true leaves out the zones' lines; zone= answers that zone's "
                    + "lines only and leaves out the aggregate. Analysts and administrators.")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such zone",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "Attainment per zone and in aggregate",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TargetsView.class)))
    public TargetsView targets(
            @Parameter(description = "The year", example = "2013", required = true) @QueryParam("period") String period,
            @Parameter(description = "ETDZ or BECZ", example = "ETDZ", required = true) @QueryParam("zoneType") String zoneType,
            @Parameter(description = "true: only the aggregate, zones left empty (what an overview shows)", example = "true",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("aggregateOnly") String aggregateOnly,
            @Parameter(description = "Only this zone's lines (a zone of zoneType); the aggregate is left empty",
                    example = "WUHAN-ETDZ") @QueryParam("zone") String zone,
            @Parameter(description = "official (approved revisions only; zones without one left out) or preliminary "
                    + "(the newest revisions, the default)", example = "official",
                    schema = @Schema(enumeration = {"official", "preliminary"})) @QueryParam("basis") String basis) {
        QueryParameters parameters = new QueryParameters();
        parameters.period("period", period, true);
        ZoneType type = parameters.oneOf("zoneType", zoneType, ZoneType.class, true);
        boolean onlyAggregate = parameters.flag("aggregateOnly", aggregateOnly);
        String requestedBasis = parameters.oneOf("basis", basis, Basis.CODES);
        parameters.check();
        return targets.targets(type, period, onlyAggregate, zone == null || zone.isBlank() ? null : zone,
                Bases.of(caller, requestedBasis));
    }
}

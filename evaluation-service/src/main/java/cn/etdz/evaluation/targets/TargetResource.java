package cn.etdz.evaluation.targets;

import cn.etdz.common.api.QueryParameters;
import cn.etdz.common.problem.Problem;
import cn.etdz.common.security.Roles;
import cn.etdz.evaluation.readmodel.ReadModelRepository;
import cn.etdz.evaluation.scoring.ZoneType;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Target attainment, computed from the current inputs (the newest revision of each zone-period) rather than from a
 * snapshot: it involves no peer-relative normalisation, so it is always up to date.
 */
@Path("/api/v1/targets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Targets", description = "The plan's 2015 targets against current values and the annual path from 2010")
public class TargetResource {

    @Inject
    ReadModelRepository readModel;

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "getTargetAttainment", summary = "Get the plan's target attainment",
            description = "Per zone and in aggregate for a zone type: the plan's 2015 targets (规划目标) — GDP, FDI and tax "
                    + "totals; services share, high-tech share, GDP per worker and per km², energy intensity; growth "
                    + "rates — against the period's values and against the annual path from the 2010 baseline, each "
                    + "line on track or behind. Analysts and administrators.")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "Attainment per zone and in aggregate",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TargetsView.class)))
    public TargetsView targets(
            @Parameter(description = "The year", example = "2013", required = true) @QueryParam("period") String period,
            @Parameter(description = "ETDZ or BECZ", example = "ETDZ", required = true) @QueryParam("zoneType") String zoneType) {
        QueryParameters parameters = new QueryParameters();
        parameters.period("period", period, true);
        parameters.oneOf("zoneType", zoneType, ZoneType.class, true);
        parameters.check();
        int year = Integer.parseInt(period);
        ZoneType type = ZoneType.valueOf(zoneType);

        var em = Panache.getEntityManager();
        @SuppressWarnings("unchecked")
        List<Object[]> zones = em.createNativeQuery("""
                        select z.code, z.name, z.province, z.region, z.developed_area_km2, i.revision
                        from zone z join zone_period_input i on i.zone_code = z.code and i.period = ?2
                        where z.type = ?1 and z.status <> 'EXITED' order by z.code""")
                .setParameter(1, zoneType).setParameter(2, period).getResultList();
        List<String> codes = zones.stream().map(zone -> (String) zone[0]).toList();
        Map<String, Map<String, Double>> current = readModel.periodValues(period, codes);
        Map<String, Map<String, Double>> previous = readModel.periodValues(Integer.toString(year - 1), codes);
        Map<String, Map<String, Double>> base = readModel.periodValues("2010", codes);

        List<TargetsView.ZoneTargets> lines = new ArrayList<>();
        for (Object[] zone : zones) {
            String code = (String) zone[0];
            Map<String, Double> values = current.computeIfAbsent(code, c -> new HashMap<>());
            if (zone[4] != null) {
                // per-land values fall back on the registry's developed area, as in scoring
                values.putIfAbsent("AREA_BUILT", ((Number) zone[4]).doubleValue());
                base.computeIfAbsent(code, c -> new HashMap<>()).putIfAbsent("AREA_BUILT", ((Number) zone[4]).doubleValue());
            }
            lines.add(new TargetsView.ZoneTargets(code, (String) zone[1], (String) zone[2], (String) zone[3],
                    ((Number) zone[5]).intValue(), TargetCalculator.zone(type, year, values,
                    previous.getOrDefault(code, Map.of()), base.getOrDefault(code, Map.of()))));
        }
        return new TargetsView(zoneType, period, TargetCalculator.aggregate(type, year, current, previous), lines);
    }
}

package cn.etdz.evaluation.simulation;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.Problem;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;
import cn.etdz.common.security.Roles;
import cn.etdz.evaluation.methodology.MethodologyMapper;
import cn.etdz.evaluation.methodology.MethodologyRequest;
import cn.etdz.evaluation.methodology.MethodologyService;
import cn.etdz.evaluation.methodology.StoredMethodology;
import cn.etdz.evaluation.scoring.Methodology;
import cn.etdz.evaluation.scoring.PeerGroupData;
import cn.etdz.evaluation.scoring.Region;
import cn.etdz.evaluation.scoring.ScoringEngine;
import cn.etdz.evaluation.scoring.ScoringResult;
import cn.etdz.evaluation.scoring.Zone;
import cn.etdz.evaluation.scoring.ZoneType;
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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What-if: the engine run on a posted data set; nothing is read from or written to the read model or snapshots. */
@Path("/api/v1/evaluations")
@Tag(name = "Evaluations", description = "What-if evaluations: any methodology on any data set, nothing stored")
public class SimulationResource {

    private static final String SIMULATION_ID = "simulation";

    @Inject
    MethodologyService methodologies;

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
        List<Violation> violations = new ArrayList<>();
        if (request == null) {
            throw ProblemException.invalid(Message.of("evaluation.simulation.required"),
                    List.of(new Violation("", "required", Message.of("evaluation.simulation.body-required"))));
        }
        Methodology methodology = methodology(request, violations);
        ZoneType type = methodology == null ? null : methodology.zoneType();
        List<Zone> zones = new ArrayList<>();
        List<SimulationRequest.ZoneInput> inputs = request.zones() == null ? List.of() : request.zones();
        if (inputs.isEmpty()) {
            violations.add(new Violation("zones", "required", Message.of("evaluation.simulation.zones-required")));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            SimulationRequest.ZoneInput zone = inputs.get(i);
            String field = "zones[" + i + "]";
            if (zone == null || zone.code() == null || zone.code().isBlank()) {
                violations.add(new Violation(field + ".code", "required", Message.of("evaluation.simulation.zone-code-required")));
                continue;
            }
            if (!codes.add(zone.code())) {
                violations.add(new Violation(field + ".code", "duplicate",
                        Message.of("evaluation.simulation.zone-duplicate", zone.code())));
            }
            ZoneType zoneType = enumValue(ZoneType.class, zone.type(), field + ".type", violations);
            if (zoneType != null && type != null && zoneType != type) {
                violations.add(new Violation(field + ".type", "not-in-peer-group",
                        Message.of("evaluation.simulation.not-in-peer-group", type, zone.code(), zoneType)));
            }
            Region region = enumValue(Region.class, zone.region(), field + ".region", violations);
            zones.add(new Zone(zone.code(), zoneType, region));
        }
        checkValues("values", request.values(), violations);
        checkValues("previousValues", request.previousValues(), violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(Message.of("evaluation.simulation.invalid", violations.size()), violations);
        }
        return ScoringEngine.score(methodology, new PeerGroupData(zones, request.values(), request.previousValues()));
    }

    private Methodology methodology(SimulationRequest request, List<Violation> violations) {
        if ((request.methodology() == null) == (request.methodologyKey() == null)) {
            violations.add(new Violation("methodology", "required",
                    Message.of("evaluation.simulation.methodology-or-key")));
            return null;
        }
        if (request.methodologyKey() != null) {
            StoredMethodology stored = methodologies.find(request.methodologyKey()).orElse(null);
            if (stored == null) {
                violations.add(new Violation("methodologyKey", "unknown-methodology",
                        Message.of("evaluation.methodology.unknown", request.methodologyKey())));
                return null;
            }
            return stored.methodology();
        }
        MethodologyRequest given = request.methodology();
        MethodologyRequest named = given.id() == null ? new MethodologyRequest(SIMULATION_ID, given.zoneType(),
                given.compositeAggregation(), given.regionGrouping(), given.pillars(), given.zeroRule(),
                given.imputation()) : given;
        MethodologyMapper.Mapped mapped = MethodologyMapper.map(named, "simulation");
        mapped.violations().forEach(v -> violations.add(v.under("methodology.")));
        return mapped.methodology();
    }

    private static void checkValues(String field, Map<String, Map<String, Double>> values, List<Violation> violations) {
        if (values == null) {
            return;
        }
        values.forEach((zone, byIndicator) -> {
            if (byIndicator != null) {
                byIndicator.forEach((indicator, value) -> {
                    if (value == null || !Double.isFinite(value)) {
                        violations.add(new Violation(field + "." + zone + "." + indicator, "not-finite",
                                Message.of("evaluation.simulation.not-finite")));
                    }
                });
            }
        });
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String field, List<Violation> violations) {
        if (text == null) {
            violations.add(new Violation(field, "required", Message.of("evaluation.simulation.field-required")));
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, "unknown-value", Message.of("evaluation.simulation.unknown-value", text)));
            return null;
        }
    }
}

package cn.etdz.evaluation.simulation;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;
import cn.etdz.evaluation.readmodel.IndicatorDirectory;
import cn.etdz.evaluation.methodology.MethodologyMapper;
import cn.etdz.evaluation.methodology.MethodologyRequest;
import cn.etdz.evaluation.methodology.MethodologyService;
import cn.etdz.evaluation.methodology.StoredMethodology;
import cn.etdz.evaluation.scoring.IndicatorCatalogue;
import cn.etdz.evaluation.scoring.Methodology;
import cn.etdz.evaluation.scoring.PeerGroupData;
import cn.etdz.evaluation.scoring.Region;
import cn.etdz.evaluation.scoring.Zone;
import cn.etdz.evaluation.scoring.ZoneType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a what-if data set and its methodology, for a simulation or an analysis of the data set. */
@ApplicationScoped
public class SimulationService {

    private static final String SIMULATION_ID = "simulation";
    /** A custom indicator's code: like a catalogue code. */
    private static final Pattern CUSTOM_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    @Inject
    MethodologyService methodologies;
    @Inject
    IndicatorDirectory indicators;

    /** A checked data set with the methodology to score it. */
    public record Prepared(Methodology methodology, PeerGroupData data) {
    }

    /**
     * The methodology and peer group of a request.
     *
     * @throws ProblemException 422 with every problem of the methodology and the data set
     */
    public Prepared prepare(SimulationRequest request) {
        List<Violation> violations = new ArrayList<>();
        if (request == null) {
            throw ProblemException.invalid(Message.of("evaluation.simulation.required"),
                    List.of(new Violation("", "required", Message.of("evaluation.simulation.body-required"))));
        }
        IndicatorCatalogue catalogue = indicators.catalogue();
        Set<String> custom = customIndicators(request.customIndicators(), catalogue, violations);
        Methodology methodology = methodology(request, catalogue, custom, violations);
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
        return new Prepared(methodology, new PeerGroupData(zones, request.values(), request.previousValues(), custom));
    }

    /** The codes of the request's custom indicators: well-formed, each once, none a catalogue code. */
    private static Set<String> customIndicators(List<SimulationRequest.CustomIndicator> indicators,
                                                IndicatorCatalogue catalogue, List<Violation> violations) {
        Set<String> codes = new HashSet<>();
        List<SimulationRequest.CustomIndicator> given = indicators == null ? List.of() : indicators;
        for (int i = 0; i < given.size(); i++) {
            SimulationRequest.CustomIndicator indicator = given.get(i);
            String field = "customIndicators[" + i + "]";
            if (indicator == null || indicator.code() == null || !CUSTOM_CODE.matcher(indicator.code()).matches()) {
                violations.add(new Violation(field + ".code", "invalid-format",
                        Message.of("evaluation.simulation.custom-code")));
            } else if (catalogue.isKnown(indicator.code())) {
                violations.add(new Violation(field + ".code", "in-catalogue",
                        Message.of("evaluation.simulation.custom-in-catalogue", indicator.code())));
            } else if (!codes.add(indicator.code())) {
                violations.add(new Violation(field + ".code", "duplicate",
                        Message.of("evaluation.simulation.custom-duplicate", indicator.code())));
            }
            if (indicator != null && (indicator.name() == null || indicator.name().isBlank())) {
                violations.add(new Violation(field + ".name", "required",
                        Message.of("evaluation.simulation.field-required")));
            }
        }
        return codes;
    }

    private Methodology methodology(SimulationRequest request, IndicatorCatalogue catalogue, Set<String> custom,
                                    List<Violation> violations) {
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
                given.imputation(), given.nodes(), given.flagRules()) : given;
        MethodologyMapper.Mapped mapped = MethodologyMapper.map(named, "simulation", catalogue, custom);
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

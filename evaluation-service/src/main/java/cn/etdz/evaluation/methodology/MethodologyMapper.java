package cn.etdz.evaluation.methodology;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.Violation;
import cn.etdz.evaluation.scoring.Aggregation;
import cn.etdz.evaluation.scoring.Direction;
import cn.etdz.evaluation.scoring.FlagPreset;
import cn.etdz.evaluation.scoring.FlagRules;
import cn.etdz.evaluation.scoring.Imputation;
import cn.etdz.evaluation.scoring.IndicatorCatalogue;
import cn.etdz.evaluation.scoring.IndicatorSpec;
import cn.etdz.evaluation.scoring.Methodology;
import cn.etdz.evaluation.scoring.MethodologyValidator;
import cn.etdz.evaluation.scoring.MethodologyNode;
import cn.etdz.evaluation.scoring.Normalisation;
import cn.etdz.evaluation.scoring.PeerScope;
import cn.etdz.evaluation.scoring.Pillar;
import cn.etdz.evaluation.scoring.PillarCode;
import cn.etdz.evaluation.scoring.RegionGrouping;
import cn.etdz.evaluation.scoring.Transform;
import cn.etdz.evaluation.scoring.ZeroRule;
import cn.etdz.evaluation.scoring.ZeroRuleType;
import cn.etdz.evaluation.scoring.ZoneType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a {@link MethodologyRequest} into the engine's {@link Methodology}, collecting every problem: names that are
 * not one of an enumeration's values here, everything else from {@link MethodologyValidator}.
 */
public final class MethodologyMapper {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-zA-Z0-9-]{1,59}");

    /** The methodology, or the violations that keep it from being used (then the methodology is {@code null}). */
    public record Mapped(Methodology methodology, List<Violation> violations) {
    }

    private MethodologyMapper() {
    }

    /** The methodology checked whole, its indicator codes against the catalogue. */
    public static Mapped map(MethodologyRequest request, String version, IndicatorCatalogue catalogue) {
        return map(request, version, catalogue, Set.of());
    }

    /**
     * As {@link #map(MethodologyRequest, String, IndicatorCatalogue)}, with indicators outside the catalogue that a
     * data set brings.
     */
    public static Mapped map(MethodologyRequest request, String version, IndicatorCatalogue catalogue,
                             Set<String> customIndicators) {
        List<Violation> violations = new ArrayList<>();
        if (request == null) {
            return new Mapped(null, List.of(new Violation("", "required", Message.of("evaluation.methodology.required"))));
        }
        if (request.id() != null && !ID.matcher(request.id()).matches()) {
            violations.add(new Violation("id", "invalid-format",
                    Message.of("evaluation.methodology.id-format")));
        }
        ZoneType zoneType = parse(ZoneType.class, request.zoneType(), "zoneType", violations, true);
        Aggregation composite = parse(Aggregation.class, request.compositeAggregation(), "compositeAggregation",
                violations, false);
        RegionGrouping grouping = request.regionGrouping() == null ? RegionGrouping.PLAN_GROUPS
                : parse(RegionGrouping.class, request.regionGrouping(), "regionGrouping", violations, true);
        List<Pillar> pillars = new ArrayList<>();
        List<MethodologyRequest.PillarRequest> pillarRequests = request.pillars() == null ? List.of() : request.pillars();
        for (int p = 0; p < pillarRequests.size(); p++) {
            MethodologyRequest.PillarRequest pillar = pillarRequests.get(p);
            String field = "pillars[" + p + "]";
            if (pillar == null) {
                pillars.add(null);
                continue;
            }
            List<IndicatorSpec> indicators = indicators(pillar.indicators(), field, violations);
            pillars.add(new Pillar(parse(PillarCode.class, pillar.code(), field + ".code", violations, true),
                    weight(pillar.weight()),
                    parse(Aggregation.class, pillar.aggregation(), field + ".aggregation", violations, false),
                    indicators));
        }
        ZeroRule zeroRule = request.zeroRule() == null ? null
                : new ZeroRule(parse(ZeroRuleType.class, request.zeroRule().type(), "zeroRule.type", violations, true),
                        request.zeroRule().value());
        Imputation imputation = parse(Imputation.class, request.imputation(), "imputation", violations, false);
        List<MethodologyRequest.NodeRequest> nodeRequests = request.nodes() == null ? List.of() : request.nodes();
        if (!nodeRequests.isEmpty() && !pillarRequests.isEmpty()) {
            violations.add(new Violation("nodes", "pillars-and-nodes",
                    Message.of("evaluation.methodology.pillars-or-nodes")));
        }
        FlagRules flagRules = flagRules(request.flagRules(), violations);
        // a tree is checked as a tree; giving pillars too is the violation above
        Methodology methodology = new Methodology(request.id(), version, zoneType, composite, grouping,
                nodeRequests.isEmpty() ? pillars : List.of(), zeroRule, imputation,
                nodes(nodeRequests, "nodes", violations), flagRules);
        // the validator reports what is missing; an unparseable value is already reported above (as a null the
        // validator would call missing)
        java.util.Set<String> unparseable = new java.util.HashSet<>();
        violations.forEach(v -> unparseable.add(v.field()));
        for (var problem : MethodologyValidator.validate(methodology, catalogue, customIndicators)) {
            if (!unparseable.contains(problem.field())) {
                violations.add(new Violation(problem.field(), problem.code(), new Message(problem.key(), problem.args())));
            }
        }
        return new Mapped(violations.isEmpty() ? methodology : null, violations);
    }

    private static List<MethodologyNode> nodes(List<MethodologyRequest.NodeRequest> requests, String field,
                                    List<Violation> violations) {
        List<MethodologyNode> nodes = new ArrayList<>();
        for (int n = 0; n < requests.size(); n++) {
            MethodologyRequest.NodeRequest node = requests.get(n);
            String at = field + "[" + n + "]";
            if (node == null) {
                nodes.add(null);
                continue;
            }
            nodes.add(new MethodologyNode(node.code(), node.name(), node.nameEn(), weight(node.weight()),
                    parse(Aggregation.class, node.aggregation(), at + ".aggregation", violations, false),
                    nodes(node.nodes() == null ? List.of() : node.nodes(), at + ".nodes", violations),
                    indicators(node.indicators(), at, violations)));
        }
        return nodes;
    }

    private static List<IndicatorSpec> indicators(List<MethodologyRequest.IndicatorRequest> requests, String field,
                                                  List<Violation> violations) {
        List<IndicatorSpec> indicators = new ArrayList<>();
        List<MethodologyRequest.IndicatorRequest> indicatorRequests = requests == null ? List.of() : requests;
        for (int i = 0; i < indicatorRequests.size(); i++) {
            MethodologyRequest.IndicatorRequest indicator = indicatorRequests.get(i);
            String at = field + ".indicators[" + i + "]";
            if (indicator == null) {
                indicators.add(null);
                continue;
            }
            indicators.add(new IndicatorSpec(indicator.code(), weight(indicator.weight()),
                    parse(Direction.class, indicator.direction(), at + ".direction", violations, true),
                    indicator.transform() == null ? Transform.NONE
                            : parse(Transform.class, indicator.transform(), at + ".transform", violations, true),
                    parse(Normalisation.class, indicator.normalisation(), at + ".normalisation", violations, true),
                    indicator.parameters()));
        }
        return indicators;
    }

    /**
     * The flag rules asked for: the preset's (PLAN_2012 without one) with each field given replacing its own, named
     * as a preset only when they are one unchanged.
     */
    private static FlagRules flagRules(MethodologyRequest.FlagRulesRequest request, List<Violation> violations) {
        if (request == null) {
            return null;
        }
        FlagPreset preset = request.preset() == null ? FlagPreset.PLAN_2012
                : parse(FlagPreset.class, request.preset(), "flagRules.preset", violations, true);
        FlagRules base = FlagRules.of(preset == null ? FlagPreset.PLAN_2012 : preset);
        PeerScope scope = request.peerScope() == null ? base.peerScope()
                : parse(PeerScope.class, request.peerScope(), "flagRules.peerScope", violations, true);
        return new FlagRules(null, scope == null ? base.peerScope() : scope,
                or(request.bottomN(), base.bottomN()),
                or(request.warning(), base.warning()), or(request.exitCandidate(), base.exitCandidate()),
                or(request.topShare(), base.topShare()), or(request.expansionPeriods(), base.expansionPeriods()),
                or(request.notReportedCountsAsBottom(), base.notReportedCountsAsBottom())).named();
    }


    private static <T> T or(T given, T otherwise) {
        return given == null ? otherwise : given;
    }

    private static double weight(Double weight) {
        return weight == null ? Double.NaN : weight;
    }

    /**
     * The enumeration value named by text (case-insensitive); {@code null} when absent (reported by the validator) or
     * unknown (reported here). Optional values default to their enumeration's first (ARITHMETIC, NONE) when absent.
     */
    private static <E extends Enum<E>> E parse(Class<E> type, String text, String field, List<Violation> violations,
                                               boolean required) {
        if (text == null || text.isBlank()) {
            return required ? null : type.getEnumConstants()[0];
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, "unknown-value", Message.of("evaluation.methodology.unknown-value", text,
                    Arrays.toString(type.getEnumConstants()))));
            return null;
        }
    }
}

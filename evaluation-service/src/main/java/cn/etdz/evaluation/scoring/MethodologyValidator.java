package cn.etdz.evaluation.scoring;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a methodology before it is used, returning every problem at once (an empty list means valid). A methodology
 * in the five-pillar format is checked as that ({@code pillars[…]}); one given as a tree as a tree ({@code nodes[…]}).
 * Codes: {@code required}, {@code missing-pillar}, {@code duplicate-pillar}, {@code empty-pillar},
 * {@code duplicate-node}, {@code empty-node}, {@code mixed-node} (nodes and indicators in one node),
 * {@code too-deep} (more than {@value #MAX_DEPTH} levels of nodes), {@code pillars-and-nodes} (both
 * formats at once),
 * {@code non-positive-weight}, {@code unknown-indicator}, {@code not-applicable} (e.g. a border-trade indicator for
 * ETDZ), {@code duplicate-indicator}, {@code missing-parameter}, {@code unknown-parameter},
 * {@code invalid-parameter}, {@code parameter-not-transformable} (a bound or target outside the transform's domain,
 * e.g. a goalpost of 0 under {@code LN}), {@code invalid-zero-rule}.
 */
public final class MethodologyValidator {

    /** Levels of nodes a tree may have below the composite: pillars, sub-pillars and four more. */
    public static final int MAX_DEPTH = 6;

    private MethodologyValidator() {
    }

    /**
     * Every problem of the methodology's shape, its indicator codes not checked against a catalogue; empty if the
     * engine can score with it. What the engine checks before scoring a methodology that was checked when stored.
     */
    public static List<MethodologyProblem> validate(Methodology methodology) {
        return validate(methodology, null, Set.of());
    }

    /**
     * Every problem of the methodology, each raw indicator code checked against the catalogue too ({@code
     * unknown-indicator}, {@code not-applicable}); empty if it can be used.
     */
    public static List<MethodologyProblem> validate(Methodology methodology, IndicatorCatalogue catalogue) {
        return validate(methodology, catalogue, Set.of());
    }

    /**
     * As {@link #validate(Methodology, IndicatorCatalogue)}, counting {@code customIndicators} (codes outside the
     * catalogue that a data set brings along) as known for every zone type. A {@code null} catalogue checks no code
     * against one.
     */
    public static List<MethodologyProblem> validate(Methodology methodology, IndicatorCatalogue catalogue,
                                                    Set<String> customIndicators) {
        List<MethodologyProblem> problems = new ArrayList<>();
        if (methodology == null) {
            problems.add(MethodologyProblem.of("", "required", "evaluation.methodology.required"));
            return problems;
        }
        if (isBlank(methodology.id())) {
            problems.add(MethodologyProblem.of("id", "required", "evaluation.methodology.id-required"));
        }
        if (isBlank(methodology.version())) {
            problems.add(MethodologyProblem.of("version", "required", "evaluation.methodology.version-required"));
        }
        if (methodology.zoneType() == null) {
            problems.add(MethodologyProblem.of("zoneType", "required", "evaluation.methodology.zone-type-required"));
        }
        if (methodology.compositeAggregation() == null) {
            problems.add(MethodologyProblem.of("compositeAggregation", "required",
                    "evaluation.methodology.composite-required"));
        }
        checkZeroRule(problems, methodology.zeroRule());
        problems.addAll(methodology.flagRules().problems());
        Set<String> known = customIndicators == null ? Set.of() : customIndicators;
        if (methodology.pillars().isEmpty() && !methodology.nodes().isEmpty()) {
            checkNodes(problems, "nodes", methodology.nodes(), 1, methodology.zoneType(), catalogue, known,
                    new HashSet<>(), new HashSet<>());
            return problems;
        }
        if (!methodology.nodes().isEmpty()) {
            problems.add(MethodologyProblem.of("nodes", "pillars-and-nodes", "evaluation.methodology.pillars-or-nodes"));
        }
        Set<PillarCode> seenPillars = EnumSet.noneOf(PillarCode.class);
        Set<String> seenIndicators = new HashSet<>();
        for (int p = 0; p < methodology.pillars().size(); p++) {
            Pillar pillar = methodology.pillars().get(p);
            String field = "pillars[" + p + "]";
            if (pillar == null) {
                problems.add(MethodologyProblem.of(field, "required", "evaluation.methodology.pillar-required"));
                continue;
            }
            if (pillar.code() == null) {
                problems.add(MethodologyProblem.of(field + ".code", "required", "evaluation.methodology.pillar-code-required"));
            } else if (!seenPillars.add(pillar.code())) {
                problems.add(MethodologyProblem.of(field + ".code", "duplicate-pillar",
                        "evaluation.methodology.pillar-duplicate", pillar.code()));
            }
            checkWeight(problems, field + ".weight", pillar.weight());
            if (pillar.aggregation() == null) {
                problems.add(MethodologyProblem.of(field + ".aggregation", "required",
                        "evaluation.methodology.pillar-aggregation-required"));
            }
            if (pillar.indicators().isEmpty()) {
                problems.add(MethodologyProblem.of(field + ".indicators", "empty-pillar",
                        "evaluation.methodology.pillar-empty"));
            }
            for (int i = 0; i < pillar.indicators().size(); i++) {
                checkIndicator(problems, field + ".indicators[" + i + "]", pillar.indicators().get(i),
                        methodology.zoneType(), catalogue, known, seenIndicators);
            }
        }
        for (PillarCode code : PillarCode.values()) {
            if (!seenPillars.contains(code)) {
                problems.add(MethodologyProblem.of("pillars", "missing-pillar", "evaluation.methodology.pillar-missing", code));
            }
        }
        return problems;
    }

    /** The nodes of one level of a tree and, depth first, everything below them. */
    private static void checkNodes(List<MethodologyProblem> problems, String field, List<MethodologyNode> nodes, int depth,
                                   ZoneType zoneType, IndicatorCatalogue catalogue, Set<String> custom,
                                   Set<String> seenNodes,
                                   Set<String> seenIndicators) {
        for (int n = 0; n < nodes.size(); n++) {
            MethodologyNode node = nodes.get(n);
            String at = field + "[" + n + "]";
            if (node == null) {
                problems.add(MethodologyProblem.of(at, "required", "evaluation.methodology.node-required"));
                continue;
            }
            if (isBlank(node.code())) {
                problems.add(MethodologyProblem.of(at + ".code", "required", "evaluation.methodology.node-code-required"));
            } else if (!seenNodes.add(node.code())) {
                problems.add(MethodologyProblem.of(at + ".code", "duplicate-node",
                        "evaluation.methodology.node-duplicate", node.code()));
            }
            if (isBlank(node.name())) {
                problems.add(MethodologyProblem.of(at + ".name", "required", "evaluation.methodology.node-name-required"));
            }
            if (isBlank(node.nameEn())) {
                problems.add(MethodologyProblem.of(at + ".nameEn", "required",
                        "evaluation.methodology.node-name-en-required"));
            }
            checkWeight(problems, at + ".weight", node.weight());
            if (node.aggregation() == null) {
                problems.add(MethodologyProblem.of(at + ".aggregation", "required",
                        "evaluation.methodology.node-aggregation-required"));
            }
            if (node.nodes().isEmpty() && node.indicators().isEmpty()) {
                problems.add(MethodologyProblem.of(at, "empty-node", "evaluation.methodology.node-empty", node.code()));
            } else if (!node.nodes().isEmpty() && !node.indicators().isEmpty()) {
                problems.add(MethodologyProblem.of(at, "mixed-node", "evaluation.methodology.node-mixed", node.code()));
            }
            if (!node.nodes().isEmpty() && depth >= MAX_DEPTH) {
                problems.add(MethodologyProblem.of(at + ".nodes", "too-deep", "evaluation.methodology.node-too-deep",
                        node.code(), MAX_DEPTH));
            } else {
                checkNodes(problems, at + ".nodes", node.nodes(), depth + 1, zoneType, catalogue, custom, seenNodes,
                        seenIndicators);
            }
            for (int i = 0; i < node.indicators().size(); i++) {
                checkIndicator(problems, at + ".indicators[" + i + "]", node.indicators().get(i), zoneType, catalogue,
                        custom, seenIndicators);
            }
        }
    }

    /** A {@code null} catalogue checks no code against one. */
    private static void checkIndicator(List<MethodologyProblem> problems, String field, IndicatorSpec indicator,
                                       ZoneType zoneType, IndicatorCatalogue catalogue, Set<String> custom,
                                       Set<String> seen) {
        if (indicator == null) {
            problems.add(MethodologyProblem.of(field, "required", "evaluation.methodology.indicator-required"));
            return;
        }
        String code = indicator.code();
        if (code != null && custom.contains(code)) {
            if (!seen.add(code)) {
                problems.add(MethodologyProblem.of(field + ".code", "duplicate-indicator",
                        "evaluation.methodology.indicator-duplicate", code));
            }
        } else if (code == null || (catalogue != null && !catalogue.isKnown(code))) {
            problems.add(MethodologyProblem.of(field + ".code", "unknown-indicator",
                    "evaluation.methodology.indicator-unknown", code));
        } else if (catalogue != null && zoneType != null && !catalogue.appliesTo(code, zoneType)) {
            problems.add(MethodologyProblem.of(field + ".code", "not-applicable",
                    "evaluation.methodology.indicator-not-applicable", code, zoneType));
        } else if (!seen.add(code)) {
            problems.add(MethodologyProblem.of(field + ".code", "duplicate-indicator",
                    "evaluation.methodology.indicator-duplicate", code));
        }
        checkWeight(problems, field + ".weight", indicator.weight());
        if (indicator.direction() == null) {
            problems.add(MethodologyProblem.of(field + ".direction", "required",
                    "evaluation.methodology.direction-required"));
        }
        Normalisation normalisation = indicator.normalisation();
        if (normalisation == null) {
            problems.add(MethodologyProblem.of(field + ".normalisation", "required",
                    "evaluation.methodology.normalisation-required"));
            return;
        }
        checkParameters(problems, field + ".parameters", indicator, normalisation);
    }

    /** A floor or shift needs a finite value of at least 1; EXCLUDE takes none. */
    private static void checkZeroRule(List<MethodologyProblem> problems, ZeroRule zeroRule) {
        if (zeroRule.type() == null) {
            problems.add(MethodologyProblem.of("zeroRule.type", "required", "evaluation.methodology.zero-rule-type"));
        } else if (zeroRule.type() == ZeroRuleType.EXCLUDE) {
            if (zeroRule.value() != null) {
                problems.add(MethodologyProblem.of("zeroRule.value", "invalid-zero-rule",
                        "evaluation.methodology.zero-rule-no-value"));
            }
        } else if (zeroRule.value() == null || !Double.isFinite(zeroRule.value())
                || zeroRule.value() < ZeroRule.MIN_VALUE) {
            problems.add(MethodologyProblem.of("zeroRule.value", "invalid-zero-rule",
                    "evaluation.methodology.zero-rule-value", zeroRule.type(), zeroRule.value()));
        }
    }

    private static void checkParameters(List<MethodologyProblem> problems, String field, IndicatorSpec indicator,
                                        Normalisation normalisation) {
        Map<String, Double> parameters = indicator.parameters();
        boolean complete = true;
        for (String name : normalisation.parameters()) {
            Double value = parameters.get(name);
            if (value == null || !Double.isFinite(value)) {
                problems.add(MethodologyProblem.of(field + "." + name, "missing-parameter",
                        "evaluation.methodology.parameter-missing", normalisation, name));
                complete = false;
            }
        }
        for (String name : parameters.keySet()) {
            if (!normalisation.parameters().contains(name)) {
                problems.add(MethodologyProblem.of(field + "." + name, "unknown-parameter",
                        "evaluation.methodology.parameter-unknown", normalisation, name, normalisation.parameters()));
            }
        }
        if (!complete) {
            return;
        }
        for (String name : normalisation.parameters()) {
            if (Double.isNaN(Transforms.apply(indicator.transform(), parameters.get(name)))) {
                problems.add(MethodologyProblem.of(field + "." + name, "parameter-not-transformable",
                        "evaluation.methodology.parameter-not-transformable", name, parameters.get(name),
                        indicator.transform()));
                complete = false;
            }
        }
        if (!complete) {
            return;
        }
        // the normaliser sees the bounds in the transform's units: a target of 1 is 0 under LN
        Map<String, Double> scaled = indicator.inTransformedUnits().parameters();
        switch (normalisation) {
            case GOALPOST -> {
                if (!(scaled.get(IndicatorSpec.MIN) < scaled.get(IndicatorSpec.MAX))) {
                    problems.add(MethodologyProblem.of(field + "." + IndicatorSpec.MAX, "invalid-parameter",
                            "evaluation.methodology.goalpost"));
                }
            }
            case TARGET -> {
                if (!(scaled.get(IndicatorSpec.TARGET) > 0)) {
                    problems.add(MethodologyProblem.of(field + "." + IndicatorSpec.TARGET, "invalid-parameter",
                            "evaluation.methodology.target"));
                }
            }
            case EFFICACY -> {
                double satisfactory = scaled.get(IndicatorSpec.SATISFACTORY);
                double impermissible = scaled.get(IndicatorSpec.IMPERMISSIBLE);
                if (indicator.direction() == Direction.HIGHER && !(satisfactory > impermissible)) {
                    problems.add(MethodologyProblem.of(field + "." + IndicatorSpec.SATISFACTORY, "invalid-parameter",
                            "evaluation.methodology.efficacy-higher"));
                } else if (indicator.direction() == Direction.LOWER && !(satisfactory < impermissible)) {
                    problems.add(MethodologyProblem.of(field + "." + IndicatorSpec.SATISFACTORY, "invalid-parameter",
                            "evaluation.methodology.efficacy-lower"));
                }
            }
            default -> {
            }
        }
    }

    private static void checkWeight(List<MethodologyProblem> problems, String field, double weight) {
        if (!(weight > 0) || Double.isInfinite(weight)) {
            problems.add(MethodologyProblem.of(field, "non-positive-weight",
                    "evaluation.methodology.weight", weight));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

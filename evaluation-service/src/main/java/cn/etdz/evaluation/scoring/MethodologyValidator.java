package cn.etdz.evaluation.scoring;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a methodology before it is used, returning every problem at once (an empty list means valid). Codes:
 * {@code required}, {@code missing-pillar}, {@code duplicate-pillar}, {@code empty-pillar},
 * {@code non-positive-weight}, {@code unknown-indicator}, {@code not-applicable} (e.g. a border-trade indicator for
 * ETDZ), {@code duplicate-indicator}, {@code missing-parameter}, {@code unknown-parameter},
 * {@code invalid-parameter}, {@code transform-not-applicable}.
 */
public final class MethodologyValidator {

    private MethodologyValidator() {
    }

    /** Every problem of the methodology; empty if it can be used. */
    public static List<MethodologyProblem> validate(Methodology methodology) {
        List<MethodologyProblem> problems = new ArrayList<>();
        if (methodology == null) {
            problems.add(new MethodologyProblem("", "required", "A methodology is required."));
            return problems;
        }
        if (isBlank(methodology.id())) {
            problems.add(new MethodologyProblem("id", "required", "The methodology id is required."));
        }
        if (isBlank(methodology.version())) {
            problems.add(new MethodologyProblem("version", "required", "The methodology version is required."));
        }
        if (methodology.zoneType() == null) {
            problems.add(new MethodologyProblem("zoneType", "required", "The zone type (ETDZ or BECZ) is required."));
        }
        if (methodology.compositeAggregation() == null) {
            problems.add(new MethodologyProblem("compositeAggregation", "required",
                    "The composite aggregation (ARITHMETIC or GEOMETRIC) is required."));
        }
        Set<PillarCode> seenPillars = EnumSet.noneOf(PillarCode.class);
        Set<String> seenIndicators = new HashSet<>();
        for (int p = 0; p < methodology.pillars().size(); p++) {
            Pillar pillar = methodology.pillars().get(p);
            String field = "pillars[" + p + "]";
            if (pillar == null) {
                problems.add(new MethodologyProblem(field, "required", "A pillar entry is required."));
                continue;
            }
            if (pillar.code() == null) {
                problems.add(new MethodologyProblem(field + ".code", "required", "The pillar code is required."));
            } else if (!seenPillars.add(pillar.code())) {
                problems.add(new MethodologyProblem(field + ".code", "duplicate-pillar",
                        "Pillar " + pillar.code() + " appears more than once."));
            }
            checkWeight(problems, field + ".weight", pillar.weight());
            if (pillar.aggregation() == null) {
                problems.add(new MethodologyProblem(field + ".aggregation", "required",
                        "The pillar aggregation (ARITHMETIC or GEOMETRIC) is required."));
            }
            if (pillar.indicators().isEmpty()) {
                problems.add(new MethodologyProblem(field + ".indicators", "empty-pillar",
                        "A pillar needs at least one indicator."));
            }
            for (int i = 0; i < pillar.indicators().size(); i++) {
                checkIndicator(problems, field + ".indicators[" + i + "]", pillar.indicators().get(i),
                        methodology.zoneType(), seenIndicators);
            }
        }
        for (PillarCode code : PillarCode.values()) {
            if (!seenPillars.contains(code)) {
                problems.add(new MethodologyProblem("pillars", "missing-pillar", "Pillar " + code + " is missing."));
            }
        }
        return problems;
    }

    private static void checkIndicator(List<MethodologyProblem> problems, String field, IndicatorSpec indicator,
                                       ZoneType zoneType, Set<String> seen) {
        if (indicator == null) {
            problems.add(new MethodologyProblem(field, "required", "An indicator entry is required."));
            return;
        }
        String code = indicator.code();
        if (code == null || !IndicatorCatalogue.isKnown(code)) {
            problems.add(new MethodologyProblem(field + ".code", "unknown-indicator",
                    "Unknown indicator " + code + "; use a catalogue or derived indicator code such as GDP."));
        } else if (zoneType != null && !IndicatorCatalogue.appliesTo(code, zoneType)) {
            problems.add(new MethodologyProblem(field + ".code", "not-applicable",
                    code + " is not reported by " + zoneType + " zones."));
        } else if (!seen.add(code)) {
            problems.add(new MethodologyProblem(field + ".code", "duplicate-indicator",
                    code + " appears more than once in the methodology."));
        }
        checkWeight(problems, field + ".weight", indicator.weight());
        if (indicator.direction() == null) {
            problems.add(new MethodologyProblem(field + ".direction", "required",
                    "The direction (HIGHER or LOWER) is required."));
        }
        Normalisation normalisation = indicator.normalisation();
        if (normalisation == null) {
            problems.add(new MethodologyProblem(field + ".normalisation", "required",
                    "The normalisation (MINMAX, GOALPOST, ZSCORE, TARGET, EFFICACY or RANK) is required."));
            return;
        }
        if (indicator.transform() == Transform.LOG && !normalisation.peerRelative()) {
            problems.add(new MethodologyProblem(field + ".transform", "transform-not-applicable",
                    "LOG applies only with MINMAX, ZSCORE or RANK: the parameters of " + normalisation
                            + " are in the indicator's own unit."));
        }
        checkParameters(problems, field + ".parameters", indicator, normalisation);
    }

    private static void checkParameters(List<MethodologyProblem> problems, String field, IndicatorSpec indicator,
                                        Normalisation normalisation) {
        Map<String, Double> parameters = indicator.parameters();
        boolean complete = true;
        for (String name : normalisation.parameters()) {
            Double value = parameters.get(name);
            if (value == null || !Double.isFinite(value)) {
                problems.add(new MethodologyProblem(field + "." + name, "missing-parameter",
                        normalisation + " needs a finite parameter " + name + "."));
                complete = false;
            }
        }
        for (String name : parameters.keySet()) {
            if (!normalisation.parameters().contains(name)) {
                problems.add(new MethodologyProblem(field + "." + name, "unknown-parameter",
                        normalisation + " takes no parameter " + name + "; it takes " + normalisation.parameters()
                                + "."));
            }
        }
        if (!complete) {
            return;
        }
        switch (normalisation) {
            case GOALPOST -> {
                if (!(parameters.get(IndicatorSpec.MIN) < parameters.get(IndicatorSpec.MAX))) {
                    problems.add(new MethodologyProblem(field + "." + IndicatorSpec.MAX, "invalid-parameter",
                            "The goalpost max must be greater than min."));
                }
            }
            case TARGET -> {
                if (!(parameters.get(IndicatorSpec.TARGET) > 0)) {
                    problems.add(new MethodologyProblem(field + "." + IndicatorSpec.TARGET, "invalid-parameter",
                            "The target must be positive."));
                }
            }
            case EFFICACY -> {
                double satisfactory = parameters.get(IndicatorSpec.SATISFACTORY);
                double impermissible = parameters.get(IndicatorSpec.IMPERMISSIBLE);
                if (indicator.direction() == Direction.HIGHER && !(satisfactory > impermissible)) {
                    problems.add(new MethodologyProblem(field + "." + IndicatorSpec.SATISFACTORY, "invalid-parameter",
                            "When higher is better the satisfactory value must be above the impermissible one."));
                } else if (indicator.direction() == Direction.LOWER && !(satisfactory < impermissible)) {
                    problems.add(new MethodologyProblem(field + "." + IndicatorSpec.SATISFACTORY, "invalid-parameter",
                            "When lower is better the satisfactory value must be below the impermissible one."));
                }
            }
            default -> {
            }
        }
    }

    private static void checkWeight(List<MethodologyProblem> problems, String field, double weight) {
        if (!(weight > 0) || Double.isInfinite(weight)) {
            problems.add(new MethodologyProblem(field, "non-positive-weight",
                    "Weights are positive finite numbers, got " + weight + "."));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

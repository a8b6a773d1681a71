package cn.etdz.evaluation.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Scores a peer group under a methodology. For each indicator of each pillar, over all zones at once: raw value or
 * {@link DerivedIndicators derived} value → {@link Imputation imputed} when missing, if the methodology says so →
 * {@link Transforms transform} (the normalisation's parameters with it) → {@link Normalisers normalisation} to 0–100.
 * Then per zone: each pillar by the missing-data rule ({@code PillarScorer}: present weights rescaled when ≥ 2/3 of
 * the pillar's weight is present, else no pillar score), the composite from the five pillars when all have a score,
 * and {@link Ranking competition ranks} nationally and within the zone's region group among the zones that have a
 * composite. Zones are processed in code order, so the result does not depend on the input order.
 */
public final class ScoringEngine {

    private ScoringEngine() {
    }

    /** One indicator over the peer group; {@code NaN} = missing; {@code imputed[z]}: input z is imputed. */
    record Column(IndicatorSpec spec, boolean derived, double[] input, Imputation imputation,
                          boolean[] imputed, double[] transformed, double[] normalised) {
    }

    /** The pillars of one zone and, when all five have a score, its composite and the pillars' contributions. */
    private record Scored(PillarScorer.Outcome[] pillars, Double composite, double[] toComposite) {
    }

    /**
     * Scores every zone of the peer group.
     *
     * @throws IllegalArgumentException if the methodology is invalid ({@link MethodologyValidator}, all problems in
     *                                  the message), a zone is of another type than the methodology's, lacks a code
     *                                  or region, appears twice, or a value is not finite
     */
    public static ScoringResult score(Methodology methodology, PeerGroupData data) {
        List<MethodologyProblem> problems = MethodologyValidator.validate(methodology);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid methodology: " + problems);
        }
        List<Zone> zones = checkedZones(methodology.zoneType(), data.zones());
        List<Map<String, Double>> current = new ArrayList<>(zones.size());
        List<Map<String, Double>> previous = new ArrayList<>(zones.size());
        for (Zone zone : zones) {
            current.add(checkedValues(zone, data.values().get(zone.code())));
            previous.add(checkedValues(zone, data.previousValues().get(zone.code())));
        }

        List<Pillar> pillars = methodology.pillars();
        Column[][] columns = new Column[pillars.size()][];
        for (int p = 0; p < pillars.size(); p++) {
            columns[p] = pillars.get(p).indicators().stream()
                    .map(spec -> column(spec, methodology.imputation(), zones.size(), current, previous))
                    .toArray(Column[]::new);
        }

        Scored[] scored = new Scored[zones.size()];
        Map<String, Double> composites = new LinkedHashMap<>();
        Map<String, Map<String, Double>> compositesByGroup = new HashMap<>();
        for (int z = 0; z < zones.size(); z++) {
            scored[z] = scoreZone(methodology, columns, z);
            if (scored[z].composite() != null) {
                Zone zone = zones.get(z);
                composites.put(zone.code(), scored[z].composite());
                compositesByGroup.computeIfAbsent(methodology.regionGrouping().groupOf(zone.region()),
                        group -> new LinkedHashMap<>()).put(zone.code(), scored[z].composite());
            }
        }
        Map<String, Integer> nationalRanks = Ranking.competition(composites);
        Map<String, Integer> regionRanks = new HashMap<>();
        compositesByGroup.values().forEach(group -> regionRanks.putAll(Ranking.competition(group)));

        List<ZoneScore> results = new ArrayList<>(zones.size());
        for (int z = 0; z < zones.size(); z++) {
            Zone zone = zones.get(z);
            results.add(zoneScore(methodology, columns, z, zone, scored[z], nationalRanks.get(zone.code()),
                    regionRanks.get(zone.code())));
        }
        results.sort(Comparator.comparing(ZoneScore::nationalRank, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ZoneScore::zone));
        return new ScoringResult(methodology.id(), methodology.version(), methodology.zoneType(), results);
    }

    /** The missing-data rule on each pillar of zone {@code z}, then the composite if every pillar has a score. */
    private static Scored scoreZone(Methodology methodology, Column[][] columns, int z) {
        List<Pillar> pillars = methodology.pillars();
        PillarScorer.Outcome[] outcomes = new PillarScorer.Outcome[pillars.size()];
        boolean complete = true;
        for (int p = 0; p < pillars.size(); p++) {
            double[] row = new double[columns[p].length];
            double[] weights = new double[columns[p].length];
            for (int i = 0; i < row.length; i++) {
                row[i] = columns[p][i].normalised()[z];
                weights[i] = columns[p][i].spec().weight();
            }
            outcomes[p] = PillarScorer.score(pillars.get(p).aggregation(), methodology.zeroRule(), row, weights);
            complete &= outcomes[p].score() != null;
        }
        if (!complete) {
            return new Scored(outcomes, null, null);
        }
        double[] scores = new double[pillars.size()];
        double[] weights = new double[pillars.size()];
        for (int p = 0; p < pillars.size(); p++) {
            scores[p] = outcomes[p].score();
            weights[p] = pillars.get(p).weight();
        }
        Aggregation aggregation = methodology.compositeAggregation();
        ZeroRule zeroRule = methodology.zeroRule();
        return new Scored(outcomes, Aggregators.mean(aggregation, zeroRule, scores, weights),
                Aggregators.contributions(aggregation, zeroRule, scores, weights));
    }

    private static ZoneScore zoneScore(Methodology methodology, Column[][] columns, int z, Zone zone, Scored scored,
                                       Integer nationalRank, Integer regionRank) {
        List<Pillar> pillars = methodology.pillars();
        double totalPillarWeight = methodology.totalPillarWeight();
        List<PillarScore> pillarScores = new ArrayList<>(pillars.size());
        List<IndicatorExplanation> explanation = new ArrayList<>();
        double weightedCoverage = 0;
        for (int p = 0; p < pillars.size(); p++) {
            PillarScorer.Outcome outcome = scored.pillars()[p];
            Double toComposite = scored.composite() == null ? null : scored.toComposite()[p];
            weightedCoverage += pillars.get(p).weight() * outcome.coverage();
            pillarScores.add(new PillarScore(pillars.get(p).code(), outcome.score(), outcome.coverage(),
                    pillars.get(p).weight() / totalPillarWeight, toComposite));
            for (int i = 0; i < columns[p].length; i++) {
                explanation.add(explain(columns[p][i], z, pillars.get(p).code(), outcome, i, toComposite));
            }
        }
        // Σ w_p c_p / Σ w_p rather than Σ (w_p / Σ w_p) c_p: exactly 1 at full coverage, never above
        double coverage = weightedCoverage / totalPillarWeight;
        return new ZoneScore(zone.code(), zone.region(), methodology.regionGrouping().groupOf(zone.region()),
                scored.composite(), nationalRank, regionRank, coverage, pillarScores, explanation);
    }

    /** Raw or derived values of one indicator over the peer group, imputed, transformed and normalised. */
    static Column column(IndicatorSpec spec, Imputation imputation, int size,
                                 List<Map<String, Double>> current, List<Map<String, Double>> previous) {
        boolean derived = DerivedIndicators.isDerived(spec.code());
        double[] input = new double[size];
        for (int z = 0; z < input.length; z++) {
            input[z] = value(spec.code(), derived, current.get(z), previous.get(z));
        }
        boolean[] imputed = impute(spec, imputation, derived, input, previous);
        double[] transformed = Transforms.apply(spec.transform(), input);
        return new Column(spec, derived, input, imputation, imputed, transformed,
                Normalisers.normalise(transformed, spec.inTransformedUnits()));
    }

    /** A zone's raw or derived value of an indicator; {@code NaN} when missing. */
    private static double value(String code, boolean derived, Map<String, Double> values,
                                Map<String, Double> previousValues) {
        if (derived) {
            OptionalDouble value = DerivedIndicators.value(code, values, previousValues);
            return value.isPresent() ? value.getAsDouble() : Double.NaN;
        }
        Double value = values.get(code);
        return value == null ? Double.NaN : value;
    }

    /**
     * Fills the missing inputs of a column in place by the methodology's {@link Imputation}, where the method has a
     * value the transform can take; returns which inputs it filled.
     */
    private static boolean[] impute(IndicatorSpec spec, Imputation imputation, boolean derived, double[] input,
                                    List<Map<String, Double>> previous) {
        boolean[] imputed = new boolean[input.length];
        if (imputation == Imputation.NONE) {
            return imputed;
        }
        double median = imputation == Imputation.PEER_MEDIAN ? median(input) : Double.NaN;
        for (int z = 0; z < input.length; z++) {
            if (!Double.isNaN(input[z])) {
                continue;
            }
            // carried forward: the previous period's value, as this period's (a growth rate has no base, so none)
            double value = imputation == Imputation.PEER_MEDIAN ? median
                    : value(spec.code(), derived, previous.get(z), Map.of());
            if (!Double.isNaN(value) && !Double.isNaN(Transforms.apply(spec.transform(), value))) {
                input[z] = value;
                imputed[z] = true;
            }
        }
        return imputed;
    }

    /** Median of the present values; {@code NaN} when there are none. */
    private static double median(double[] values) {
        double[] present = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        int n = present.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? present[n / 2] : (present[n / 2 - 1] + present[n / 2]) / 2;
    }

    private static IndicatorExplanation explain(Column column, int z, PillarCode pillar, PillarScorer.Outcome outcome,
                                                int i, Double pillarToComposite) {
        double input = column.input()[z];
        double transformed = column.transformed()[z];
        double normalised = column.normalised()[z];
        boolean imputed = column.imputed()[z];
        Availability availability = Double.isNaN(input) ? Availability.MISSING
                : Double.isNaN(transformed) ? Availability.NOT_TRANSFORMABLE
                : imputed ? Availability.IMPUTED : Availability.PRESENT;
        boolean reported = !imputed && !Double.isNaN(input);
        Double raw = column.derived() || !reported ? null : input;
        Double derived = column.derived() && reported ? input : null;
        boolean scored = availability == Availability.PRESENT || availability == Availability.IMPUTED;
        boolean counted = outcome.score() != null && scored;
        Double toPillar = counted ? outcome.contributions()[i] : null;
        Double toComposite = null;
        if (counted && pillarToComposite != null) {
            // the pillar's part of the composite, split like the pillar score (by weight if the pillar score is 0)
            double share = outcome.score() > 0 ? toPillar / outcome.score() : outcome.effectiveWeights()[i];
            toComposite = pillarToComposite * share;
        }
        return new IndicatorExplanation(column.spec().code(), pillar, availability, raw, derived,
                Double.isNaN(transformed) ? null : transformed,
                scored ? normalised : null,
                outcome.effectiveWeights()[i], toPillar, toComposite,
                imputed ? column.imputation() : null, imputed ? input : null);
    }

    static List<Zone> checkedZones(ZoneType zoneType, List<Zone> zones) {
        Set<String> codes = new HashSet<>();
        for (Zone zone : zones) {
            if (zone == null || zone.code() == null || zone.region() == null) {
                throw new IllegalArgumentException("Every zone needs a code and a region: " + zone);
            }
            if (zone.type() != zoneType) {
                throw new IllegalArgumentException(zone.code() + " is " + zone.type() + " but the methodology scores "
                        + zoneType + ": peer groups are never mixed");
            }
            if (!codes.add(zone.code())) {
                throw new IllegalArgumentException(zone.code() + " appears more than once");
            }
        }
        List<Zone> sorted = new ArrayList<>(zones);
        sorted.sort(Comparator.comparing(Zone::code));
        return sorted;
    }

    static Map<String, Double> checkedValues(Zone zone, Map<String, Double> values) {
        if (values == null) {
            return Map.of();
        }
        for (Map.Entry<String, Double> entry : values.entrySet()) {
            if (entry.getValue() != null && !Double.isFinite(entry.getValue())) {
                throw new IllegalArgumentException(zone.code() + ": " + entry.getKey() + " is " + entry.getValue());
            }
        }
        return values;
    }
}

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
 * Scores a peer group under a methodology, a tree of nodes over indicators. For each indicator of the tree, over all
 * zones at once: raw value or {@link DerivedIndicators derived} value → {@link Imputation imputed} when missing, if the
 * methodology says so → {@link Transforms transform} (the normalisation's parameters with it) →
 * {@link Normalisers normalisation} to 0–100. Then per zone, from the indicators up: each node of indicators by the
 * missing-data rule ({@code PillarScorer}: present weights rescaled when ≥ 2/3 of the node's weight is present, else
 * no score), each node of nodes and the composite by its aggregation when all its children have a score, and
 * {@link Ranking competition ranks} nationally and within the zone's region group among the zones that have a
 * composite. Zones are processed in code order, so the result does not depend on the input order.
 */
public final class ScoringEngine {

    private ScoringEngine() {
    }

    /** One indicator over the peer group; {@code NaN} = missing; {@code imputed[z]}: input z is imputed. */
    record Column(IndicatorSpec spec, boolean derived, double[] input, Imputation imputation,
                          boolean[] imputed, double[] transformed, double[] normalised) {
    }

    /**
     * A node with its indicators' columns: {@code columns} for a node of indicators, {@code children} for a node of
     * nodes; {@code path} holds the codes from the top of the tree down to it.
     */
    private record Part(MethodologyNode node, List<String> path, Part[] children, Column[] columns) {
    }

    /** One node of one zone: its outcome, and its children's when it combines nodes. */
    private record Scored(PillarScorer.Outcome outcome, Scored[] children) {
    }

    /**
     * Scores every zone of the peer group.
     *
     * @throws IllegalArgumentException if the methodology is invalid ({@link MethodologyValidator}, all problems in
     *                                  the message, the data set's custom indicators counted as known), a zone is of
     *                                  another type than the methodology's, lacks a code or region, appears twice, or
     *                                  a value is not finite
     */
    public static ScoringResult score(Methodology methodology, PeerGroupData data) {
        List<MethodologyProblem> problems = MethodologyValidator.validate(methodology, null,
                data.customIndicators());
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

        Part[] top = parts(methodology.tree(), List.of(), methodology.imputation(), zones.size(), current, previous);
        MethodologyNode root = MethodologyNode.of("", "", "", 1, methodology.compositeAggregation(), methodology.tree());
        Part composite = new Part(root, List.of(), top, null);

        Scored[] scored = new Scored[zones.size()];
        Map<String, Double> composites = new LinkedHashMap<>();
        Map<String, Map<String, Double>> compositesByGroup = new HashMap<>();
        for (int z = 0; z < zones.size(); z++) {
            scored[z] = scoreNode(composite, methodology.zeroRule(), z);
            Double score = scored[z].outcome().score();
            if (score != null) {
                Zone zone = zones.get(z);
                composites.put(zone.code(), score);
                compositesByGroup.computeIfAbsent(methodology.regionGrouping().groupOf(zone.region()),
                        group -> new LinkedHashMap<>()).put(zone.code(), score);
            }
        }
        Map<String, Integer> nationalRanks = Ranking.competition(composites);
        Map<String, Integer> regionRanks = new HashMap<>();
        compositesByGroup.values().forEach(group -> regionRanks.putAll(Ranking.competition(group)));

        List<ZoneScore> results = new ArrayList<>(zones.size());
        for (int z = 0; z < zones.size(); z++) {
            Zone zone = zones.get(z);
            results.add(zoneScore(methodology, composite, z, zone, scored[z], nationalRanks.get(zone.code()),
                    regionRanks.get(zone.code())));
        }
        results.sort(Comparator.comparing(ZoneScore::nationalRank, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ZoneScore::zone));
        return new ScoringResult(methodology.id(), methodology.version(), methodology.zoneType(), results);
    }

    /** The nodes with the columns of their indicators, computed over the peer group. */
    private static Part[] parts(List<MethodologyNode> nodes, List<String> above, Imputation imputation, int size,
                                List<Map<String, Double>> current, List<Map<String, Double>> previous) {
        Part[] parts = new Part[nodes.size()];
        for (int n = 0; n < parts.length; n++) {
            MethodologyNode node = nodes.get(n);
            List<String> path = new ArrayList<>(above);
            path.add(node.code());
            if (node.combinesIndicators()) {
                parts[n] = new Part(node, List.copyOf(path), null, node.indicators().stream()
                        .map(spec -> column(spec, imputation, size, current, previous))
                        .toArray(Column[]::new));
            } else {
                parts[n] = new Part(node, List.copyOf(path),
                        parts(node.nodes(), path, imputation, size, current, previous), null);
            }
        }
        return parts;
    }

    /**
     * One node of zone {@code z}: a node of indicators by the missing-data rule; a node of nodes (and the composite)
     * by its aggregation of its children's scores when every child has one, its coverage {@code Σ w_c c_c / Σ w_c}.
     */
    private static Scored scoreNode(Part part, ZeroRule zeroRule, int z) {
        Aggregation aggregation = part.node().aggregation();
        if (part.columns() != null) {
            double[] row = new double[part.columns().length];
            double[] weights = new double[row.length];
            for (int i = 0; i < row.length; i++) {
                row[i] = part.columns()[i].normalised()[z];
                weights[i] = part.columns()[i].spec().weight();
            }
            return new Scored(PillarScorer.score(aggregation, zeroRule, row, weights), null);
        }
        int n = part.children().length;
        Scored[] children = new Scored[n];
        double[] scores = new double[n];
        double[] weights = new double[n];
        double weightedCoverage = 0;
        double totalWeight = 0;
        boolean complete = true;
        for (int c = 0; c < n; c++) {
            children[c] = scoreNode(part.children()[c], zeroRule, z);
            weights[c] = part.children()[c].node().weight();
            weightedCoverage += weights[c] * children[c].outcome().coverage();
            totalWeight += weights[c];
            Double score = children[c].outcome().score();
            complete &= score != null;
            scores[c] = score == null ? Double.NaN : score;
        }
        // Σ w_c c_c / Σ w_c rather than Σ (w_c / Σ w_c) c_c: exactly 1 at full coverage, never above
        double coverage = weightedCoverage / totalWeight;
        double[] effectiveWeights = new double[n];
        double[] contributions = new double[n];
        Arrays.fill(contributions, Double.NaN);
        if (!complete) {
            return new Scored(new PillarScorer.Outcome(null, coverage, effectiveWeights, contributions), children);
        }
        for (int c = 0; c < n; c++) {
            effectiveWeights[c] = weights[c] / totalWeight;
        }
        return new Scored(new PillarScorer.Outcome(Aggregators.mean(aggregation, zeroRule, scores, weights), coverage,
                effectiveWeights, Aggregators.contributions(aggregation, zeroRule, scores, weights)), children);
    }

    private static ZoneScore zoneScore(Methodology methodology, Part composite, int z, Zone zone, Scored scored,
                                       Integer nationalRank, Integer regionRank) {
        Double compositeScore = scored.outcome().score();
        List<IndicatorExplanation> explanation = new ArrayList<>();
        List<NodeScore> nodes = nodeScores(composite, scored, compositeScore, z, explanation);
        List<PillarScore> pillarScores = new ArrayList<>();
        for (NodeScore node : nodes) {
            PillarCode pillar = PillarCode.of(node.code());
            if (pillar != null) {
                pillarScores.add(new PillarScore(pillar, node.score(), node.coverage(), node.weight(),
                        node.compositeContribution()));
            }
        }
        return new ZoneScore(zone.code(), zone.region(), methodology.regionGrouping().groupOf(zone.region()),
                compositeScore, nationalRank, regionRank, scored.outcome().coverage(), pillarScores, explanation, nodes);
    }

    /**
     * The scores of the children of a node of nodes, and, depth first, the explanation of their indicators.
     * {@code toComposite} is the node's share of the composite ({@code null} without a composite); its children's
     * shares split it like their contributions split its score (by weight when that score is 0).
     */
    private static List<NodeScore> nodeScores(Part part, Scored scored, Double toComposite, int z,
                                              List<IndicatorExplanation> explanation) {
        PillarScorer.Outcome outcome = scored.outcome();
        double totalWeight = 0;
        for (Part child : part.children()) {
            totalWeight += child.node().weight();
        }
        List<NodeScore> nodes = new ArrayList<>(part.children().length);
        for (int c = 0; c < part.children().length; c++) {
            Part child = part.children()[c];
            Scored childScored = scored.children()[c];
            Double childToComposite = share(toComposite, outcome, c, part.path().isEmpty());
            List<NodeScore> grandChildren = child.columns() != null ? List.of()
                    : nodeScores(child, childScored, childToComposite, z, explanation);
            if (child.columns() != null) {
                for (int i = 0; i < child.columns().length; i++) {
                    explanation.add(explain(child, z, childScored.outcome(), i, childToComposite));
                }
            }
            MethodologyNode node = child.node();
            nodes.add(new NodeScore(node.code(), node.name(), node.nameEn(), childScored.outcome().score(),
                    childScored.outcome().coverage(), node.weight() / totalWeight, childToComposite, grandChildren));
        }
        return nodes;
    }

    /**
     * Child {@code i}'s part of its parent's share of the composite; {@code null} when there is none. The composite's
     * children take their contributions to it as they are; deeper down the parent's share is split in proportion to
     * the child's share of the parent's score, or by weight when that score is 0.
     */
    private static Double share(Double toComposite, PillarScorer.Outcome parent, int i, boolean root) {
        if (toComposite == null || parent.score() == null) {
            return null;
        }
        if (root) {
            return parent.contributions()[i];
        }
        double share = parent.score() > 0 ? parent.contributions()[i] / parent.score() : parent.effectiveWeights()[i];
        return toComposite * share;
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

    /** Indicator {@code i} of a node of indicators, for zone {@code z}. */
    private static IndicatorExplanation explain(Part part, int z, PillarScorer.Outcome outcome, int i,
                                                Double pillarToComposite) {
        Column column = part.columns()[i];
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
            // the node's part of the composite, split like the node's score (by weight if that score is 0)
            double share = outcome.score() > 0 ? toPillar / outcome.score() : outcome.effectiveWeights()[i];
            toComposite = pillarToComposite * share;
        }
        return new IndicatorExplanation(column.spec().code(), PillarCode.of(part.path().get(0)), availability, raw,
                derived, Double.isNaN(transformed) ? null : transformed,
                scored ? normalised : null,
                outcome.effectiveWeights()[i], toPillar, toComposite,
                imputed ? column.imputation() : null, imputed ? input : null, part.path());
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

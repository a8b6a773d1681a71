package cn.etdz.evaluation.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scores one peer group again and again under methodologies that differ in their choices — weights, normalisations,
 * aggregations, an indicator left out — as the uncertainty and sensitivity analyses do thousands of times. It gives
 * exactly the numbers {@link ScoringEngine#score} gives (composites, pillar scores, coverage, national and region
 * ranks: the same functions on the same values in the same order), without the explanation, and does once what no
 * choice changes: the zones are checked and put in code order when the scorer is made, and each indicator's normalised
 * column is computed the first time a methodology asks for it and reused by every later methodology that normalises
 * that indicator the same way (weights do not enter a column). Safe to share between threads.
 */
public final class ReplicationScorer {

    /** What a normalised column depends on: the indicator's specification without its weight, and the imputation. */
    private record ColumnKey(String code, Direction direction, Transform transform, Normalisation normalisation,
                             Map<String, Double> parameters, Imputation imputation) {

        static ColumnKey of(IndicatorSpec spec, Imputation imputation) {
            return new ColumnKey(spec.code(), spec.direction(), spec.transform(), spec.normalisation(),
                    spec.parameters(), imputation);
        }
    }

    /**
     * The scores of every zone under one methodology, each array indexed like {@code zones}.
     *
     * @param zones         the peer group's zones in code order
     * @param composites    0–100; {@code NaN} when the zone is unranked
     * @param pillarScores  per zone, per top-level node of the methodology's tree in its order: 0–100, {@code NaN}
     *                      when the node has no score
     * @param coverage      as {@link ZoneScore#coverage()}
     * @param nationalRanks competition rank among the ranked zones; 0 when unranked
     * @param regionRanks   competition rank within the zone's region group; 0 when unranked
     * @param regionGroups  the zone's group under the methodology's {@link RegionGrouping}
     */
    public record Scores(List<Zone> zones, double[] composites, double[][] pillarScores, double[] coverage,
                         int[] nationalRanks, int[] regionRanks, String[] regionGroups) {
    }

    private final ZoneType zoneType;
    private final List<Zone> zones;
    private final List<Map<String, Double>> current;
    private final List<Map<String, Double>> previous;
    private final Map<ColumnKey, double[]> columns = new ConcurrentHashMap<>();

    /**
     * @throws IllegalArgumentException as {@link ScoringEngine#score} for the zones and values of {@code data}
     */
    public ReplicationScorer(ZoneType zoneType, PeerGroupData data) {
        this.zoneType = zoneType;
        this.zones = List.copyOf(ScoringEngine.checkedZones(zoneType, data.zones()));
        this.current = new ArrayList<>(zones.size());
        this.previous = new ArrayList<>(zones.size());
        for (Zone zone : zones) {
            current.add(ScoringEngine.checkedValues(zone, data.values().get(zone.code())));
            previous.add(ScoringEngine.checkedValues(zone, data.previousValues().get(zone.code())));
        }
    }

    /**
     * Scores every zone under the methodology.
     *
     * @throws IllegalArgumentException if the methodology is invalid ({@link MethodologyValidator}) or scores another
     *                                  zone type than this scorer's peer group
     */
    public Scores score(Methodology methodology) {
        List<MethodologyProblem> problems = MethodologyValidator.validate(methodology);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid methodology: " + problems);
        }
        if (methodology.zoneType() != zoneType) {
            throw new IllegalArgumentException("the methodology scores " + methodology.zoneType()
                    + " but the peer group is " + zoneType + ": peer groups are never mixed");
        }
        List<MethodologyNode> tree = methodology.tree();
        Part[] top = new Part[tree.size()];
        double[] topWeights = new double[tree.size()];
        for (int p = 0; p < top.length; p++) {
            top[p] = part(tree.get(p), methodology.imputation());
            topWeights[p] = tree.get(p).weight();
        }
        int n = zones.size();
        double[] composites = new double[n];
        double[][] pillarScores = new double[n][top.length];
        double[] coverage = new double[n];
        double[] topCoverage = new double[top.length];
        for (int z = 0; z < n; z++) {
            composites[z] = combine(methodology.compositeAggregation(), methodology.zeroRule(), top, topWeights, z,
                    pillarScores[z], topCoverage);
            coverage[z] = weightedMean(topCoverage, topWeights);
        }

        String[] regionGroups = new String[n];
        for (int z = 0; z < n; z++) {
            regionGroups[z] = methodology.regionGrouping().groupOf(zones.get(z).region());
        }
        int[] nationalRanks = ranks(composites, null, null);
        int[] regionRanks = new int[n];
        for (String group : new HashSet<>(Arrays.asList(regionGroups))) {
            int[] ranks = ranks(composites, regionGroups, group);
            for (int z = 0; z < n; z++) {
                if (group.equals(regionGroups[z])) {
                    regionRanks[z] = ranks[z];
                }
            }
        }
        return new Scores(zones, composites, pillarScores, coverage, nationalRanks, regionRanks, regionGroups);
    }

    /** A node of the tree with its children, or with the normalised columns and weights of its indicators. */
    private record Part(Aggregation aggregation, Part[] children, double[] childWeights, double[][] columns,
                        double[] indicatorWeights) {
    }

    private Part part(MethodologyNode node, Imputation imputation) {
        if (node.combinesIndicators()) {
            List<IndicatorSpec> specs = node.indicators();
            double[][] columns = new double[specs.size()][];
            double[] weights = new double[specs.size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = column(specs.get(i), imputation);
                weights[i] = specs.get(i).weight();
            }
            return new Part(node.aggregation(), null, null, columns, weights);
        }
        Part[] children = new Part[node.nodes().size()];
        double[] weights = new double[children.length];
        for (int c = 0; c < children.length; c++) {
            children[c] = part(node.nodes().get(c), imputation);
            weights[c] = node.nodes().get(c).weight();
        }
        return new Part(node.aggregation(), children, weights, null, null);
    }

    /**
     * The score of zone {@code z} in a node of indicators, as {@link PillarScorer} gives it; its coverage goes into
     * {@code coverage[0]}.
     */
    private static double scoreNode(Part part, ZeroRule zeroRule, int z, double[] coverage) {
        if (part.columns() != null) {
            double[] row = new double[part.columns().length];
            for (int i = 0; i < row.length; i++) {
                row[i] = part.columns()[i][z];
            }
            coverage[0] = PillarScorer.coverage(row, part.indicatorWeights());
            return PillarScorer.scoreOnly(part.aggregation(), zeroRule, row, part.indicatorWeights());
        }
        double[] childScores = new double[part.children().length];
        double[] childCoverage = new double[part.children().length];
        double score = combine(part.aggregation(), zeroRule, part.children(), part.childWeights(), z, childScores,
                childCoverage);
        coverage[0] = weightedMean(childCoverage, part.childWeights());
        return score;
    }

    /**
     * A node of nodes, as the engine scores it: the aggregation of its children's scores when every child has one,
     * otherwise {@code NaN}. Fills {@code scores} and {@code coverage} with the children's.
     */
    private static double combine(Aggregation aggregation, ZeroRule zeroRule, Part[] children, double[] weights, int z,
                                  double[] scores, double[] coverage) {
        boolean complete = true;
        double[] childCoverage = new double[1];
        for (int c = 0; c < children.length; c++) {
            scores[c] = scoreNode(children[c], zeroRule, z, childCoverage);
            coverage[c] = childCoverage[0];
            complete &= !Double.isNaN(scores[c]);
        }
        return complete ? Aggregators.mean(aggregation, zeroRule, scores, weights) : Double.NaN;
    }

    /** {@code Σ w_c c_c / Σ w_c}, as the engine computes a node's coverage. */
    private static double weightedMean(double[] values, double[] weights) {
        double weighted = 0;
        double total = 0;
        for (int c = 0; c < values.length; c++) {
            weighted += weights[c] * values[c];
            total += weights[c];
        }
        return weighted / total;
    }

    /** The normalised column of an indicator, computed by the engine the first time it is asked for. */
    private double[] column(IndicatorSpec spec, Imputation imputation) {
        return columns.computeIfAbsent(ColumnKey.of(spec, imputation), key ->
                ScoringEngine.column(spec, imputation, zones.size(), current, previous).normalised());
    }

    /**
     * Competition ranks of the zones with a composite, of one region group or ({@code group == null}) all; 0 for the
     * others. Zones stay in code order, so ties fall as in {@link Ranking#competition(Map)}.
     */
    private static int[] ranks(double[] composites, String[] groups, String group) {
        int[] members = new int[composites.length];
        int count = 0;
        for (int z = 0; z < composites.length; z++) {
            if (!Double.isNaN(composites[z]) && (group == null || group.equals(groups[z]))) {
                members[count++] = z;
            }
        }
        double[] scores = new double[count];
        for (int m = 0; m < count; m++) {
            scores[m] = composites[members[m]];
        }
        int[] memberRanks = Ranking.competition(scores);
        int[] ranks = new int[composites.length];
        for (int m = 0; m < count; m++) {
            ranks[members[m]] = memberRanks[m];
        }
        return ranks;
    }
}

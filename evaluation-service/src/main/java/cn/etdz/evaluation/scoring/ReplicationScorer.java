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
     * @param pillarScores  per zone, per pillar of the methodology in its order: 0–100, {@code NaN} when the pillar
     *                      has no score
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
        List<Pillar> pillars = methodology.pillars();
        int n = zones.size();
        double[][][] normalised = new double[pillars.size()][][];
        double[][] indicatorWeights = new double[pillars.size()][];
        double[] pillarWeights = new double[pillars.size()];
        for (int p = 0; p < pillars.size(); p++) {
            List<IndicatorSpec> specs = pillars.get(p).indicators();
            normalised[p] = new double[specs.size()][];
            indicatorWeights[p] = new double[specs.size()];
            for (int i = 0; i < specs.size(); i++) {
                normalised[p][i] = column(specs.get(i), methodology.imputation());
                indicatorWeights[p][i] = specs.get(i).weight();
            }
            pillarWeights[p] = pillars.get(p).weight();
        }

        double totalPillarWeight = methodology.totalPillarWeight();
        double[] composites = new double[n];
        double[][] pillarScores = new double[n][pillars.size()];
        double[] coverage = new double[n];
        for (int z = 0; z < n; z++) {
            boolean complete = true;
            double weightedCoverage = 0;
            for (int p = 0; p < pillars.size(); p++) {
                double[] row = new double[normalised[p].length];
                for (int i = 0; i < row.length; i++) {
                    row[i] = normalised[p][i][z];
                }
                pillarScores[z][p] = PillarScorer.scoreOnly(pillars.get(p).aggregation(), methodology.zeroRule(), row,
                        indicatorWeights[p]);
                complete &= !Double.isNaN(pillarScores[z][p]);
                weightedCoverage += pillarWeights[p] * PillarScorer.coverage(row, indicatorWeights[p]);
            }
            composites[z] = complete ? Aggregators.mean(methodology.compositeAggregation(), methodology.zeroRule(),
                    pillarScores[z], pillarWeights) : Double.NaN;
            coverage[z] = weightedCoverage / totalPillarWeight;
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

package cn.etdz.evaluation.analysis;

import cn.etdz.evaluation.snapshot.Flag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

/**
 * Monte Carlo uncertainty analysis: {@code N} replications, each with every uncertain input drawn at random, and per
 * zone the distribution of its national and region rank and how often each flag is raised.
 *
 * <p>Replication {@code r} draws from its own {@link SplittableRandom}, the {@code r}-th split of one seeded with the
 * analysis's seed, taken in order before any evaluation runs: the same seed gives the same result on any number of
 * cores.
 */
public final class UncertaintyAnalysis {

    /**
     * A rank's distribution over the replications in which the zone is ranked.
     *
     * @param nominal the rank under the methodology as it is; {@code null} if unranked there
     * @param median  50th percentile; {@code null} if the zone is never ranked
     * @param p5      5th percentile (the better end)
     * @param p95     95th percentile
     */
    public record RankInterval(Integer nominal, Double median, Double p5, Double p95) {
    }

    /**
     * One zone's result.
     *
     * @param regionGroup         its region group
     * @param unranked            share of the replications in which the zone has no composite
     * @param flagProbabilities   share of the replications that raise each flag, under the flag rules in force
     * @param nominalFlags        the flags under the methodology as it is
     */
    public record ZoneUncertainty(String zone, String regionGroup, RankInterval nationalRank, RankInterval regionRank,
                                  double unranked, Map<Flag, Double> flagProbabilities, List<Flag> nominalFlags) {
    }

    /**
     * The result.
     *
     * @param inputs the uncertain inputs that were drawn
     * @param zones  one entry per zone, by median national rank (as COINr's plot sorts), then nominal rank and code;
     *               zones never ranked last
     */
    public record UncertaintyResult(int replications, long seed, List<UncertainInput> inputs, List<ZoneUncertainty> zones) {
    }

    private UncertaintyAnalysis() {
    }

    public static UncertaintyResult run(AnalysedPeerGroup group, UncertainInputs inputs, int replications, long seed,
                             ForkJoinPool pool, Progress progress) {
        return run(new Evaluator(group), group, inputs, replications, seed, pool, progress);
    }

    /** The analysis with the given evaluator (tests compare the scores-only path with the full engine). */
    static UncertaintyResult run(Evaluator evaluator, AnalysedPeerGroup group, UncertainInputs inputs, int replications,
                                 long seed, ForkJoinPool pool, Progress progress) {
        Perturbation perturbation = new Perturbation(group.methodology(), inputs);
        int factors = perturbation.factors().size();
        double[][] draws = draws(replications, factors, seed);
        Evaluator.Outcome nominal = evaluator.evaluate(group.methodology());
        List<String> zones = evaluator.zones();
        // by zone, then replication: what each zone's distribution needs, and no outcome kept beyond its evaluation
        int[][] nationalRanks = new int[zones.size()][replications];
        int[][] regionRanks = new int[zones.size()][replications];
        int[][] flags = new int[zones.size()][replications];
        evaluator.evaluateAll(replications, r -> perturbation.methodology(draws[r]), (outcome, r) -> {
            for (int z = 0; z < zones.size(); z++) {
                nationalRanks[z][r] = outcome.nationalRanks()[z];
                regionRanks[z][r] = outcome.regionRanks()[z];
                flags[z][r] = outcome.flags()[z];
            }
        }, pool, progress);

        List<ZoneUncertainty> results = new ArrayList<>(zones.size());
        for (int z = 0; z < zones.size(); z++) {
            double[] national = new double[replications];
            double[] region = new double[replications];
            int ranked = 0;
            Map<Flag, Double> probabilities = new EnumMap<>(Flag.class);
            int[] flagCounts = new int[Flag.values().length];
            for (int r = 0; r < replications; r++) {
                if (nationalRanks[z][r] > 0) {
                    national[ranked] = nationalRanks[z][r];
                    region[ranked] = regionRanks[z][r];
                    ranked++;
                }
                for (Flag flag : Flag.values()) {
                    flagCounts[flag.ordinal()] += (flags[z][r] & (1 << flag.ordinal())) != 0 ? 1 : 0;
                }
            }
            for (Flag flag : Flag.values()) {
                probabilities.put(flag, (double) flagCounts[flag.ordinal()] / replications);
            }
            int zone = z;
            List<Flag> nominalFlags = Arrays.stream(Flag.values()).filter(flag -> nominal.has(zone, flag)).toList();
            results.add(new ZoneUncertainty(zones.get(z), nominal.regionGroups()[z],
                    interval(nominal.nationalRanks()[z], Arrays.copyOf(national, ranked)),
                    interval(nominal.regionRanks()[z], Arrays.copyOf(region, ranked)),
                    (double) (replications - ranked) / replications, probabilities, nominalFlags));
        }
        results.sort(Comparator.comparing((ZoneUncertainty zone) -> zone.nationalRank().median(),
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(zone -> zone.nationalRank().nominal(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ZoneUncertainty::zone));
        return new UncertaintyResult(replications, seed, perturbation.factors(), results);
    }

    /** {@code count} rows of {@code factors} uniforms; row {@code r} from the {@code r}-th split of the seed. */
    static double[][] draws(int count, int factors, long seed) {
        SplittableRandom master = new SplittableRandom(seed);
        double[][] draws = new double[count][factors];
        for (int r = 0; r < count; r++) {
            SplittableRandom replication = master.split();
            for (int k = 0; k < factors; k++) {
                draws[r][k] = replication.nextDouble();
            }
        }
        return draws;
    }

    private static RankInterval interval(int nominal, double[] ranks) {
        Integer nominalRank = nominal == 0 ? null : nominal;
        if (ranks.length == 0) {
            return new RankInterval(nominalRank, null, null, null);
        }
        Arrays.sort(ranks);
        return new RankInterval(nominalRank, Quantiles.of(ranks, 0.5), Quantiles.of(ranks, 0.05),
                Quantiles.of(ranks, 0.95));
    }
}

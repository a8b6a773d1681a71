package cn.etdz.evaluation.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Variance-based sensitivity analysis: first-order and total Sobol indices of each uncertain input, with bootstrap
 * confidence intervals ({@link SobolIndices}), from a Saltelli design of {@code N} rows: {@code N (k + 2)} evaluations
 * for {@code k} inputs. Row {@code r} of A and B draws from the {@code r}-th split of a generator seeded with the seed.
 *
 * <p>Outputs: the national rank of each zone (an unranked zone counts as rank = number of zones, last of all), and
 * the mean absolute rank shift, {@code (1/n) Σ_z |rank_z − nominal rank_z|} over all {@code n} zones, as a summary of
 * how much the whole ranking moves.
 */
public final class SensitivityAnalysis {

    /** Number of bootstrap resamples for the confidence intervals. */
    public static final int BOOTSTRAP = 200;
    /** Level of the confidence intervals. */
    public static final double CONFIDENCE = 0.95;

    /** The indices of one input for one output. */
    public record InputIndices(UncertainInput input, SobolIndices.SobolEstimate firstOrder, SobolIndices.SobolEstimate total) {
    }

    /**
     * The indices of one output.
     *
     * @param variance the output's variance over the rows of A and B; 0 means it never changed (indices null)
     */
    public record OutputIndices(double variance, List<InputIndices> inputs) {
    }

    /** One zone's national rank as the output. */
    public record ZoneSensitivity(String zone, Integer nominalRank, OutputIndices indices) {
    }

    /**
     * The result.
     *
     * @param evaluations          {@code N (k + 2)}
     * @param meanAbsoluteRankShift the summary output
     * @param zones                one entry per zone, by nominal national rank then code, unranked last
     */
    public record SensitivityResult(int replications, long seed, int evaluations, int bootstrapSamples, double confidence,
                         List<UncertainInput> inputs, OutputIndices meanAbsoluteRankShift,
                         List<ZoneSensitivity> zones) {
    }

    private SensitivityAnalysis() {
    }

    /** @throws IllegalArgumentException if no input is uncertain */
    public static SensitivityResult run(AnalysedPeerGroup group, UncertainInputs inputs, int replications, long seed,
                             ForkJoinPool pool, Progress progress) {
        return run(new Evaluator(group), group, inputs, replications, seed, pool, progress);
    }

    /** The analysis with the given evaluator (tests compare the scores-only path with the full engine). */
    static SensitivityResult run(Evaluator evaluator, AnalysedPeerGroup group, UncertainInputs inputs, int replications,
                                 long seed, ForkJoinPool pool, Progress progress) {
        Perturbation perturbation = new Perturbation(group.methodology(), inputs);
        List<UncertainInput> factors = perturbation.factors();
        int k = factors.size();
        if (k == 0) {
            throw new IllegalArgumentException("a sensitivity analysis needs at least one uncertain input");
        }
        double[][] ab = UncertaintyAnalysis.draws(replications, 2 * k, seed);
        // evaluation e: block 0 = A, block 1 = B, block 2 + i = A with column i from B
        int blocks = k + 2;
        Evaluator.Outcome nominal = evaluator.evaluate(group.methodology());
        int zones = evaluator.zones().size();
        int evaluations = replications * blocks;
        // each zone's rank by block and row (ints: a 2 500-zone analysis keeps 70 MB, not twice that), and the summary
        int[][][] ranks = new int[zones][blocks][replications];
        double[][] shifts = new double[blocks][replications];
        evaluator.evaluateAll(evaluations, e -> perturbation.methodology(row(ab[e % replications], e / replications, k)),
                (outcome, e) -> {
                    double shift = 0;
                    for (int z = 0; z < zones; z++) {
                        int rank = (int) outcome.rankOrLast(z);
                        ranks[z][e / replications][e % replications] = rank;
                        shift += Math.abs(rank - nominal.rankOrLast(z));
                    }
                    shifts[e / replications][e % replications] = zones == 0 ? 0 : shift / zones;
                }, pool, progress);
        long bootstrapSeed = new SplittableRandom(seed).split().nextLong();
        OutputIndices[] indices = new OutputIndices[zones + 1];
        pool.submit(() -> IntStream.rangeClosed(0, zones).parallel().forEach(z ->
                indices[z] = indices(z == zones ? shifts : asDoubles(ranks[z]), factors, bootstrapSeed))).join();

        List<Integer> order = new ArrayList<>(IntStream.range(0, zones).boxed().toList());
        order.sort((a, b) -> Double.compare(nominal.rankOrLast(a), nominal.rankOrLast(b)));
        List<ZoneSensitivity> results = order.stream().map(z -> new ZoneSensitivity(evaluator.zones().get(z),
                nominal.nationalRanks()[z] == 0 ? null : nominal.nationalRanks()[z], indices[z])).toList();
        return new SensitivityResult(replications, seed, evaluations, BOOTSTRAP, CONFIDENCE, factors, indices[zones],
                results);
    }

    /** The draw of one evaluation: row A (block 0), row B (block 1), or row A with column {@code block − 2} of B. */
    private static double[] row(double[] ab, int block, int k) {
        double[] u = new double[k];
        if (block == 1) {
            System.arraycopy(ab, k, u, 0, k);
        } else {
            System.arraycopy(ab, 0, u, 0, k);
            if (block >= 2) {
                u[block - 2] = ab[k + block - 2];
            }
        }
        return u;
    }

    private static double[][] asDoubles(int[][] ranks) {
        double[][] values = new double[ranks.length][];
        for (int b = 0; b < ranks.length; b++) {
            values[b] = java.util.Arrays.stream(ranks[b]).asDoubleStream().toArray();
        }
        return values;
    }

    private static OutputIndices indices(double[][] outputs, List<UncertainInput> factors, long seed) {
        int k = factors.size();
        double[][] fAB = new double[k][];
        System.arraycopy(outputs, 2, fAB, 0, k);
        SobolIndices.Indices[] estimated = SobolIndices.estimate(outputs[0], outputs[1], fAB, BOOTSTRAP, CONFIDENCE,
                seed);
        List<InputIndices> inputs = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            inputs.add(new InputIndices(factors.get(i), estimated[i].firstOrder(), estimated[i].total()));
        }
        return new OutputIndices(variance(outputs[0], outputs[1]), inputs);
    }

    private static double variance(double[] fA, double[] fB) {
        double mean = 0;
        for (int j = 0; j < fA.length; j++) {
            mean += fA[j] + fB[j];
        }
        mean /= 2.0 * fA.length;
        double squares = 0;
        for (int j = 0; j < fA.length; j++) {
            squares += (fA[j] - mean) * (fA[j] - mean) + (fB[j] - mean) * (fB[j] - mean);
        }
        return squares / (2.0 * fA.length);
    }
}

package cn.etdz.evaluation.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Ranks of zones by score, higher score first. */
public final class Ranking {

    /**
     * Scores closer than this (on the 0–100 scale) are tied: it absorbs rounding differences between sums that are
     * equal in exact arithmetic, e.g. {@code 0.5·60 + 0.5·40} and {@code 0.5·40 + 0.5·60}.
     */
    public static final double TIE_TOLERANCE = 1e-9;

    private Ranking() {
    }

    /**
     * Standard competition ranking ("1224"): tied zones share the best rank of their group and the next zone's rank
     * counts every zone above it, e.g. scores 90, 80, 80, 70 rank 1, 2, 2, 4. A tie group is every score within
     * {@link #TIE_TOLERANCE} of the group's highest score. Only the zones passed in are ranked: unranked zones
     * (no composite) are left out by the caller and get no rank.
     *
     * @param scores score by zone code; every score finite
     * @return rank by zone code, 1 the best
     */
    public static Map<String, Integer> competition(Map<String, Double> scores) {
        List<String> codes = new ArrayList<>(scores.keySet());
        codes.sort(Comparator.naturalOrder());
        double[] values = new double[codes.size()];
        for (int i = 0; i < values.length; i++) {
            Double score = scores.get(codes.get(i));
            if (score == null || !Double.isFinite(score)) {
                throw new IllegalArgumentException("score of " + codes.get(i) + " is not a finite number");
            }
            values[i] = score;
        }
        int[] ranks = competition(values);
        Map<String, Integer> byCode = new HashMap<>();
        for (int i = 0; i < ranks.length; i++) {
            byCode.put(codes.get(i), ranks[i]);
        }
        return byCode;
    }

    /**
     * The same ranking over an array: {@code ranks[i]} is the rank of {@code scores[i]}; of equal scores the lower
     * index comes first (callers pass zones in code order, as {@link #competition(Map)} orders them).
     *
     * @param scores every score finite
     * @return rank by index, 1 the best
     */
    public static int[] competition(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is not a finite number");
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int byScore = Double.compare(scores[b], scores[a]);
            return byScore != 0 ? byScore : Integer.compare(a, b);
        });
        int[] ranks = new int[scores.length];
        int rank = 0;
        double groupScore = Double.NaN;
        for (int i = 0; i < order.length; i++) {
            double score = scores[order[i]];
            if (i == 0 || groupScore - score > TIE_TOLERANCE) {
                rank = i + 1;
                groupScore = score;
            }
            ranks[order[i]] = rank;
        }
        return ranks;
    }
}

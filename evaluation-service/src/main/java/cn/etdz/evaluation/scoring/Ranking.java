package cn.etdz.evaluation.scoring;

import java.util.ArrayList;
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
        List<Map.Entry<String, Double>> ordered = new ArrayList<>(scores.entrySet());
        for (Map.Entry<String, Double> entry : ordered) {
            if (entry.getValue() == null || !Double.isFinite(entry.getValue())) {
                throw new IllegalArgumentException("score of " + entry.getKey() + " is not a finite number");
            }
        }
        ordered.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        Map<String, Integer> ranks = new HashMap<>();
        int rank = 0;
        double groupScore = Double.NaN;
        for (int i = 0; i < ordered.size(); i++) {
            double score = ordered.get(i).getValue();
            if (i == 0 || groupScore - score > TIE_TOLERANCE) {
                rank = i + 1;
                groupScore = score;
            }
            ranks.put(ordered.get(i).getKey(), rank);
        }
        return ranks;
    }
}

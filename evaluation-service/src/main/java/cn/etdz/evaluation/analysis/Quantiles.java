package cn.etdz.evaluation.analysis;

/** Sample quantiles as R's default ({@code type = 7}, which COINr uses): linear between order statistics. */
final class Quantiles {

    private Quantiles() {
    }

    /** The {@code p}-quantile of values sorted ascending, not empty. */
    static double of(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }
}

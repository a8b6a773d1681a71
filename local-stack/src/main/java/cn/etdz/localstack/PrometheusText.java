package cn.etdz.localstack;

import java.util.Arrays;
import java.util.OptionalDouble;

/** Reads a sample from a Prometheus text exposition ({@code /q/metrics}) in tests. */
public final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * The sum of the samples of {@code metric} whose labels include every {@code key="value"} given, or empty when the
     * metric has no such sample.
     *
     * @param labels alternating label names and values
     */
    public static OptionalDouble sample(String exposition, String metric, String... labels) {
        return Arrays.stream(exposition.split("\n"))
                .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .filter(line -> hasLabels(line, labels))
                .mapToDouble(PrometheusText::value)
                .reduce(Double::sum);
    }

    /** The value follows the name and labels; an exemplar ({@code # {trace_id=…} 1.0 1795…}) may follow it. */
    private static double value(String line) {
        int labelsEnd = line.indexOf('}');
        String rest = line.substring(labelsEnd < 0 ? line.indexOf(' ') : labelsEnd + 1).trim();
        return Double.parseDouble(rest.split(" ")[0]);
    }

    private static boolean hasLabels(String line, String... labels) {
        for (int i = 0; i + 1 < labels.length; i += 2) {
            if (!line.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
                return false;
            }
        }
        return true;
    }
}

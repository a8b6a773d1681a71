package cn.etdz.localstack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs wrk, the native HTTP load generator, when it is installed. On a 2-core machine JVM client threads take a large
 * share of the cores the stack needs, so the benchmarks also measure with wrk, whose figures are closer to what the
 * stack itself does.
 */
final class Wrk {

    /** What one wrk run measured: latency percentiles in milliseconds, requests per second, non-2xx/3xx answers. */
    record Report(double p50Millis, double p99Millis, double requestsPerSecond, long failed) {
    }

    private static final Pattern PERCENTILE = Pattern.compile("\\n\\s+(50|99)%\\s+([\\d.]+)(us|ms|s)");

    /** wrk's threads: one per core of the machines this runs on; each has its own Lua state. */
    static final int THREADS = 2;

    private Wrk() {
    }

    static boolean installed() throws IOException, InterruptedException {
        return new ProcessBuilder("sh", "-c", "command -v wrk").start().waitFor() == 0;
    }

    /**
     * Runs {@code wrk -t<THREADS> --latency -c<connections> <options> -d<duration> <url> [-- scriptArgs]}.
     *
     * @param options more wrk options, e.g. {@code -H "Authorization: …"} or {@code -s script.lua}
     */
    static Report run(int connections, List<String> options, String duration, String url, String... scriptArgs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + THREADS, "-c" + connections, "--latency"));
        command.addAll(options);
        command.addAll(List.of("-d" + duration, url));
        if (scriptArgs.length > 0) {
            command.add("--");
            command.addAll(List.of(scriptArgs));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0 || !output.contains("Requests/sec")) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            double millis = Double.parseDouble(percentile.group(2)) * switch (percentile.group(3)) {
                case "us" -> 0.001;
                case "s" -> 1000;
                default -> 1;
            };
            if (percentile.group(1).equals("50")) {
                p50 = millis;
            } else {
                p99 = millis;
            }
        }
        double rate = Double.parseDouble(output.replaceAll("(?s).*Requests/sec:\\s+([\\d.]+).*", "$1"));
        long failed = output.contains("Non-2xx")
                ? Long.parseLong(output.replaceAll("(?s).*Non-2xx or 3xx responses:\\s+(\\d+).*", "$1")) : 0;
        return new Report(p50, p99, rate, failed);
    }

    static String describe(Report report) {
        return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, %.0f requests/s, %d failed answers",
                report.p50Millis(), report.p99Millis(), report.requestsPerSecond(), report.failed());
    }
}

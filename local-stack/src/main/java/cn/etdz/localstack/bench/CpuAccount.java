package cn.etdz.localstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time of the stack's processes, read from {@code /proc} (Linux): each service, PostgreSQL (every postgres process
 * plus the finished backends the postmaster has reaped) and this JVM (the Kafka broker and the load clients). On a
 * machine where they all share a few cores this says where a benchmark's time went.
 */
final class CpuAccount {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on every mainstream Linux

    private final Map<String, Long> services;

    CpuAccount(Map<String, Long> servicePids) {
        this.services = servicePids;
    }

    /** CPU seconds used so far, per part. */
    Map<String, Double> sample() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        services.forEach((name, pid) -> seconds.put(name, ticks(pid) / TICKS_PER_SECOND));
        seconds.put("postgresql", postgresTicks() / TICKS_PER_SECOND);
        seconds.put("kafka+clients", ticks(ProcessHandle.current().pid()) / TICKS_PER_SECOND);
        return seconds;
    }

    /**
     * Waits (at most 20 s) until the stack is quiet: under a tenth of a core used over half a second. Measurements
     * start from there, so one does not pay for the tail of the work the previous one caused (e.g. the evaluation
     * service still consuming an import). When the stack stays busy the measurement goes ahead, and says so.
     */
    void awaitQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        double before = total(sample());
        double used = Double.NaN;
        while (System.nanoTime() < deadline) {
            Thread.sleep(500); // the half-second window the CPU use is measured over, not a wait for an event
            double now = total(sample());
            used = now - before;
            if (used < 0.05) {
                return;
            }
            before = now;
        }
        System.out.printf(Locale.ROOT, "[bench] the stack did not quiet down in 20 s (last %.2f cores): measuring anyway%n",
                used / 0.5);
    }

    private static double total(Map<String, Double> seconds) {
        return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The CPU seconds each part used between two samples, formatted on one line. */
    static String between(Map<String, Double> before, Map<String, Double> after) {
        double total = after.keySet().stream().mapToDouble(part -> after.get(part) - before.getOrDefault(part, 0.0)).sum();
        return String.format(Locale.ROOT, "%.1f s CPU: ", total) + after.keySet().stream()
                .map(part -> String.format(Locale.ROOT, "%s %.1f s", part, after.get(part) - before.getOrDefault(part, 0.0)))
                .collect(Collectors.joining(", "));
    }

    private static long postgresTicks() {
        long sum = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (String process : processes.map(p -> p.toFile().getName()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .toList()) {
                String[] stat = stat(Long.parseLong(process));
                if (stat != null && stat[1].equals("(postgres)")) {
                    long parent = Long.parseLong(stat[3]);
                    boolean postmaster = !"(postgres)".equals(statOrEmpty(parent)[1]);
                    sum += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
                    if (postmaster) { // reaped backends' time is counted in the postmaster's children fields
                        sum += Long.parseLong(stat[15]) + Long.parseLong(stat[16]);
                    }
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return sum;
    }

    private static long ticks(long pid) {
        String[] stat = stat(pid);
        return stat == null ? 0 : Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
    }

    private static String[] statOrEmpty(long pid) {
        String[] stat = stat(pid);
        return stat == null ? new String[]{"", ""} : stat;
    }

    /** Fields of /proc/PID/stat; the command name (field 2) never contains a space for the processes we read. */
    private static String[] stat(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/stat")).trim().split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}

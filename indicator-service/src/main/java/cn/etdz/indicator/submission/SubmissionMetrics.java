package cn.etdz.indicator.submission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts stored and rejected submissions ({@code submissions_accepted_total}, {@code submissions_rejected_total} on
 * {@code /q/metrics}), tagged {@code mode=single|batch|workbook}. Counted after the transaction committed; dry runs, replays of
 * an Idempotency-Key and 403s are not counted.
 */
@ApplicationScoped
public class SubmissionMetrics {

    private final MeterRegistry registry;

    SubmissionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted(String mode, int count) {
        counter("submissions.accepted", "Submissions stored as a new revision", mode).increment(count);
    }

    public void rejected(String mode, int count) {
        counter("submissions.rejected", "Submissions rejected by a hard rule (422 or a REJECTED batch item)", mode)
                .increment(count);
    }

    private Counter counter(String name, String description, String mode) {
        return Counter.builder(name).description(description).tag("mode", mode).register(registry);
    }
}

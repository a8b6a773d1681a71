package cn.etdz.indicator.submission;

import cn.etdz.common.problem.Violation;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A submission after validation: either violations (rejected) or accepted with its warnings, lateness and sender.
 *
 * @param forbidden the caller may not submit for this zone (a single POST answers 403)
 */
record Evaluated(SubmissionRequest request, List<Violation> violations, boolean forbidden, List<Violation> warnings,
                 boolean late, OffsetDateTime receivedAt, String submittedBy, String submitterProvince) {

    boolean accepted() {
        return violations.isEmpty();
    }
}

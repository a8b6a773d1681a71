package cn.etdz.indicator.submission;

import cn.etdz.common.problem.Violation;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A submission after validation: either violations (rejected) or accepted with its warnings, lateness and sender.
 *
 * @param request   the submission with every value of the revision it makes (an amendment resolved)
 * @param forbidden the caller may not submit for this zone (a single POST answers 403)
 * @param amended   the indicators an amendment set or removed; null for a replacement
 */
record Evaluated(SubmissionRequest request, List<Violation> violations, boolean forbidden, List<Violation> warnings,
                 boolean late, OffsetDateTime receivedAt, String submittedBy, String submitterProvince,
                 List<String> amended) {

    Evaluated(SubmissionRequest request, List<Violation> violations, boolean forbidden, List<Violation> warnings,
              boolean late, OffsetDateTime receivedAt, String submittedBy, String submitterProvince) {
        this(request, violations, forbidden, warnings, late, receivedAt, submittedBy, submitterProvince, null);
    }

    /** This submission as an amendment: its violations and warnings named by the request's fields. */
    Evaluated amendment(Amendments.Resolved resolved) {
        return new Evaluated(request, resolved.inRequestFields(violations), forbidden, resolved.inRequestFields(warnings),
                late, receivedAt, submittedBy, submitterProvince, resolved.amended());
    }

    SubmissionMode mode() {
        return amended == null ? SubmissionMode.REPLACE : SubmissionMode.AMEND;
    }

    boolean accepted() {
        return violations.isEmpty();
    }
}

package cn.etdz.indicator.submission;

import cn.etdz.common.i18n.Localisable;
import cn.etdz.common.problem.Violation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * An accepted submission (or, for a dry run, what would be accepted: no id).
 *
 * @param id          id of the stored submission; null for a dry run
 * @param revision    1, 2, 3 … within the zone-period; the newest counts
 * @param status      {@code ACCEPTED}, or {@code VALID} for a dry run
 * @param late        received after the period's deadline
 * @param submittedBy token subject of the sender
 * @param values      every value of the revision; for an amendment, those carried forward too
 * @param warnings    plausibility warnings; they do not reject the submission
 * @param mode        REPLACE: the values were sent as the whole revision; AMEND: they amended the newest revision
 */
public record SubmissionView(Long id, String zone, String period, int revision, String status, boolean late,
                             OffsetDateTime receivedAt, String submittedBy, List<Value> values,
                             List<Violation> warnings, SubmissionMode mode) implements Localisable<SubmissionView> {

    @Override
    public SubmissionView in(Locale locale) {
        return new SubmissionView(id, zone, period, revision, status, late, receivedAt, submittedBy, values,
                warnings.stream().map(warning -> warning.in(locale)).toList(), mode);
    }

    @Schema(name = "StoredValue", description = "One indicator value as stored in a revision.")
    public record Value(String indicator, double value, boolean provisional, String note) {
    }

}

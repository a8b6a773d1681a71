package cn.etdz.indicator.submission;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.Violation;
import cn.etdz.common.events.SubmissionAccepted;

import java.util.ArrayList;
import java.util.List;

/** Explicit mapping between stored submissions, the API view and the event payload. */
final class SubmissionMapper {

    private SubmissionMapper() {
    }

    static SubmissionView view(SubmissionEntity submission) {
        return new SubmissionView(submission.id, submission.zoneCode, submission.period, submission.revision,
                submission.status.name(), submission.late, submission.receivedAt, submission.submittedBy,
                submission.values.stream()
                        .map(v -> new SubmissionView.Value(v.indicator, v.value, v.provisional, v.note))
                        .toList(),
                submission.warnings.stream()
                        .map(w -> new Violation(w.field, w.code, w.message,
                                w.messageKey == null ? null : new Message(w.messageKey, List.of(w.messageArgs))))
                        .toList(),
                submission.mode);
    }

    /** The view of a submission that was just validated (and, unless a dry run, stored with this id). */
    static SubmissionView view(Long id, int revision, SubmissionStatus status, Evaluated item) {
        List<SubmissionView.Value> values = new ArrayList<>();
        for (SubmissionRequest.Value value : item.request().values()) {
            values.add(new SubmissionView.Value(value.indicator(), value.value(),
                    Boolean.TRUE.equals(value.provisional()), value.note()));
        }
        return new SubmissionView(id, item.request().zone(), item.request().period(), revision, status.name(), item.late(),
                item.receivedAt(), item.submittedBy(), values, item.warnings(), item.mode());
    }

    static SubmissionAccepted event(long id, int revision, Evaluated item) {
        return new SubmissionAccepted(id, item.request().zone(), item.request().period(), revision, item.late(),
                item.receivedAt(), item.submittedBy(),
                item.request().values().stream()
                        .map(v -> new SubmissionAccepted.Value(v.indicator(), v.value(),
                                Boolean.TRUE.equals(v.provisional()), v.note()))
                        .toList(),
                item.mode().name(), item.amended());
    }
}

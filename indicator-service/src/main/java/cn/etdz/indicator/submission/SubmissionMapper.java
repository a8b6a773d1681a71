package cn.etdz.indicator.submission;

import cn.etdz.common.events.SubmissionAccepted;

import java.util.List;

/** Explicit mapping between the submission entity, the API view and the event payload. */
final class SubmissionMapper {

    private SubmissionMapper() {
    }

    static SubmissionView view(SubmissionEntity submission, List<SubmissionView.Warning> warnings) {
        return new SubmissionView(submission.id, submission.zoneCode, submission.period, submission.revision,
                submission.status, submission.late, submission.receivedAt, submission.submittedBy,
                submission.values.stream()
                        .map(v -> new SubmissionView.Value(v.indicator, v.value, v.provisional, v.note))
                        .toList(),
                warnings);
    }

    static SubmissionAccepted event(SubmissionEntity submission) {
        return new SubmissionAccepted(submission.id, submission.zoneCode, submission.period, submission.revision,
                submission.late, submission.receivedAt, submission.submittedBy,
                submission.values.stream()
                        .map(v -> new SubmissionAccepted.Value(v.indicator, v.value, v.provisional, v.note))
                        .toList());
    }

    static void addValues(SubmissionEntity submission, List<SubmissionRequest.Value> values) {
        for (int i = 0; i < values.size(); i++) {
            SubmissionRequest.Value value = values.get(i);
            SubmissionValueEntity entity = new SubmissionValueEntity();
            entity.submission = submission;
            entity.position = i;
            entity.indicator = value.indicator();
            entity.value = value.value();
            entity.provisional = Boolean.TRUE.equals(value.provisional());
            entity.note = value.note();
            submission.values.add(entity);
        }
    }
}

package cn.etdz.evaluation.readmodel;

import cn.etdz.common.events.EventEnvelope;
import cn.etdz.common.events.SubmissionAccepted;
import cn.etdz.evaluation.snapshot.Recomputation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Applies one accepted submission to the read model in one transaction: the newest revision of a zone-period wins,
 * an older revision arriving late changes nothing, and an event id seen before is skipped. A new revision marks its
 * peer group (and the next period's, whose growth rates depend on it) for recomputation once the transaction commits.
 */
@ApplicationScoped
public class ReadModelUpdater {

    /** What applying an event did. */
    public enum Outcome {
        /** The event's revision is now the one that counts. */
        APPLIED,
        /** A newer (or the same) revision was already applied; nothing changed. */
        STALE,
        /** This event id was consumed before; nothing changed. */
        DUPLICATE
    }

    @Inject
    ReadModelRepository readModel;
    @Inject
    Recomputation recomputation;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome apply(EventEnvelope envelope, SubmissionAccepted submission) {
        if (readModel.alreadyApplied(envelope.id())) {
            return Outcome.DUPLICATE;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Optional<ZonePeriodInput> current = readModel.input(submission.zone(), submission.period());
        Outcome outcome = current.filter(input -> input.revision >= submission.revision()).isPresent()
                ? Outcome.STALE : Outcome.APPLIED;
        if (outcome == Outcome.APPLIED) {
            ZonePeriodInput input = new ZonePeriodInput();
            input.zoneCode = submission.zone();
            input.period = submission.period();
            input.revision = submission.revision();
            input.submissionId = submission.submissionId();
            input.late = submission.late();
            input.receivedAt = submission.receivedAt();
            input.eventId = envelope.id();
            input.appliedAt = now;
            readModel.replace(input, submission.values().stream().map(value -> {
                ZonePeriodInputValue row = new ZonePeriodInputValue();
                row.zoneCode = submission.zone();
                row.period = submission.period();
                row.indicator = value.indicator();
                row.value = value.value();
                row.provisional = value.provisional();
                return row;
            }).toList());
            // the period's peer group, and the next period's whose growth rates read this one
            readModel.zoneType(submission.zone()).ifPresent(type -> {
                recomputation.markAfterCommit(type, submission.period());
                nextPeriod(submission.period()).ifPresent(next -> recomputation.markAfterCommit(type, next));
            });
        }
        AppliedEvent applied = new AppliedEvent();
        applied.eventId = envelope.id();
        applied.eventType = envelope.type();
        applied.subject = envelope.subject();
        applied.outcome = outcome.name();
        applied.appliedAt = now;
        readModel.record(applied);
        return outcome;
    }

    private static Optional<String> nextPeriod(String period) {
        try {
            return Optional.of(Integer.toString(Integer.parseInt(period) + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

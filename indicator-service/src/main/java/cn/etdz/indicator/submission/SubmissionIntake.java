package cn.etdz.indicator.submission;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;
import cn.etdz.indicator.config.IndicatorConfig;
import cn.etdz.indicator.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes in submissions, one or a batch: checks them ({@link SubmissionChecks}), stores the accepted ones with their
 * events ({@link SubmissionWriter}) and answers a repeated Idempotency-Key with its first result
 * ({@link IdempotentReplays}).
 */
@ApplicationScoped
@Transactional
public class SubmissionIntake {

    /** A single submission's outcome; {@code replayed} when an Idempotency-Key returned an earlier result. */
    public record Submitted(SubmissionView submission, boolean replayed) {
    }

    /** A batch's outcome; {@code replayed} when an Idempotency-Key returned an earlier batch's result. */
    public record BatchSubmitted(BatchResult result, boolean replayed) {
    }

    /** Raised to roll back a request that lost the race for its Idempotency-Key; the resource then replays. */
    public static class ConcurrentIdempotentRequest extends RuntimeException {
        ConcurrentIdempotentRequest() {
            super(null, null, false, false);
        }
    }

    @Inject
    SubmissionChecks checks;
    @Inject
    SubmissionWriter writer;
    @Inject
    IdempotentReplays replays;
    @Inject
    SubmissionRepository submissions;
    @Inject
    Caller caller;
    @Inject
    IndicatorConfig config;

    /**
     * Validates one submission and, unless {@code dryRun}, stores it as the next revision of its zone-period with its
     * event. With an {@code idempotencyKey} seen before, returns that request's result (same body) or answers 409.
     */
    public Submitted submit(SubmissionRequest request, boolean dryRun, String idempotencyKey) {
        String requestHash = idempotencyKey == null ? null : replays.hash(request);
        if (idempotencyKey != null && !dryRun) {
            Optional<SubmissionView> earlier = replays.replay(idempotencyKey, requestHash);
            if (earlier.isPresent()) {
                return new Submitted(earlier.get(), true);
            }
        }
        Evaluated item = checks.evaluate(List.of(request), Map.of()).get(0);
        if (item.forbidden()) {
            throw ProblemException.forbidden(caller.ownProvinceOnly());
        }
        if (!item.accepted()) {
            throw ProblemException.invalid(Message.of("indicator.submission.rejected"), item.violations());
        }
        if (dryRun) {
            return new Submitted(SubmissionMapper.view(null,
                    submissions.peekNextRevision(request.zone(), request.period()), SubmissionStatus.VALID, item), false);
        }
        SubmissionWriter.Stored stored = writer.store(List.of(item)).get(0);
        if (idempotencyKey != null && !replays.claim(idempotencyKey, requestHash, stored.id())) {
            // A concurrent request with the same key committed first: this one must not create a revision.
            throw new ConcurrentIdempotentRequest();
        }
        return new Submitted(SubmissionMapper.view(stored.id(), stored.revision(), SubmissionStatus.ACCEPTED, item),
                false);
    }

    /** After losing the race for an Idempotency-Key: the winner's result (or 409 for a different body). */
    public SubmissionView replayAfterRace(SubmissionRequest request, String idempotencyKey) {
        return replays.replay(idempotencyKey, replays.hash(request)).orElseThrow();
    }

    /**
     * Validates every submission independently and stores the valid ones in one transaction: a batch is stored whole
     * or not at all. With an {@code idempotencyKey} seen before, returns that batch's result (same submissions) or
     * answers 409, so a caller who lost the answer can resend the batch safely.
     *
     * @param readProblems violations found while reading the batch (e.g. an unreadable CSV value), by submission index
     */
    public BatchSubmitted submitBatch(List<SubmissionRequest> requests, boolean dryRun,
                                      Map<Integer, List<Violation>> readProblems, String idempotencyKey) {
        String requestHash = idempotencyKey == null || dryRun ? null : replays.hash(requests);
        if (requestHash != null) {
            Optional<BatchResult> earlier = replays.replayBatch(idempotencyKey, requestHash);
            if (earlier.isPresent()) {
                return new BatchSubmitted(earlier.get(), true);
            }
        }
        BatchResult result = storeBatch(requests, dryRun, readProblems);
        if (requestHash != null && !replays.claimBatch(idempotencyKey, requestHash, result)) {
            throw new ConcurrentIdempotentRequest();
        }
        return new BatchSubmitted(result, false);
    }

    /** After losing the race for a batch's Idempotency-Key: the winner's result (or 409 for other submissions). */
    public BatchResult replayBatchAfterRace(List<SubmissionRequest> requests, String idempotencyKey) {
        return replays.replayBatch(idempotencyKey, replays.hash(requests)).orElseThrow();
    }

    private BatchResult storeBatch(List<SubmissionRequest> requests, boolean dryRun,
                                   Map<Integer, List<Violation>> readProblems) {
        if (requests.size() > config.submissions().maxBatchSize()) {
            throw new ProblemException(413, "batch-too-large", Message.of("indicator.batch.too-large.title"),
                    Message.of("indicator.batch.too-large", config.submissions().maxBatchSize(), requests.size()), List.of());
        }
        List<Evaluated> evaluated = checks.evaluate(requests, readProblems);
        List<Evaluated> accepted = evaluated.stream().filter(Evaluated::accepted).toList();
        List<SubmissionWriter.Stored> stored = dryRun ? List.of() : writer.store(accepted);
        List<BatchResult.Item> results = new ArrayList<>(evaluated.size());
        int next = 0;
        for (int i = 0; i < evaluated.size(); i++) {
            Evaluated item = evaluated.get(i);
            SubmissionRequest request = item.request();
            if (!item.accepted()) {
                results.add(new BatchResult.Item(i, request.zone(), request.period(), SubmissionStatus.REJECTED.name(), null,
                        null, null, null, item.violations()));
            } else if (dryRun) {
                results.add(new BatchResult.Item(i, request.zone(), request.period(), SubmissionStatus.VALID.name(), null,
                        null, item.late(), item.warnings(), null));
            } else {
                SubmissionWriter.Stored done = stored.get(next++);
                results.add(new BatchResult.Item(i, request.zone(), request.period(), SubmissionStatus.ACCEPTED.name(),
                        done.id(), done.revision(), item.late(), item.warnings(), null));
            }
        }
        return new BatchResult(accepted.size(), evaluated.size() - accepted.size(), results);
    }
}

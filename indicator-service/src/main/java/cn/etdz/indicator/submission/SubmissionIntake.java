package cn.etdz.indicator.submission;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;
import cn.etdz.indicator.config.IndicatorConfig;
import cn.etdz.indicator.period.PeriodService;
import cn.etdz.indicator.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Takes in submissions, one or a batch: resolves amendments into the whole revisions they make ({@link Amendments}),
 * checks them ({@link SubmissionChecks}), refuses them all while one's period is closed ({@link PeriodService}; a
 * single submission for another province's zone is refused as forbidden first), stores the accepted ones with their
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
    @Inject
    SubmissionQueries queries;
    @Inject
    PeriodService periods;

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
        Evaluated item = evaluate(List.of(request), Map.of()).get(0);
        if (item.forbidden()) {
            throw ProblemException.forbidden(caller.ownProvinceOnly());
        }
        // a submission without a period is refused with the other violations below
        periods.refuseClosed(Collections.singletonList(request.period()));
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
        periods.refuseClosed(requests.stream().map(SubmissionRequest::period).toList());
        List<Evaluated> evaluated = evaluate(requests, readProblems);
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

    /**
     * Checks submissions as the revisions they make. With an amendment among them, first locks every zone-period of
     * them in key order (as the writer claims them, so two requests cannot deadlock) and resolves each amendment
     * against its newest revision, which then stays newest until this transaction stores the next one.
     */
    private List<Evaluated> evaluate(List<SubmissionRequest> requests, Map<Integer, List<Violation>> readProblems) {
        Map<String, List<SubmissionRequest.Value>> newest = requests.stream().noneMatch(SubmissionRequest::amends)
                ? Map.of()
                : queries.lockNewestRevisions(requests.stream()
                        .filter(request -> request.zone() != null && request.period() != null)
                        .map(SubmissionIntake::key).collect(Collectors.toCollection(TreeSet::new)));
        List<SubmissionRequest> complete = new ArrayList<>(requests);
        Map<Integer, List<Violation>> problems = new HashMap<>(readProblems);
        Map<Integer, Amendments.Resolved> amendments = new HashMap<>();
        Set<String> earlier = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            SubmissionRequest request = requests.get(i);
            boolean seenBefore = !earlier.add(key(request));
            if (!request.amends()) {
                List<Violation> own = Amendments.replacementProblems(request);
                if (!own.isEmpty()) {
                    problems.merge(i, own, SubmissionIntake::concat);
                }
                continue;
            }
            Amendments.Resolved resolved = Amendments.resolve(request, newest.getOrDefault(key(request), List.of()));
            complete.set(i, resolved.complete());
            amendments.put(i, resolved);
            List<Violation> own = new ArrayList<>(resolved.problems());
            if (seenBefore) {
                // what it amends would be a revision this batch has not stored yet
                own.add(0, new Violation("zone", "amends-earlier-item",
                        Message.of("indicator.amend.same-batch", request.zone(), request.period())));
            }
            if (!own.isEmpty()) {
                problems.merge(i, own, SubmissionIntake::concat);
            }
        }
        List<Evaluated> evaluated = new ArrayList<>(checks.evaluate(complete, problems));
        amendments.forEach((i, resolved) -> evaluated.set(i, evaluated.get(i).amendment(resolved)));
        return evaluated;
    }

    private static String key(SubmissionRequest request) {
        return request.zone() + "|" + request.period();
    }

    private static List<Violation> concat(List<Violation> first, List<Violation> second) {
        List<Violation> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }
}

package cn.etdz.indicator.review;

import cn.etdz.common.api.Page;
import cn.etdz.common.api.Paging;
import cn.etdz.common.events.EventTypes;
import cn.etdz.common.events.RevisionReviewed;
import cn.etdz.common.i18n.Message;
import cn.etdz.common.outbox.Outbox;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;
import cn.etdz.indicator.config.IndicatorConfig;
import cn.etdz.indicator.security.Caller;
import cn.etdz.indicator.submission.SubmissionEntity;
import cn.etdz.indicator.submission.SubmissionReads;
import cn.etdz.indicator.submission.SubmissionRepository;
import cn.etdz.indicator.zone.ZoneEntity;
import cn.etdz.indicator.zone.ZoneRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The province's review of its returns: decisions on a zone-period's newest revision (approve, return), their audit
 * trail and the queue of returns waiting. Reviewers act for their own province, admins for every province.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReviewService {

    /** Longest comment or query text, the width of its column. */
    static final int MAX_TEXT = 2000;

    @Inject
    ReviewRepository reviews;
    @Inject
    QueryService queries;
    @Inject
    SubmissionRepository submissions;
    @Inject
    SubmissionReads submissionReads;
    @Inject
    ZoneRepository zones;
    @Inject
    Caller caller;
    @Inject
    Outbox outbox;
    @Inject
    IndicatorConfig config;

    /** The zone-period's review; 404 when it has no revision. */
    public ReviewView review(String zone, String period) {
        ZoneEntity found = zoneInProvince(zone);
        List<SubmissionEntity> revisions = submissions.revisions(zone, period);
        if (revisions.isEmpty()) {
            throw ProblemException.notFound(Message.of("indicator.review.no-revision", zone, period));
        }
        int newest = revisions.get(revisions.size() - 1).revision;
        return view(found, period, newest, reviews.decisions(zone, period));
    }

    /**
     * Takes a decision on the zone-period's newest revision and queues its event, in one transaction. The zone-period's
     * revision counter stays locked until the end, so a new revision cannot slip in between the check and the write.
     */
    @Transactional
    public ReviewView decide(String zone, String period, DecisionRequest request) {
        ZoneEntity found = zoneInProvince(zone);
        ReviewState decision = checked(request);
        int newest = reviews.lockNewestRevision(zone, period).orElseThrow(() ->
                ProblemException.notFound(Message.of("indicator.review.no-revision", zone, period)));
        int revision = request.revision();
        if (revision > newest || revision < 1) {
            throw ProblemException.notFound(Message.of("indicator.review.unknown-revision", zone, period, revision, newest));
        }
        if (revision < newest) {
            throw ProblemException.conflict(Message.of("indicator.review.not-newest", zone, period, revision, newest));
        }
        ReviewState current = reviews.stateOf(zone, period, revision);
        if (!ReviewRules.mayMove(current, decision)) {
            throw ProblemException.conflict(Message.of("indicator.review.not-allowed", zone, period, revision, current,
                    decision));
        }
        Map<String, String> valueComments = valueComments(request, revisionValues(zone, period, revision));

        ReviewDecisionEntity entity = new ReviewDecisionEntity();
        entity.zoneCode = zone;
        entity.period = period;
        entity.revision = revision;
        entity.state = decision;
        entity.comment = blankToNull(request.comment());
        entity.valueComments.putAll(valueComments);
        entity.decidedBy = caller.subject();
        entity.decidedRole = caller.isAdmin() ? "admin" : "reviewer";
        entity.decidedAt = OffsetDateTime.now(ZoneOffset.UTC);
        reviews.add(entity);
        outbox.append(new Outbox.Entry(config.topics().reviews(), zone,
                decision == ReviewState.APPROVED ? EventTypes.REVISION_APPROVED : EventTypes.REVISION_RETURNED, zone,
                RevisionReviewed.SCHEMA_VERSION, new RevisionReviewed(zone, period, revision, decision.name(),
                entity.comment, Map.copyOf(entity.valueComments), entity.decidedBy, entity.decidedAt)));
        return view(found, period, newest, reviews.decisions(zone, period));
    }

    /** Newest revisions still waiting for review; provincial callers see their own province only. */
    public Page<QueueItem> queue(String province, String period, int page, int size) {
        String readable = caller.readableProvince(province);
        long total = reviews.countWaiting(readable, period);
        if (Paging.pastTheEnd(page, size, total)) {
            return new Page<>(List.of(), page, size, total);
        }
        List<QueueItem> items = new ArrayList<>();
        for (long id : reviews.waiting(readable, period, page, size)) {
            var submission = submissionReads.get(id);
            ZoneEntity zone = zones.findById(submission.zone());
            items.add(new QueueItem(zone.code, zone.name, zone.province, submission.period(), submission.revision(),
                    submission, queries.open(zone, submission.period())));
        }
        return new Page<>(items, page, size, total);
    }

    /** The zone, when the caller may see or act for it: 404 unknown, 403 another province for provincial roles. */
    ZoneEntity zoneInProvince(String zone) {
        ZoneEntity found = zones.findByIdOptional(zone)
                .orElseThrow(() -> ProblemException.notFound(Message.of("indicator.zone.unknown", zone)));
        caller.requireProvince(found.province);
        return found;
    }

    /** The indicator codes of a stored revision's values. */
    Set<String> revisionValues(String zone, String period, int revision) {
        return submissions.find("zoneCode = ?1 and period = ?2 and revision = ?3", zone, period, revision)
                .firstResultOptional()
                .map(submission -> submission.values.stream().map(value -> value.indicator).collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    private static ReviewState checked(DecisionRequest request) {
        if (request == null) {
            throw ProblemException.badRequest(Message.of("indicator.review.document-required"), List.of());
        }
        List<Violation> violations = new ArrayList<>();
        if (request.revision() == null) {
            violations.add(new Violation("revision", "required", Message.of("indicator.review.revision-required")));
        }
        ReviewState decision = null;
        if (request.decision() == null) {
            violations.add(new Violation("decision", "required", Message.of("indicator.review.decision-unknown")));
        } else {
            decision = ReviewRules.DECISIONS.stream().filter(state -> state.name().equals(request.decision()))
                    .findFirst().orElse(null);
            if (decision == null) {
                violations.add(new Violation("decision", "unknown-decision", Message.of("indicator.review.decision-unknown")));
            }
        }
        if (request.comment() != null && request.comment().length() > MAX_TEXT) {
            violations.add(new Violation("comment", "too-long", Message.of("indicator.review.too-long", MAX_TEXT)));
        }
        if (request.valueComments() != null) {
            request.valueComments().forEach((indicator, text) -> {
                if (text == null || text.isBlank()) {
                    violations.add(new Violation("valueComments." + indicator, "required",
                            Message.of("indicator.review.value-comment-required")));
                } else if (text.length() > MAX_TEXT) {
                    violations.add(new Violation("valueComments." + indicator, "too-long",
                            Message.of("indicator.review.too-long", MAX_TEXT)));
                }
            });
        }
        if (decision == ReviewState.RETURNED && !ReviewRules.saysWhy(request.comment(), request.valueComments())) {
            violations.add(new Violation("comment", "reason-required", Message.of("indicator.review.reason-required")));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(Message.of("indicator.review.invalid"), violations);
        }
        return decision;
    }

    /** The request's value comments, each for a value the revision holds (422 otherwise). */
    private static Map<String, String> valueComments(DecisionRequest request, Set<String> values) {
        Map<String, String> comments = new TreeMap<>(request.valueComments() == null ? Map.of() : request.valueComments());
        List<Violation> violations = comments.keySet().stream().filter(indicator -> !values.contains(indicator))
                .map(indicator -> new Violation("valueComments." + indicator, "not-a-value",
                        Message.of("indicator.review.not-a-value", indicator, request.revision())))
                .toList();
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(Message.of("indicator.review.invalid"), violations);
        }
        return comments;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static ReviewView view(ZoneEntity zone, String period, int newest, List<ReviewDecisionEntity> decisions) {
        ReviewState state = decisions.stream().filter(decision -> decision.revision == newest)
                .reduce((first, second) -> second).map(decision -> decision.state).orElse(ReviewState.SUBMITTED);
        return new ReviewView(zone.code, zone.province, period, newest, state, decisions.stream()
                .map(decision -> new ReviewView.Decision(decision.revision, decision.state, decision.comment,
                        new TreeMap<>(decision.valueComments), decision.decidedBy, decision.decidedRole,
                        decision.decidedAt))
                .toList());
    }
}

package cn.etdz.indicator.submission;

import cn.etdz.common.api.Page;
import cn.etdz.common.api.Paging;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;
import cn.etdz.indicator.catalogue.CatalogueService;
import cn.etdz.indicator.catalogue.IndicatorRule;
import cn.etdz.indicator.config.IndicatorConfig;
import cn.etdz.indicator.security.Caller;
import cn.etdz.indicator.zone.ZoneEntity;
import cn.etdz.indicator.zone.ZoneRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
@Transactional
public class SubmissionService {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String VALID = "VALID";
    public static final String REJECTED = "REJECTED";

    /** A single submission's outcome; {@code replayed} when an Idempotency-Key returned an earlier result. */
    public record Submitted(SubmissionView submission, boolean replayed) {
    }

    @Inject
    SubmissionRepository submissions;
    @Inject
    SubmissionQueries queries;
    @Inject
    SubmissionWriter writer;
    @Inject
    IdempotencyKeys idempotencyKeys;
    @Inject
    ZoneRepository zones;
    @Inject
    CatalogueService catalogue;
    @Inject
    Caller caller;
    @Inject
    IndicatorConfig config;
    @Inject
    ObjectMapper json;

    Clock clock = Clock.systemUTC();

    /**
     * Validates one submission and, unless {@code dryRun}, stores it as the next revision of its zone-period with its
     * event. With an {@code idempotencyKey} seen before, returns that request's result (same body) or answers 409.
     */
    public Submitted submit(SubmissionRequest request, boolean dryRun, String idempotencyKey) {
        String requestHash = idempotencyKey == null ? null : hash(request);
        if (idempotencyKey != null && !dryRun) {
            Optional<SubmissionView> earlier = replay(idempotencyKey, requestHash);
            if (earlier.isPresent()) {
                return new Submitted(earlier.get(), true);
            }
        }
        Evaluated item = evaluate(List.of(request), Map.of()).get(0);
        if (item.forbidden()) {
            throw ProblemException.forbidden("Submitters may act only for zones of their own province ("
                    + caller.province().orElse("none in token") + ").");
        }
        if (!item.accepted()) {
            throw ProblemException.invalid("The submission was rejected; nothing was stored.", item.violations());
        }
        if (dryRun) {
            return new Submitted(SubmissionMapper.view(null,
                    submissions.peekNextRevision(request.zone(), request.period()), VALID, item), false);
        }
        SubmissionWriter.Stored stored = writer.store(List.of(item)).get(0);
        if (idempotencyKey != null && !idempotencyKeys.claim(caller.subject(), idempotencyKey, requestHash, stored.id())) {
            // A concurrent request with the same key committed first: this one must not create a revision.
            throw new ConcurrentIdempotentRequest();
        }
        return new Submitted(SubmissionMapper.view(stored.id(), stored.revision(), ACCEPTED, item), false);
    }

    /** Raised to roll back a request that lost the race for its Idempotency-Key; the resource then replays. */
    public static class ConcurrentIdempotentRequest extends RuntimeException {
        ConcurrentIdempotentRequest() {
            super(null, null, false, false);
        }
    }

    /** After losing the race for an Idempotency-Key: the winner's result (or 409 for a different body). */
    public SubmissionView replayAfterRace(SubmissionRequest request, String idempotencyKey) {
        return replay(idempotencyKey, hash(request)).orElseThrow();
    }

    /** The earlier result of an Idempotency-Key, if it was used; 409 if it came with a different body. */
    public Optional<SubmissionView> replay(String idempotencyKey, String requestHash) {
        return idempotencyKeys.find(caller.subject(), idempotencyKey).map(seen -> {
            if (!seen.requestHash().equals(requestHash)) {
                throw ProblemException.conflict("Idempotency-Key " + idempotencyKey
                        + " was used before with a different request body.");
            }
            return SubmissionMapper.view(submissions.findById(seen.submissionId()));
        });
    }

    /** A batch's outcome; {@code replayed} when an Idempotency-Key returned an earlier batch's result. */
    public record BatchSubmitted(BatchResult result, boolean replayed) {
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
        String requestHash = idempotencyKey == null || dryRun ? null : hash(requests);
        if (requestHash != null) {
            Optional<BatchResult> earlier = replayBatch(idempotencyKey, requestHash);
            if (earlier.isPresent()) {
                return new BatchSubmitted(earlier.get(), true);
            }
        }
        BatchResult result = storeBatch(requests, dryRun, readProblems);
        if (requestHash != null && !idempotencyKeys.claimBatch(caller.subject(), idempotencyKey, requestHash,
                toJson(result))) {
            throw new ConcurrentIdempotentRequest();
        }
        return new BatchSubmitted(result, false);
    }

    /** After losing the race for a batch's Idempotency-Key: the winner's result (or 409 for other submissions). */
    public BatchResult replayBatchAfterRace(List<SubmissionRequest> requests, String idempotencyKey) {
        return replayBatch(idempotencyKey, hash(requests)).orElseThrow();
    }

    private Optional<BatchResult> replayBatch(String idempotencyKey, String requestHash) {
        return idempotencyKeys.findBatch(caller.subject(), idempotencyKey).map(seen -> {
            if (!seen.requestHash().equals(requestHash)) {
                throw ProblemException.conflict("Idempotency-Key " + idempotencyKey
                        + " was used before with a different batch.");
            }
            try {
                return json.readValue(seen.result(), BatchResult.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored batch result cannot be read", e);
            }
        });
    }

    private String toJson(BatchResult result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private BatchResult storeBatch(List<SubmissionRequest> requests, boolean dryRun,
                                   Map<Integer, List<Violation>> readProblems) {
        if (requests.size() > config.submissions().maxBatchSize()) {
            throw new ProblemException(413, "batch-too-large", "Batch too large", "A batch carries at most "
                    + config.submissions().maxBatchSize() + " submissions; this one has " + requests.size() + ".", List.of());
        }
        List<Evaluated> evaluated = evaluate(requests, readProblems);
        List<Evaluated> accepted = evaluated.stream().filter(Evaluated::accepted).toList();
        List<SubmissionWriter.Stored> stored = dryRun ? List.of() : writer.store(accepted);
        List<BatchResult.Item> results = new ArrayList<>(evaluated.size());
        int next = 0;
        for (int i = 0; i < evaluated.size(); i++) {
            Evaluated item = evaluated.get(i);
            SubmissionRequest request = item.request();
            if (!item.accepted()) {
                results.add(new BatchResult.Item(i, request.zone(), request.period(), REJECTED, null, null, null, null,
                        item.violations()));
            } else if (dryRun) {
                results.add(new BatchResult.Item(i, request.zone(), request.period(), VALID, null, null, item.late(),
                        item.warnings(), null));
            } else {
                SubmissionWriter.Stored done = stored.get(next++);
                results.add(new BatchResult.Item(i, request.zone(), request.period(), ACCEPTED, done.id(),
                        done.revision(), item.late(), item.warnings(), null));
            }
        }
        return new BatchResult(accepted.size(), evaluated.size() - accepted.size(), results);
    }

    /** Hard rules, the caller's rights and the soft checks for each submission, reading the database once per group. */
    List<Evaluated> evaluate(List<SubmissionRequest> requests, Map<Integer, List<Violation>> readProblems) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Map<String, IndicatorRule> rules = catalogue.rules();
        Year currentYear = Year.now(clock);
        Set<String> codes = requests.stream().map(SubmissionRequest::zone).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, SubmissionRules.ZoneFacts> known = queries.zoneFacts(codes);
        Deadlines deadlines = new Deadlines(config.submissions().deadline(), ZoneId.of(config.submissions().deadlineZone()));

        List<Evaluated> firstPass = new ArrayList<>(requests.size());
        for (int index = 0; index < requests.size(); index++) {
            SubmissionRequest request = requests.get(index);
            Optional<SubmissionRules.ZoneFacts> zone = Optional.ofNullable(request.zone()).map(known::get);
            List<Violation> violations = new ArrayList<>(SubmissionRules.check(request, zone, rules, currentYear));
            violations.addAll(0, readProblems.getOrDefault(index, List.of()));
            boolean forbidden = zone.isPresent() && !caller.mayActFor(zone.get().province());
            if (forbidden) {
                violations.add(0, new Violation("zone", "forbidden",
                        "Submitters may act only for zones of their own province."));
            }
            OffsetDateTime receivedAt = now;
            if (request.receivedAt() != null) {
                if (!caller.isAdmin()) {
                    violations.add(new Violation("receivedAt", "not-allowed",
                            "Only administrators loading historical submissions may set receivedAt."));
                } else if (request.receivedAt().isAfter(now)) {
                    violations.add(new Violation("receivedAt", "in-future", "receivedAt lies in the future."));
                } else if (request.receivedAt().getYear() < SubmissionRules.FIRST_PERIOD) {
                    violations.add(new Violation("receivedAt", "out-of-range",
                            "receivedAt lies in " + SubmissionRules.FIRST_PERIOD + " or later."));
                } else {
                    receivedAt = request.receivedAt().withOffsetSameInstant(ZoneOffset.UTC);
                }
            }
            boolean late = violations.isEmpty() && deadlines.isLate(request.period(), receivedAt);
            firstPass.add(new Evaluated(request, violations, forbidden, List.of(), late, receivedAt, caller.subject(),
                    caller.province().orElse(null)));
        }
        return withWarnings(firstPass, known, rules);
    }

    private List<Evaluated> withWarnings(List<Evaluated> items, Map<String, SubmissionRules.ZoneFacts> known,
                                         Map<String, IndicatorRule> rules) {
        Map<String, List<Evaluated>> byPeriod = items.stream().filter(Evaluated::accepted)
                .collect(Collectors.groupingBy(item -> item.request().period(), LinkedHashMap::new, Collectors.toList()));
        // by identity: a record's hashCode would hash the whole submission, all its values, on every lookup
        Map<Evaluated, List<Violation>> warnings = new IdentityHashMap<>();
        byPeriod.forEach((period, group) -> {
            Map<String, Map<String, Double>> previous = queries.newestValues(
                    group.stream().map(item -> item.request().zone()).collect(Collectors.toSet()),
                    String.valueOf(Integer.parseInt(period) - 1));
            group.stream().collect(Collectors.groupingBy(item -> known.get(item.request().zone()).type()))
                    .forEach((type, peers) -> {
                        // the group's stored values with this request's in place of (or besides) its zones' own
                        SubmissionQueries.PeerGroup stored = queries.peerGroup(period, type.name());
                        Map<String, Map<String, Double>> overlay = new HashMap<>();
                        for (Evaluated item : peers) {
                            for (SubmissionRequest.Value value : item.request().values()) {
                                overlay.computeIfAbsent(value.indicator(), code -> new HashMap<>())
                                        .put(item.request().zone(), value.value());
                            }
                        }
                        Map<String, Plausibility.PeerStats> stats = new HashMap<>();
                        overlay.forEach((code, byZone) -> {
                            IndicatorRule rule = rules.get(code);
                            Plausibility.PeerStats peerStats = rule == null ? null
                                    : stored.sample(code, Plausibility.logScale(rule)).with(byZone);
                            if (peerStats != null) {
                                stats.put(code, peerStats);
                            }
                        });
                        for (Evaluated item : peers) {
                            warnings.put(item, Plausibility.check(item.request(), rules,
                                    previous.getOrDefault(item.request().zone(), Map.of()), stats));
                        }
                    });
        });
        return items.stream().map(item -> !warnings.containsKey(item) ? item
                : new Evaluated(item.request(), item.violations(), item.forbidden(), warnings.get(item), item.late(),
                item.receivedAt(), item.submittedBy(), item.submitterProvince())).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SubmissionView get(long id) {
        SubmissionEntity submission = submissions.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("There is no submission " + id + "."));
        zones.findByIdOptional(submission.zoneCode).ifPresent(zone -> caller.requireProvince(zone.province));
        return SubmissionMapper.view(submission);
    }

    /** Submitters see their own province only, whatever province filter they pass. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SubmissionView> list(String zone, String period, String province, String status, int page, int size) {
        String effectiveProvince = province;
        if (caller.isSubmitter()) {
            String own = caller.province().orElse("none");
            if (province != null && !province.equals(own)) {
                throw ProblemException.forbidden("Submitters may read only their own province (" + own + ").");
            }
            effectiveProvince = own;
        }
        var query = submissions.filtered(zone, period, effectiveProvince, status);
        long total = query.count();
        List<SubmissionView> items = Paging.pastTheEnd(page, size, total) ? List.of()
                : query.page(page, size).list().stream().map(SubmissionMapper::view).toList();
        return new Page<>(items, page, size, total);
    }

    /** Every revision of a zone (one period, or all), oldest first, each with its changes against the previous one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RevisionView> revisions(String zoneCode, String period) {
        ZoneEntity zone = readableZone(zoneCode);
        List<SubmissionEntity> all = period == null
                ? submissions.list("zoneCode = ?1 order by period, revision", zone.code)
                : submissions.list("zoneCode = ?1 and period = ?2 order by revision", zone.code, period);
        List<RevisionView> revisions = new ArrayList<>();
        Map<String, Map<String, Double>> previousByPeriod = new HashMap<>();
        for (SubmissionEntity submission : all) {
            Map<String, Double> previous = previousByPeriod.getOrDefault(submission.period, Map.of());
            Map<String, Double> current = new LinkedHashMap<>();
            submission.values.forEach(v -> current.put(v.indicator, v.value));
            List<RevisionView.Change> changes = new ArrayList<>();
            current.forEach((indicator, value) -> {
                Double before = previous.get(indicator);
                if (before == null) {
                    changes.add(new RevisionView.Change(indicator, "ADDED", null, value));
                } else if (!before.equals(value)) {
                    changes.add(new RevisionView.Change(indicator, "CHANGED", before, value));
                }
            });
            previous.forEach((indicator, value) -> {
                if (!current.containsKey(indicator)) {
                    changes.add(new RevisionView.Change(indicator, "REMOVED", value, null));
                }
            });
            previousByPeriod.put(submission.period, current);
            revisions.add(new RevisionView(submission.zoneCode, submission.period, submission.revision, submission.id,
                    submission.late, submission.receivedAt, submission.submittedBy, submission.submitterProvince, changes));
        }
        return revisions;
    }

    /** The newest accepted value of each period, per indicator; optional indicator and period range filters. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ValueSeries values(String zoneCode, String indicator, String from, String to) {
        ZoneEntity zone = readableZone(zoneCode);
        Map<String, IndicatorRule> rules = catalogue.rules();
        List<SubmissionEntity> newest = submissions.list("""
                from SubmissionEntity s where s.zoneCode = ?1 and s.revision = (select zp.latestRevision
                    from ZonePeriodEntity zp where zp.zoneCode = s.zoneCode and zp.period = s.period) order by s.period""",
                zone.code);
        Map<String, List<ValueSeries.Point>> series = new java.util.TreeMap<>();
        for (SubmissionEntity submission : newest) {
            if ((from != null && submission.period.compareTo(from) < 0) || (to != null && submission.period.compareTo(to) > 0)) {
                continue;
            }
            for (SubmissionValueEntity value : submission.values) {
                if (indicator == null || indicator.equals(value.indicator)) {
                    series.computeIfAbsent(value.indicator, code -> new ArrayList<>()).add(new ValueSeries.Point(
                            submission.period, value.value, value.provisional, value.note, submission.revision,
                            submission.id));
                }
            }
        }
        return new ValueSeries(zone.code, series.entrySet().stream()
                .map(entry -> new ValueSeries.Series(entry.getKey(),
                        Optional.ofNullable(rules.get(entry.getKey())).map(IndicatorRule::unit).orElse(null),
                        entry.getValue()))
                .toList());
    }

    private ZoneEntity readableZone(String code) {
        ZoneEntity zone = zones.findByIdOptional(code)
                .orElseThrow(() -> ProblemException.notFound("There is no zone " + code + "."));
        caller.requireProvince(zone.province);
        return zone;
    }

    /** SHA-256 of the request as JSON (a submission, or a batch's list of them). */
    private String hash(Object request) {
        try {
            byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

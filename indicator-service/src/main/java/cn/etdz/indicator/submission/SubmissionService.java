package cn.etdz.indicator.submission;

import cn.etdz.common.api.Page;
import cn.etdz.common.events.EventTypes;
import cn.etdz.common.events.SubmissionAccepted;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;
import cn.etdz.indicator.config.IndicatorConfig;
import cn.etdz.indicator.outbox.Outbox;
import cn.etdz.indicator.security.Caller;
import cn.etdz.indicator.zone.ZoneEntity;
import cn.etdz.indicator.zone.ZoneService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
@Transactional
public class SubmissionService {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String VALID = "VALID";

    @Inject
    SubmissionRepository submissions;
    @Inject
    ZoneService zones;
    @Inject
    Outbox outbox;
    @Inject
    Caller caller;
    @Inject
    IndicatorConfig config;

    Clock clock = Clock.systemUTC();

    /**
     * Validates a submission and, unless {@code dryRun}, stores it as the next revision of its zone-period and
     * queues its {@code SubmissionAccepted} event in the same transaction.
     */
    public SubmissionView submit(SubmissionRequest request, boolean dryRun) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        List<Violation> violations = new java.util.ArrayList<>(SubmissionRules.check(request, Year.now(clock)));
        Optional<ZoneEntity> zone = request.zone() == null ? Optional.empty() : zones.entity(request.zone());
        if (request.zone() != null && !request.zone().isBlank() && zone.isEmpty()) {
            violations.add(new Violation("zone", "unknown-zone", "There is no zone " + request.zone() + "."));
        }
        zone.ifPresent(z -> caller.requireProvince(z.province));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("The submission was rejected; nothing was stored.", violations);
        }

        SubmissionEntity submission = new SubmissionEntity();
        submission.zoneCode = request.zone();
        submission.period = request.period();
        submission.status = dryRun ? VALID : ACCEPTED;
        submission.late = deadlines().isLate(request.period(), now);
        submission.receivedAt = now;
        submission.submittedBy = caller.subject();
        submission.submitterProvince = caller.province().orElse(null);
        SubmissionMapper.addValues(submission, request.values());
        if (dryRun) {
            submission.revision = submissions.peekNextRevision(request.zone(), request.period());
            return SubmissionMapper.view(submission, List.of());
        }
        submission.revision = submissions.nextRevision(request.zone(), request.period());
        submissions.persist(submission);
        outbox.append(config.topics().submissions(), submission.zoneCode, EventTypes.SUBMISSION_ACCEPTED,
                submission.zoneCode, SubmissionAccepted.SCHEMA_VERSION, SubmissionMapper.event(submission));
        return SubmissionMapper.view(submission, List.of());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SubmissionView get(long id) {
        SubmissionEntity submission = submissions.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("There is no submission " + id + "."));
        zones.entity(submission.zoneCode).ifPresent(zone -> caller.requireProvince(zone.province));
        return SubmissionMapper.view(submission, List.of());
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
        List<SubmissionView> items = query.page(page, size).list().stream()
                .map(s -> SubmissionMapper.view(s, List.of())).toList();
        return new Page<>(items, page, size, query.count());
    }

    private Deadlines deadlines() {
        return new Deadlines(config.submissions().deadline(), ZoneId.of(config.submissions().deadlineZone()));
    }
}

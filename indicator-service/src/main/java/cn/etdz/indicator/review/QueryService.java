package cn.etdz.indicator.review;

import cn.etdz.common.api.Page;
import cn.etdz.common.api.Paging;
import cn.etdz.common.events.EventTypes;
import cn.etdz.common.events.ValueQueryChanged;
import cn.etdz.common.i18n.Message;
import cn.etdz.common.outbox.Outbox;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;
import cn.etdz.indicator.config.IndicatorConfig;
import cn.etdz.indicator.security.Caller;
import cn.etdz.indicator.submission.SubmissionEntity;
import cn.etdz.indicator.submission.SubmissionRepository;
import cn.etdz.indicator.submission.SubmissionWarningEntity;
import cn.etdz.indicator.zone.ZoneEntity;
import cn.etdz.indicator.zone.ZoneRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Queries on values: a reviewer (of the zone's province) or an analyst raises one, typed or from a plausibility
 * warning; a submitter of the province answers; the raiser or an admin closes it. Every step is kept as a message
 * and published on the queries topic through the outbox, in the same transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class QueryService {

    /** A warning's field naming one value of its submission, e.g. {@code values[3].value}. */
    private static final Pattern VALUE_FIELD = Pattern.compile("values\\[(\\d+)]\\..*");

    @Inject
    QueryRepository queries;
    @Inject
    SubmissionRepository submissions;
    @Inject
    ZoneRepository zones;
    @Inject
    Caller caller;
    @Inject
    Outbox outbox;
    @Inject
    IndicatorConfig config;

    @Transactional
    public QueryView raise(RaiseQueryRequest request) {
        if (request == null) {
            throw ProblemException.badRequest(Message.of("indicator.query.document-required"), List.of());
        }
        List<Violation> violations = new ArrayList<>();
        required(violations, "zone", request.zone());
        required(violations, "period", request.period());
        required(violations, "revision", request.revision());
        tooLong(violations, "text", request.text());
        if (request.indicator() == null && request.warning() == null) {
            violations.add(new Violation("indicator", "required", Message.of("indicator.query.indicator-or-warning")));
        }
        if (request.warning() == null && (request.text() == null || request.text().isBlank())) {
            violations.add(new Violation("text", "required", Message.of("indicator.query.text-required")));
        }
        invalidIfAny(violations);
        ZoneEntity zone = zones.findByIdOptional(request.zone())
                .orElseThrow(() -> ProblemException.notFound(Message.of("indicator.zone.unknown", request.zone())));
        caller.requireProvince(zone.province);
        SubmissionEntity revision = submissions.find("zoneCode = ?1 and period = ?2 and revision = ?3",
                        request.zone(), request.period(), request.revision()).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound(Message.of("indicator.query.unknown-revision",
                        request.zone(), request.period(), request.revision())));

        String indicator = request.indicator();
        String text = request.text();
        String warningCode = null;
        if (request.warning() != null) {
            SubmissionWarningEntity warning = revision.warnings.stream()
                    .filter(candidate -> candidate.position == request.warning()).findFirst()
                    .orElseThrow(() -> ProblemException.invalid(Message.of("indicator.query.invalid"), List.of(
                            new Violation("warning", "unknown-warning",
                                    Message.of("indicator.query.unknown-warning", request.revision(), request.warning())))));
            Matcher field = VALUE_FIELD.matcher(warning.field == null ? "" : warning.field);
            int position = field.matches() ? Integer.parseInt(field.group(1)) : -1;
            if (position < 0 || position >= revision.values.size()) {
                throw ProblemException.invalid(Message.of("indicator.query.invalid"), List.of(new Violation("warning",
                        "not-a-value", Message.of("indicator.query.warning-not-a-value", request.warning()))));
            }
            indicator = revision.values.get(position).indicator;
            warningCode = warning.code;
            if (text == null || text.isBlank()) {
                text = warning.message;
            }
        }
        String queried = indicator;
        if (revision.values.stream().noneMatch(value -> value.indicator.equals(queried))) {
            throw ProblemException.invalid(Message.of("indicator.query.invalid"), List.of(new Violation("indicator",
                    "not-a-value", Message.of("indicator.review.not-a-value", queried, request.revision()))));
        }

        ValueQueryEntity query = new ValueQueryEntity();
        query.zoneCode = zone.code;
        query.period = request.period();
        query.revision = request.revision();
        query.indicator = indicator;
        query.status = QueryStatus.OPEN;
        query.warningCode = warningCode;
        query.raisedBy = caller.subject();
        query.raisedAt = now();
        queries.persist(query);
        step(query, QueryStep.RAISED, EventTypes.QUERY_RAISED, text);
        return view(query, zone.province);
    }

    /** A submitter of the zone's province (or an admin) answers an open query. */
    @Transactional
    public QueryView answer(long id, QueryTextRequest request) {
        String text = request == null ? null : request.text();
        List<Violation> violations = new ArrayList<>();
        if (text == null || text.isBlank()) {
            violations.add(new Violation("text", "required", Message.of("indicator.query.answer-required")));
        }
        tooLong(violations, "text", text);
        ValueQueryEntity query = openForUpdate(id);
        invalidIfAny(violations);
        step(query, QueryStep.ANSWERED, EventTypes.QUERY_ANSWERED, text);
        return view(query, province(query));
    }

    /** The raiser or an admin closes an open query, with an optional note. */
    @Transactional
    public QueryView close(long id, QueryTextRequest request) {
        String text = request == null || request.text() == null || request.text().isBlank() ? null : request.text();
        List<Violation> violations = new ArrayList<>();
        tooLong(violations, "text", text);
        ValueQueryEntity query = find(id, LockModeType.PESSIMISTIC_WRITE);
        if (!caller.isAdmin() && !caller.subject().equals(query.raisedBy)) {
            throw ProblemException.forbidden(Message.of("indicator.query.not-raiser", id, query.raisedBy));
        }
        if (query.status == QueryStatus.CLOSED) {
            throw ProblemException.conflict(Message.of("indicator.query.closed", id));
        }
        invalidIfAny(violations);
        query.status = QueryStatus.CLOSED;
        step(query, QueryStep.CLOSED, EventTypes.QUERY_CLOSED, text);
        return view(query, province(query));
    }

    public QueryView get(long id) {
        ValueQueryEntity query = find(id, LockModeType.NONE);
        return view(query, province(query));
    }

    /** Queries by province, zone, period and status; provincial callers see their own province only. */
    public Page<QueryView> list(String province, String zone, String period, QueryStatus status, int page, int size) {
        String readable = caller.readableProvince(province);
        var query = queries.filtered(readable, zone, period, status);
        long total = query.count();
        List<QueryView> items = Paging.pastTheEnd(page, size, total) ? List.of()
                : query.page(page, size).list().stream().map(found -> view(found, province(found))).toList();
        return new Page<>(items, page, size, total);
    }

    /** The open queries of a zone-period, for the review queue. */
    List<QueryView> open(ZoneEntity zone, String period) {
        return queries.open(zone.code, period).stream().map(query -> view(query, zone.province)).toList();
    }

    private ValueQueryEntity openForUpdate(long id) {
        ValueQueryEntity query = find(id, LockModeType.PESSIMISTIC_WRITE);
        if (query.status == QueryStatus.CLOSED) {
            throw ProblemException.conflict(Message.of("indicator.query.closed", id));
        }
        return query;
    }

    /** The query, when the caller may see it: 404 unknown, 403 another province for provincial roles. */
    private ValueQueryEntity find(long id, LockModeType lock) {
        ValueQueryEntity query = queries.findByIdOptional(id, lock)
                .orElseThrow(() -> ProblemException.notFound(Message.of("indicator.query.unknown", id)));
        caller.requireProvince(province(query));
        return query;
    }

    private String province(ValueQueryEntity query) {
        return zones.findById(query.zoneCode).province;
    }

    /** Keeps a step of the query as a message and queues its event. */
    private void step(ValueQueryEntity query, QueryStep kind, String eventType, String text) {
        QueryMessageEntity message = new QueryMessageEntity();
        message.query = query;
        message.kind = kind;
        message.text = text;
        message.author = caller.subject();
        message.writtenAt = now();
        queries.addMessage(message);
        outbox.append(new Outbox.Entry(config.topics().queries(), query.zoneCode, eventType, query.zoneCode,
                ValueQueryChanged.SCHEMA_VERSION, new ValueQueryChanged(query.id, query.zoneCode, query.period,
                query.revision, query.indicator, query.status.name(), query.warningCode, text, message.author,
                message.writtenAt)));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static void required(List<Violation> violations, String field, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            violations.add(new Violation(field, "required", Message.of("indicator.query.field-required", field)));
        }
    }

    private static void tooLong(List<Violation> violations, String field, String text) {
        if (text != null && text.length() > ReviewService.MAX_TEXT) {
            violations.add(new Violation(field, "too-long", Message.of("indicator.review.too-long", ReviewService.MAX_TEXT)));
        }
    }

    private static void invalidIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(Message.of("indicator.query.invalid"), violations);
        }
    }

    private static QueryView view(ValueQueryEntity query, String province) {
        return new QueryView(query.id, query.zoneCode, province, query.period, query.revision, query.indicator,
                query.status, query.messages.stream().anyMatch(message -> message.kind == QueryStep.ANSWERED),
                query.warningCode, query.raisedBy, query.raisedAt, query.messages.stream()
                .map(message -> new QueryView.Entry(message.kind, message.text, message.author, message.writtenAt))
                .toList());
    }
}

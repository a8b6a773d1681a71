package cn.etdz.indicator.period;

import cn.etdz.common.events.EventTypes;
import cn.etdz.common.events.PeriodStateChanged;
import cn.etdz.common.i18n.Message;
import cn.etdz.common.outbox.Outbox;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;
import cn.etdz.indicator.config.IndicatorConfig;
import cn.etdz.indicator.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Closing a period to new revisions once its ranking is published, and reopening it for a correction: each
 * transition is kept (who, when, why) and published on {@code periods.v1} through the outbox. Every path that stores
 * a revision asks {@link #refuseClosed} first.
 */
@ApplicationScoped
@Transactional
public class PeriodService {

    /** The first period the platform takes, as submissions. */
    static final int FIRST_PERIOD = 2000;
    static final int MAX_REASON = 500;

    @Inject
    PeriodRepository periods;
    @Inject
    Outbox outbox;
    @Inject
    Caller caller;
    @Inject
    IndicatorConfig config;

    Clock clock = Clock.systemUTC();

    /** Every period with revisions or a state, newest first, with its transitions. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PeriodView> list() {
        Map<String, List<PeriodView.Transition>> transitions = periods.transitions();
        return periods.periods().values().stream()
                .map(stored -> new PeriodView(stored.period(), stored.state(), stored.changedBy(), stored.changedAt(),
                        stored.reason(), transitions.getOrDefault(stored.period(), List.of())))
                .toList();
    }

    /** Closes a period (OPEN or REOPENED) to new revisions; 409 when it is closed already. */
    public PeriodView close(String period, PeriodChange change) {
        return transition(period, change, PeriodState.CLOSED);
    }

    /** Reopens a closed period; 409 when it is not closed. */
    public PeriodView reopen(String period, PeriodChange change) {
        return transition(period, change, PeriodState.REOPENED);
    }

    /**
     * Answers 409 naming the closed ones when any of these periods is closed; otherwise keeps them from being closed
     * until the caller's transaction ends.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refuseClosed(Collection<String> submitted) {
        List<String> candidates = submitted.stream().filter(p -> p != null && p.matches("\\d{4}")).distinct().toList();
        if (candidates.isEmpty()) {
            return;
        }
        List<String> closed = List.copyOf(new TreeSet<>(periods.closedAmong(candidates)));
        if (closed.isEmpty()) {
            return;
        }
        Message detail = closed.size() == 1 ? Message.of("indicator.period.closed", closed.get(0))
                : Message.of("indicator.period.closed-many", String.join(", ", closed));
        throw new ProblemException(409, "period-closed", Message.of("indicator.period.closed.title"), detail,
                closed.stream().map(p -> new Violation("period", "period-closed",
                        Message.of("indicator.period.closed", p))).toList());
    }

    private PeriodView transition(String period, PeriodChange change, PeriodState to) {
        checkPeriod(period);
        String reason = change == null ? null : change.reason();
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid(Message.of("indicator.period.reason-required"),
                    List.of(new Violation("reason", "required", Message.of("indicator.period.reason-required"))));
        }
        if (reason.length() > MAX_REASON) {
            throw ProblemException.invalid(Message.of("indicator.period.reason-too-long", MAX_REASON),
                    List.of(new Violation("reason", "too-long", Message.of("indicator.period.reason-too-long", MAX_REASON))));
        }
        PeriodState from = periods.lockForChange(period);
        if (to == PeriodState.CLOSED && from == PeriodState.CLOSED) {
            throw ProblemException.conflict(Message.of("indicator.period.already-closed", period));
        }
        if (to == PeriodState.REOPENED && from != PeriodState.CLOSED) {
            throw ProblemException.conflict(Message.of("indicator.period.not-closed", period));
        }
        // microseconds, as the database keeps them, so the answer equals what a later read returns
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        periods.change(period, from, to, caller.subject(), now, reason);
        outbox.append(new Outbox.Entry(config.topics().periods(), period, EventTypes.PERIOD_STATE_CHANGED, period,
                PeriodStateChanged.SCHEMA_VERSION,
                new PeriodStateChanged(period, to.name(), from.name(), reason, caller.subject(), now)));
        return new PeriodView(period, to, caller.subject(), now, reason,
                periods.transitions().getOrDefault(period, List.of()));
    }

    private void checkPeriod(String period) {
        int last = Year.now(clock).getValue();
        if (period == null || !period.matches("\\d{4}") || Integer.parseInt(period) < FIRST_PERIOD
                || Integer.parseInt(period) > last) {
            throw ProblemException.badRequest(Message.of("indicator.period.range", FIRST_PERIOD, last),
                    List.of(new Violation("period", "out-of-range", Message.of("indicator.period.range", FIRST_PERIOD, last))));
        }
    }
}

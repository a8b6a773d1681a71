package cn.etdz.evaluation.readmodel;

import cn.etdz.common.events.EventEnvelope;
import cn.etdz.common.events.SubmissionAccepted;
import cn.etdz.evaluation.snapshot.Recomputation;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies one accepted submission to the read model in one transaction: the newest revision of a zone-period wins,
 * an older revision arriving late changes nothing, and an event id seen before is skipped. A new revision marks its
 * peer group (and the next period's, whose growth rates depend on it) for recomputation once the transaction commits.
 * {@link #applyAll} applies a whole poll the same way in one transaction, so a national batch of 250 submissions is
 * not 250 transactions.
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

    /** One decoded event of a poll, with the span that processes it (the cause of the recomputation it triggers). */
    public record Event(EventEnvelope envelope, SubmissionAccepted submission, SpanContext span) {
    }

    /**
     * Applies a poll's events in order in one transaction, each with the outcome it would have had alone: an event id
     * seen before (in the table or earlier in the list) is a duplicate, a revision not newer than the one held (or
     * applied earlier in the list) is stale. Only each zone-period's winning revision is written, with a handful of
     * set-based statements whatever the number of events; any failure rolls all of them back.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Outcome> applyAll(List<Event> events) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Outcome> outcomes = new ArrayList<>(events.size());
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            Set<String> seen = alreadyApplied(connection, events);
            Map<ZonePeriodInput.Key, Integer> held = heldRevisions(connection, events);
            Map<ZonePeriodInput.Key, Event> winners = new LinkedHashMap<>();
            List<Event> recorded = new ArrayList<>();
            List<String> recordedOutcomes = new ArrayList<>();
            for (Event event : events) {
                if (!seen.add(event.envelope().id())) {
                    outcomes.add(Outcome.DUPLICATE);
                    continue;
                }
                SubmissionAccepted submission = event.submission();
                ZonePeriodInput.Key key = new ZonePeriodInput.Key(submission.zone(), submission.period());
                Integer current = held.get(key);
                Outcome outcome = current != null && current >= submission.revision() ? Outcome.STALE : Outcome.APPLIED;
                if (outcome == Outcome.APPLIED) {
                    held.put(key, submission.revision());
                    winners.put(key, event);
                }
                outcomes.add(outcome);
                recorded.add(event);
                recordedOutcomes.add(outcome.name());
            }
            writeInputs(connection, List.copyOf(winners.values()), now);
            recordApplied(connection, recorded, recordedOutcomes, now);
            Map<String, String> types = zoneTypes(connection, winners.keySet());
            for (Map.Entry<ZonePeriodInput.Key, Event> winner : winners.entrySet()) {
                ZonePeriodInput.Key key = winner.getKey();
                SpanContext cause = winner.getValue().span();
                String type = types.get(key.zoneCode);
                if (type != null) {
                    recomputation.markAfterCommit(type, key.period, cause);
                    nextPeriod(key.period).ifPresent(next -> recomputation.markAfterCommit(type, next, cause));
                }
            }
        });
        return outcomes;
    }

    private static Set<String> alreadyApplied(Connection connection, List<Event> events) throws SQLException {
        Set<String> applied = new HashSet<>();
        // a join, not "event_id = any(?)": when the table's statistics lag behind its growth the planner may scan it,
        // and a scan compares every row with every id of the poll; the join's worst plan hashes the ids instead
        try (PreparedStatement select = connection.prepareStatement("""
                select a.event_id from applied_event a join unnest(?::varchar[]) as k(id) on a.event_id = k.id""")) {
            select.setArray(1, varchars(connection, events.stream().map(e -> e.envelope().id()).toList()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    applied.add(rows.getString(1));
                }
            }
        }
        return applied;
    }

    private static Map<ZonePeriodInput.Key, Integer> heldRevisions(Connection connection, List<Event> events)
            throws SQLException {
        Map<ZonePeriodInput.Key, Integer> held = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select i.zone_code, i.period, i.revision from zone_period_input i
                join (select distinct * from unnest(?::varchar[], ?::varchar[])) as k(z, p)
                  on i.zone_code = k.z and i.period = k.p""")) {
            select.setArray(1, varchars(connection, events.stream().map(e -> e.submission().zone()).toList()));
            select.setArray(2, varchars(connection, events.stream().map(e -> e.submission().period()).toList()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    held.put(new ZonePeriodInput.Key(rows.getString(1), rows.getString(2)), rows.getInt(3));
                }
            }
        }
        return held;
    }

    /** Replaces each winning zone-period's input and values (delete, upsert, insert: one statement each). */
    private static void writeInputs(Connection connection, List<Event> winners, OffsetDateTime now) throws SQLException {
        if (winners.isEmpty()) {
            return;
        }
        List<SubmissionAccepted> inputs = winners.stream().map(Event::submission).toList();
        Array zoneCodes = varchars(connection, inputs.stream().map(SubmissionAccepted::zone).toList());
        Array periodCodes = varchars(connection, inputs.stream().map(SubmissionAccepted::period).toList());
        try (PreparedStatement delete = connection.prepareStatement("""
                delete from zone_period_input_value v using unnest(?::varchar[], ?::varchar[]) as k(z, p)
                where v.zone_code = k.z and v.period = k.p""")) {
            delete.setArray(1, zoneCodes);
            delete.setArray(2, periodCodes);
            delete.executeUpdate();
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into zone_period_input (zone_code, period, revision, submission_id, late, received_at, event_id,
                    applied_at)
                select z, p, r, s, l, t::timestamptz, e, ? from unnest(?::varchar[], ?::varchar[], ?::int[], ?::bigint[],
                    ?::boolean[], ?::text[], ?::varchar[]) as k(z, p, r, s, l, t, e)
                on conflict (zone_code, period) do update set revision = excluded.revision,
                    submission_id = excluded.submission_id, late = excluded.late, received_at = excluded.received_at,
                    event_id = excluded.event_id, applied_at = excluded.applied_at""")) {
            upsert.setTimestamp(1, Timestamp.from(now.toInstant()));
            upsert.setArray(2, zoneCodes);
            upsert.setArray(3, periodCodes);
            upsert.setArray(4, connection.createArrayOf("int4",
                    inputs.stream().map(SubmissionAccepted::revision).toArray()));
            upsert.setArray(5, connection.createArrayOf("int8",
                    inputs.stream().map(SubmissionAccepted::submissionId).toArray()));
            upsert.setArray(6, connection.createArrayOf("bool", inputs.stream().map(SubmissionAccepted::late).toArray()));
            upsert.setArray(7, connection.createArrayOf("text",
                    inputs.stream().map(i -> i.receivedAt().toInstant().toString()).toArray()));
            upsert.setArray(8, varchars(connection, winners.stream().map(e -> e.envelope().id()).toList()));
            upsert.executeUpdate();
        }
        List<String> zones = new ArrayList<>();
        List<String> periods = new ArrayList<>();
        List<String> indicators = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Boolean> provisional = new ArrayList<>();
        for (SubmissionAccepted input : inputs) {
            for (SubmissionAccepted.Value value : input.values()) {
                zones.add(input.zone());
                periods.add(input.period());
                indicators.add(value.indicator());
                values.add(value.value());
                provisional.add(value.provisional());
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into zone_period_input_value (zone_code, period, indicator, value, provisional)
                select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::float8[], ?::boolean[])""")) {
            insert.setArray(1, varchars(connection, zones));
            insert.setArray(2, varchars(connection, periods));
            insert.setArray(3, varchars(connection, indicators));
            insert.setArray(4, connection.createArrayOf("float8", values.toArray()));
            insert.setArray(5, connection.createArrayOf("bool", provisional.toArray()));
            insert.executeUpdate();
        }
    }

    private static void recordApplied(Connection connection, List<Event> recorded, List<String> outcomes,
                                      OffsetDateTime now) throws SQLException {
        if (recorded.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into applied_event (event_id, event_type, subject, outcome, applied_at)
                select e, t, s, o, ? from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) as k(e, t, s, o)""")) {
            insert.setTimestamp(1, Timestamp.from(now.toInstant()));
            insert.setArray(2, varchars(connection, recorded.stream().map(e -> e.envelope().id()).toList()));
            insert.setArray(3, varchars(connection, recorded.stream().map(e -> e.envelope().type()).toList()));
            insert.setArray(4, varchars(connection, recorded.stream().map(e -> e.envelope().subject()).toList()));
            insert.setArray(5, varchars(connection, outcomes));
            insert.executeUpdate();
        }
    }

    private static Map<String, String> zoneTypes(Connection connection, Set<ZonePeriodInput.Key> keys)
            throws SQLException {
        Map<String, String> types = new HashMap<>();
        if (keys.isEmpty()) {
            return types;
        }
        try (PreparedStatement select = connection.prepareStatement("select code, type from zone where code = any(?)")) {
            select.setArray(1, varchars(connection, keys.stream().map(k -> k.zoneCode).distinct().toList()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    types.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return types;
    }

    private static Array varchars(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("varchar", values.toArray());
    }

    private static Optional<String> nextPeriod(String period) {
        try {
            return Optional.of(Integer.toString(Integer.parseInt(period) + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

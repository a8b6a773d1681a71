package cn.etdz.evaluation.readmodel;

import cn.etdz.common.events.EventEnvelope;
import cn.etdz.common.events.SubmissionAccepted;
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
 * Applies accepted submissions to the read model in one transaction: the newest revision of a zone-period wins,
 * an older revision arriving late changes nothing, and an event id seen before is skipped. A new revision marks its
 * peer group (and the next period's, whose growth rates depend on it) for recomputation once the transaction commits.
 * A whole poll goes in one transaction, so a national batch of 250 submissions is not 250 transactions.
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
    jakarta.enterprise.event.Event<PeerGroupChanged> peerGroupChanged;

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
            // the official basis: every revision is kept, and one already approved changes its peer group even when
            // a newer revision came first (the approval may also arrive later: ReviewUpdater)
            writeRevisions(connection, recorded);
            Map<ZonePeriodInput.Key, Event> changed = new LinkedHashMap<>(winners);
            approved(connection, recorded).forEach(event -> changed.putIfAbsent(
                    new ZonePeriodInput.Key(event.submission().zone(), event.submission().period()), event));
            Map<String, String> types = zoneTypes(connection, changed.keySet());
            for (Map.Entry<ZonePeriodInput.Key, Event> winner : changed.entrySet()) {
                ZonePeriodInput.Key key = winner.getKey();
                SpanContext cause = winner.getValue().span();
                String type = types.get(key.zoneCode);
                if (type != null) {
                    peerGroupChanged.fire(new PeerGroupChanged(type, key.period, cause));
                    nextPeriod(key.period).ifPresent(next -> peerGroupChanged.fire(new PeerGroupChanged(type, next, cause)));
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

    /**
     * Upserts each winning zone-period's input row, its values with it: one statement, batched by the driver. A row
     * never goes back to an older revision, even if another consumer wrote a newer one since {@link #heldRevisions}.
     */
    private static void writeInputs(Connection connection, List<Event> winners, OffsetDateTime now) throws SQLException {
        if (winners.isEmpty()) {
            return;
        }
        Timestamp appliedAt = Timestamp.from(now.toInstant());
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into zone_period_input (zone_code, period, revision, submission_id, late, received_at, event_id,
                    applied_at, indicators, indicator_values, provisional)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (period, zone_code) do update set revision = excluded.revision,
                    submission_id = excluded.submission_id, late = excluded.late, received_at = excluded.received_at,
                    event_id = excluded.event_id, applied_at = excluded.applied_at, indicators = excluded.indicators,
                    indicator_values = excluded.indicator_values, provisional = excluded.provisional
                where zone_period_input.revision < excluded.revision""")) {
            for (Event winner : winners) {
                SubmissionAccepted input = winner.submission();
                List<SubmissionAccepted.Value> values = input.values();
                upsert.setString(1, input.zone());
                upsert.setString(2, input.period());
                upsert.setInt(3, input.revision());
                upsert.setLong(4, input.submissionId());
                upsert.setBoolean(5, input.late());
                upsert.setTimestamp(6, Timestamp.from(input.receivedAt().toInstant()));
                upsert.setString(7, winner.envelope().id());
                upsert.setTimestamp(8, appliedAt);
                upsert.setArray(9, connection.createArrayOf("varchar",
                        values.stream().map(SubmissionAccepted.Value::indicator).toArray()));
                upsert.setArray(10, connection.createArrayOf("float8",
                        values.stream().map(SubmissionAccepted.Value::value).toArray()));
                upsert.setArray(11, connection.createArrayOf("bool",
                        values.stream().map(SubmissionAccepted.Value::provisional).toArray()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** Keeps every revision's values: the official basis may need one that is no longer the newest. */
    private static void writeRevisions(Connection connection, List<Event> recorded) throws SQLException {
        if (recorded.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into revision_input (zone_code, period, revision, submission_id, late, received_at, indicators,
                    indicator_values, provisional)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (period, zone_code, revision) do nothing""")) {
            for (Event event : recorded) {
                SubmissionAccepted input = event.submission();
                List<SubmissionAccepted.Value> values = input.values();
                insert.setString(1, input.zone());
                insert.setString(2, input.period());
                insert.setInt(3, input.revision());
                insert.setLong(4, input.submissionId());
                insert.setBoolean(5, input.late());
                insert.setTimestamp(6, Timestamp.from(input.receivedAt().toInstant()));
                insert.setArray(7, connection.createArrayOf("varchar",
                        values.stream().map(SubmissionAccepted.Value::indicator).toArray()));
                insert.setArray(8, connection.createArrayOf("float8",
                        values.stream().map(SubmissionAccepted.Value::value).toArray()));
                insert.setArray(9, connection.createArrayOf("bool",
                        values.stream().map(SubmissionAccepted.Value::provisional).toArray()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The recorded events whose revision is the approved one of its zone-period (its approval came first). */
    private static List<Event> approved(Connection connection, List<Event> recorded) throws SQLException {
        if (recorded.isEmpty()) {
            return List.of();
        }
        Set<String> approvedRevisions = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select a.zone_code || '/' || a.period || '/' || a.revision from approval a
                join (select distinct * from unnest(?::varchar[], ?::varchar[])) as k(z, p)
                  on a.zone_code = k.z and a.period = k.p""")) {
            select.setArray(1, varchars(connection, recorded.stream().map(e -> e.submission().zone()).toList()));
            select.setArray(2, varchars(connection, recorded.stream().map(e -> e.submission().period()).toList()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    approvedRevisions.add(rows.getString(1));
                }
            }
        }
        return recorded.stream().filter(event -> approvedRevisions.contains(event.submission().zone() + "/"
                + event.submission().period() + "/" + event.submission().revision())).toList();
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

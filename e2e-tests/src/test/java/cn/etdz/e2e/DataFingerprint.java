package cn.etdz.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A digest of the data users rely on, read straight from the two databases: zones, submissions with their values,
 * warnings and idempotency keys (indicator service); zones, inputs, methodologies and score snapshots with their zone
 * scores (evaluation service). Each table's digest is independent of row order. Outboxes and the applied-event log
 * are left out: they record delivery, not data.
 */
final class DataFingerprint implements AutoCloseable {

    /** Table → the rows of it that belong to a set of zones ({@code ?} stands for the quoted codes), or all rows. */
    private record Table(String database, String name, String seedRows) {
    }

    private static final List<Table> TABLES = List.of(
            new Table("indicator", "zone", "code in (?)"),
            new Table("indicator", "zone_period", "zone_code in (?)"),
            new Table("indicator", "submission", "zone_code in (?)"),
            new Table("indicator", "submission_value", "submission_id in (select id from submission where zone_code in (?))"),
            new Table("indicator", "submission_warning", "submission_id in (select id from submission where zone_code in (?))"),
            new Table("indicator", "idempotency_key", "false"),
            new Table("evaluation", "zone", "code in (?)"),
            new Table("evaluation", "zone_period_input", "zone_code in (?)"),
            new Table("evaluation", "methodology", "zone_type = 'ETDZ'"),
            new Table("evaluation", "score_snapshot", "zone_type = 'ETDZ'"),
            new Table("evaluation", "zone_score", "zone_code in (?)"));

    private final Map<String, Connection> connections = new LinkedHashMap<>();

    DataFingerprint(Map<String, String> jdbcUrls, String user, String password) throws SQLException {
        for (var url : jdbcUrls.entrySet()) {
            connections.put(url.getKey(), DriverManager.getConnection(url.getValue(), user, password));
        }
    }

    /** Every row of every table. */
    Map<String, String> all() {
        return read(null);
    }

    /** Only the rows of the given zones (and of the zone type they belong to, ETDZ, for methodologies and snapshots). */
    Map<String, String> of(List<String> zones) {
        return read(zones);
    }

    /** One query per database, a column per table. */
    private Map<String, String> read(List<String> zones) {
        Map<String, String> digests = new LinkedHashMap<>();
        try {
            for (var database : connections.entrySet()) {
                List<Table> tables = TABLES.stream().filter(table -> table.database().equals(database.getKey())).toList();
                StringBuilder sql = new StringBuilder("select ");
                for (Table table : tables) {
                    String where = zones == null ? "true" : table.seedRows().replace("?",
                            String.join(",", zones.stream().map(zone -> "'" + zone.replace("'", "''") + "'").toList()));
                    sql.append(sql.length() > 7 ? ", " : "").append("(select count(*) || ' rows ' || coalesce(md5(string_agg(")
                            .append("md5(t::text), '' order by md5(t::text))), '') from ").append(table.name())
                            .append(" t where ").append(where).append(")");
                }
                try (Statement statement = database.getValue().createStatement();
                     ResultSet row = statement.executeQuery(sql.toString())) {
                    row.next();
                    for (int i = 0; i < tables.size(); i++) {
                        digests.put(database.getKey() + "." + tables.get(i).name(), row.getString(i + 1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the fingerprint", e);
        }
        return digests;
    }

    /** Events written but not yet acknowledged by Kafka, in both outboxes (the relays delete what is published). */
    long unpublishedEvents() {
        long pending = 0;
        try {
            for (Connection connection : connections.values()) {
                try (Statement statement = connection.createStatement();
                     ResultSet row = statement.executeQuery("select count(*) from outbox")) {
                    row.next();
                    pending += row.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the outboxes", e);
        }
        return pending;
    }

    /** The tables whose digest differs, with both digests, for a failure message. */
    static String difference(Map<String, String> before, Map<String, String> after) {
        StringBuilder changed = new StringBuilder();
        before.forEach((table, digest) -> {
            if (!Objects.equals(digest, after.get(table))) {
                changed.append(table).append(": ").append(digest).append(" -> ").append(after.get(table)).append("; ");
            }
        });
        return changed.toString();
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : connections.values()) {
            connection.close();
        }
    }
}

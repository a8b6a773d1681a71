package cn.etdz.indicator.export;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the values of an export through a PostgreSQL cursor ({@value #FETCH_SIZE} rows a round trip), so a national
 * data set of twenty years streams from the database to the client without ever being a list in memory. Plain JDBC:
 * Hibernate would keep every entity it reads in the session until the end.
 */
@ApplicationScoped
public class ValueExportRepository {

    static final int FETCH_SIZE = 2000;

    @Inject
    AgroalDataSource dataSource;

    /** Receives the rows one by one; may fail with the client's I/O error, which ends the read. */
    @FunctionalInterface
    public interface RowSink {
        void accept(ExportedValue value) throws java.io.IOException;
    }

    /**
     * The chosen revision of each zone-period is the highest one (received by {@code asOf} when given); its values
     * are read in the order zone, period, indicator.
     */
    static String sql(ValueFilter filter, List<Object> parameters) {
        StringBuilder chosen = new StringBuilder("""
                select distinct on (s.zone_code, s.period) s.id, s.zone_code, s.period, s.revision
                from submission s join zone z on z.code = s.zone_code where true""");
        condition(chosen, parameters, " and z.type = ?", filter.zoneType());
        condition(chosen, parameters, " and z.province = ?", filter.province());
        condition(chosen, parameters, " and s.zone_code = ?", filter.zone());
        condition(chosen, parameters, " and s.period >= ?", filter.from());
        condition(chosen, parameters, " and s.period <= ?", filter.to());
        condition(chosen, parameters, " and s.received_at <= ?", filter.asOf() == null ? null
                : Timestamp.from(filter.asOf().toInstant()));
        chosen.append(" order by s.zone_code, s.period, s.revision desc");
        StringBuilder sql = new StringBuilder("with chosen as (").append(chosen).append(")").append("""

                select c.zone_code, z.type, z.province, v.indicator, c.period, v.value, i.unit, v.provisional, c.revision,
                       v.note
                from chosen c join zone z on z.code = c.zone_code
                join submission_value v on v.submission_id = c.id
                left join indicator i on i.code = v.indicator where true""");
        condition(sql, parameters, " and v.indicator = ?", filter.indicator());
        return sql.append(" order by c.zone_code, c.period, v.indicator").toString();
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            parameters.add(value);
        }
    }

    public void stream(ValueFilter filter, RowSink sink) throws java.io.IOException {
        List<Object> parameters = new ArrayList<>();
        String sql = sql(filter, parameters);
        try (Connection connection = dataSource.getConnection()) {
            // PostgreSQL's driver uses a cursor only inside a transaction; read-only, rolled back at the end
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(new ExportedValue(rows.getString(1), rows.getString(2), rows.getString(3),
                                rows.getString(4), rows.getString(5), rows.getDouble(6), rows.getString(7),
                                rows.getBoolean(8), rows.getInt(9), rows.getString(10)));
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The export could not be read from the database", e);
        }
    }
}

package cn.etdz.e2e;

import cn.etdz.localstack.LocalStack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A national data set written straight into the indicator service's database, for the exports' tests and benchmark:
 * {@code zones} ETDZ zones {@code BULK-00001 …} of province {@value #PROVINCE}, each with one accepted revision per
 * year from 2000 holding {@code indicators} values (the catalogue's, plus {@code BENCH_nn} entries when more are
 * asked for). Every tenth value is provisional and each revision's first value carries a note that looks like a
 * formula. Through the API the same data would take an hour to load; the export reads only these tables.
 */
final class BulkValues {

    static final String PROVINCE = "650000";

    private BulkValues() {
    }

    /** Writes the data set and returns the number of values. */
    static long seed(LocalStack stack, int zones, int indicators, int years) throws SQLException {
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl("indicator"), stack.databaseUser(),
                stack.databasePassword()); Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            try (PreparedStatement extra = db.prepareStatement("""
                    insert into indicator (code, name, name_en, unit, pillar, value_type, min_value, max_value,
                                           applies_etdz, applies_becz, required)
                    select 'BENCH_' || lpad(i::text, 2, '0'), '基准指标' || i, 'Bench indicator ' || i, '亿元', 'economy',
                           'NUMBER', 0, null, true, true, false
                    from generate_series(1, ? - (select count(*) from indicator)) i""")) {
                extra.setInt(1, indicators);
                extra.executeUpdate();
            }
            try (PreparedStatement zone = db.prepareStatement("""
                    insert into zone (code, name, type, province, region, created_at, updated_at)
                    select 'BULK-' || lpad(z::text, 5, '0'), '批量开发区' || z, 'ETDZ', ?, 'WEST', now(), now()
                    from generate_series(1, ?) z""")) {
                zone.setString(1, PROVINCE);
                zone.setInt(2, zones);
                zone.executeUpdate();
            }
            try (PreparedStatement submission = db.prepareStatement("""
                    insert into submission (zone_code, period, revision, status, late, received_at, submitted_by,
                                            submitter_province)
                    select 'BULK-' || lpad(z::text, 5, '0'), (2000 + y)::text, 1, 'ACCEPTED', false, now(), 'bulk', ?
                    from generate_series(1, ?) z, generate_series(0, ? - 1) y""")) {
                submission.setString(1, PROVINCE);
                submission.setInt(2, zones);
                submission.setInt(3, years);
                submission.executeUpdate();
            }
            sql.executeUpdate("insert into zone_period (zone_code, period, latest_revision) "
                    + "select zone_code, period, 1 from submission where submitted_by = 'bulk'");
            long values;
            try (PreparedStatement value = db.prepareStatement("""
                    insert into submission_value (submission_id, position, indicator, value, provisional, note)
                    select s.id, i.position, i.code, round(((s.id * 7 + i.position * 13) % 100000) / 10.0, 1),
                           (s.id + i.position) % 10 = 0, case when i.position = 1 then '=SUM(A1:A9) 备注' end
                    from submission s
                    cross join (select code, (row_number() over (order by code))::int - 1 as position
                                from indicator order by code limit ?) i
                    where s.submitted_by = 'bulk'""")) {
                value.setInt(1, indicators);
                values = value.executeUpdate();
            }
            db.commit();
            sql.execute("analyze");
            return values;
        }
    }
}

package cn.etdz.evaluation.readmodel;

import cn.etdz.localstack.Database;
import cn.etdz.localstack.PlatformTestResource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** V6 moves the values of an existing read model into their input rows; a deployment upgraded in place loses none. */
class ValuesMigrationTest {

    @Test
    void eachZonePeriodKeepsItsValuesInItsInputRow() throws Exception {
        Database database = PlatformTestResource.database();
        // a fresh database each run, also on an external server (PLATFORM_DB_URL) where an earlier run's would be at V6
        String url = database.createDatabase("values_migration_" + System.currentTimeMillis());
        migrate(url, "5");
        try (Connection connection = DriverManager.getConnection(url, database.username(), database.password());
             Statement sql = connection.createStatement()) {
            sql.execute("""
                    insert into zone_period_input (zone_code, period, revision, submission_id, late, received_at, event_id, applied_at)
                    values ('Z1', '2014', 2, 11, false, now(), 'e1', now()), ('Z1', '2015', 1, 12, true, now(), 'e2', now()),
                           ('Z2', '2015', 3, 13, false, now(), 'e3', now())""");
            sql.execute("""
                    insert into zone_period_input_value (zone_code, period, indicator, value, provisional)
                    values ('Z1', '2014', 'GDP', 100.5, false), ('Z1', '2014', 'EXPORTS', 20, true),
                           ('Z1', '2015', 'GDP', 110, false), ('Z2', '2015', 'TAX', 7.25, false)""");

            migrate(url, "6");

            try (ResultSet row = sql.executeQuery("""
                    select indicators, indicator_values, provisional, revision from zone_period_input
                    where zone_code = 'Z1' and period = '2014'""")) {
                assertTrue(row.next());
                assertArrayEquals(new String[] {"EXPORTS", "GDP"}, (String[]) row.getArray(1).getArray());
                assertArrayEquals(new Double[] {20.0, 100.5}, (Double[]) row.getArray(2).getArray());
                assertArrayEquals(new Boolean[] {true, false}, (Boolean[]) row.getArray(3).getArray());
                assertEquals(2, row.getInt(4));
            }
            try (ResultSet rows = sql.executeQuery("""
                    select zone_code, period, array_length(indicators, 1) from zone_period_input order by period, zone_code""")) {
                assertTrue(rows.next());
                assertEquals("Z1|2014|2", rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getInt(3));
                assertTrue(rows.next());
                assertEquals("Z1|2015|1", rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getInt(3));
                assertTrue(rows.next());
                assertEquals("Z2|2015|1", rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getInt(3));
                assertFalse(rows.next());
            }
            try (ResultSet table = sql.executeQuery("select to_regclass('zone_period_input_value') is null")) {
                assertTrue(table.next());
                assertTrue(table.getBoolean(1), "the old values table is dropped");
            }
        }
    }

    private static void migrate(String url, String target) {
        Database database = PlatformTestResource.database();
        Flyway.configure().dataSource(url, database.username(), database.password())
                .locations("classpath:db/migration").target(target).load().migrate();
    }
}

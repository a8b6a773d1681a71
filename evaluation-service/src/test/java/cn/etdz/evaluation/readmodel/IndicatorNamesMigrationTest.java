package cn.etdz.evaluation.readmodel;

import cn.etdz.localstack.Database;
import cn.etdz.localstack.PlatformTestResource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V14 gives the plan's catalogue entries their English names, those seeded by V13 and those an event of indicators.v1
 * wrote before the column existed; an entry outside the plan keeps none until its next event.
 */
class IndicatorNamesMigrationTest {

    @Test
    void thePlansEntriesHaveTheirEnglishNamesAndOthersNone() throws Exception {
        Database database = PlatformTestResource.database();
        // a fresh database each run, also on an external server (PLATFORM_DB_URL) where an earlier run's would be at V14
        String url = database.createDatabase("indicator_names_migration_" + System.currentTimeMillis());
        migrate(url, "13");
        try (Connection connection = DriverManager.getConnection(url, database.username(), database.password());
             Statement sql = connection.createStatement()) {
            // GDP as an event of indicators.v1 left it, and an entry an administrator added
            sql.execute("update indicator set changed_at = now() where code = 'GDP'");
            sql.execute("""
                    insert into indicator (code, name, unit, pillar, value_type, applies_to, required, changed_at)
                    values ('GREEN_RATE', '绿地率', '%', 'environment', 'PERCENT', 'ETDZ', false, now())""");

            migrate(url, "14");

            Map<String, String> names = englishNames(sql);
            assertThat(names).hasSize(30);
            assertThat(names).containsEntry("GDP", "Gross regional product")
                    .containsEntry("RD_CENTERS", "R&D centres of provincial level and above")
                    .containsEntry("AREA_BUILT", "Developed area")
                    .containsEntry("GREEN_RATE", null);
            assertThat(names.entrySet().stream().filter(entry -> entry.getValue() == null).map(Map.Entry::getKey))
                    .containsExactly("GREEN_RATE");
        }
    }

    private static Map<String, String> englishNames(Statement sql) throws SQLException {
        Map<String, String> names = new HashMap<>();
        try (ResultSet rows = sql.executeQuery("select code, name_en from indicator")) {
            while (rows.next()) {
                names.put(rows.getString(1), rows.getString(2));
            }
        }
        return names;
    }

    private static void migrate(String url, String target) {
        Database database = PlatformTestResource.database();
        Flyway.configure().dataSource(url, database.username(), database.password())
                .locations("classpath:db/migration").target(target).load().migrate();
    }
}

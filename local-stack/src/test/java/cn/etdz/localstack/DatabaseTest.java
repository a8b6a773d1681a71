package cn.etdz.localstack;

import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseTest {

    @Test
    void givesEachServiceItsOwnDatabaseOnARealServer() throws Exception {
        try (Database database = Database.start(null, Map.of())) {
            String url = database.createDatabase("indicator");
            assertThat(database.createDatabase("indicator")).isEqualTo(url);

            try (var connection = DriverManager.getConnection(url, database.username(), database.password());
                 var rows = connection.createStatement().executeQuery("select current_database(), version()")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("indicator");
                assertThat(rows.getString(2)).startsWith("PostgreSQL");
            }
        }
    }

    @Test
    void usesTheServerNamedInTheEnvironment() {
        try (Database database = Database.start(null, Map.of(Database.URL_ENV, "jdbc:postgresql://db.example:5432/postgres?ssl=true",
                Database.USER_ENV, "platform"))) {
            assertThat(database.embedded()).isFalse();
            assertThat(database.username()).isEqualTo("platform");
            assertThat(database.urlOf("evaluation")).isEqualTo("jdbc:postgresql://db.example:5432/evaluation?ssl=true");
        }
    }
}

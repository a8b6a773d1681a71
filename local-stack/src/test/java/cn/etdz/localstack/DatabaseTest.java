package cn.etdz.localstack;

import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void theEmbeddedServerStopsAndStartsAgainOnTheSamePortWithItsData() throws Exception {
        try (Database database = Database.start(null, Map.of())) {
            String url = database.createDatabase("kept");
            try (var connection = DriverManager.getConnection(url, database.username(), database.password())) {
                connection.createStatement().execute("create table t (v int); insert into t values (42)");
            }

            database.stopServer();
            assertThatThrownBy(() -> DriverManager.getConnection(url, database.username(), database.password()))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("08"));

            database.startServer();
            try (var connection = DriverManager.getConnection(url, database.username(), database.password());
                 var rows = connection.createStatement().executeQuery("select v, current_setting('max_connections') from t")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(42);
                assertThat(rows.getString(2)).as("the original settings").isEqualTo("200");
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

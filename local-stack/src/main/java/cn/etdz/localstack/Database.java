package cn.etdz.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the tests and the local run use: the one named by {@value #URL_ENV} when that is set
 * (CI may pass the machine's), otherwise a real PostgreSQL started embedded from Maven Central's binaries.
 * Each service gets a database of its own on that server.
 */
public final class Database implements AutoCloseable {

    /** JDBC URL of an existing server, e.g. {@code jdbc:postgresql://localhost:5432/postgres}. */
    public static final String URL_ENV = "PLATFORM_DB_URL";
    public static final String USER_ENV = "PLATFORM_DB_USER";
    public static final String PASSWORD_ENV = "PLATFORM_DB_PASSWORD";

    private static final Pattern DATABASE_PART = Pattern.compile("^(jdbc:postgresql://[^/?]+)(/[^?]*)?(\\?.*)?$");

    private final EmbeddedPostgres embedded;
    private final String serverUrl;
    private final String username;
    private final String password;

    private Database(EmbeddedPostgres embedded, String serverUrl, String username, String password) {
        this.embedded = embedded;
        this.serverUrl = serverUrl;
        this.username = username;
        this.password = password;
    }

    /**
     * Uses the server of {@value #URL_ENV} if set; otherwise starts an embedded one whose data lives in
     * {@code dataDirectory} (a temporary directory when null), wiped at start.
     */
    public static Database start(Path dataDirectory, Map<String, String> environment) {
        Optional<String> external = Optional.ofNullable(environment.get(URL_ENV)).filter(url -> !url.isBlank());
        if (external.isPresent()) {
            return new Database(null, external.get(), environment.getOrDefault(USER_ENV, "postgres"),
                    environment.getOrDefault(PASSWORD_ENV, ""));
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off");
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(true);
            }
            EmbeddedPostgres postgres = builder.start();
            return new Database(postgres, postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL", e);
        }
    }

    /** Creates {@code name} unless it exists and returns its JDBC URL. */
    public String createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("database names are lower-case identifiers: " + name);
        }
        try (Connection connection = DriverManager.getConnection(serverUrl, username, password);
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("create database " + name);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return urlOf(name);
    }

    String urlOf(String name) {
        var matcher = DATABASE_PART.matcher(serverUrl);
        if (!matcher.matches()) {
            throw new IllegalStateException("Not a PostgreSQL JDBC URL: " + serverUrl);
        }
        String query = matcher.group(3) == null ? "" : matcher.group(3);
        return matcher.group(1) + "/" + name + query;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public boolean embedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new IllegalStateException("Could not stop the embedded PostgreSQL", e);
            }
        }
    }
}

package cn.etdz.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
    /** How to start the embedded server again while it is stopped; null while it runs. */
    private StoppedServer stopped;

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

    /**
     * Stops the embedded server as an operator would ({@code pg_ctl stop -m fast}: open connections are cut), keeping
     * its data, so tests can show what the services do while their database is down. {@link #startServer} brings it
     * back on the same port and data directory.
     */
    public synchronized void stopServer() {
        requireEmbedded();
        if (stopped != null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(serverUrl, username, password);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("show data_directory")) {
            row.next();
            Path dataDirectory = Path.of(row.getString(1));
            // postmaster.pid names the server process, whose binary lies beside pg_ctl; postmaster.opts holds the
            // exact command line it was started with (port and settings), which the restart reuses
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
            Path server = Path.of(ProcessHandle.of(pid).orElseThrow().info().command().orElseThrow());
            List<String> arguments = new ArrayList<>();
            Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(Files.readString(dataDirectory.resolve("postmaster.opts")));
            while (quoted.find()) {
                arguments.add(quoted.group(1));
            }
            stopped = new StoppedServer(server.resolveSibling("pg_ctl"), dataDirectory, arguments);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not find the embedded PostgreSQL's server to stop", e);
        }
        pgCtl(List.of("stop", "-m", "fast"));
    }

    /** Starts the server {@link #stopServer} stopped, on the same port with the same data and settings. */
    public synchronized void startServer() {
        requireEmbedded();
        if (stopped == null) {
            return;
        }
        String options = stopped.arguments().stream().map(argument -> "\"" + argument + "\"")
                .collect(Collectors.joining(" "));
        pgCtl(List.of("start", "-o", options, "-l", stopped.dataDirectory().resolve("restart.log").toString()));
        stopped = null;
    }

    private record StoppedServer(Path pgCtl, Path dataDirectory, List<String> arguments) {
    }

    private void pgCtl(List<String> action) {
        List<String> command = new ArrayList<>(List.of(stopped.pgCtl().toString(), "-D",
                stopped.dataDirectory().toString(), "-w", "-t", "60"));
        command.addAll(action);
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; like zonky's own start, run it as root of a new user namespace
            command.addAll(0, List.of("unshare", "-U"));
        }
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            // pg_ctl writes in the platform's encoding
            String output = new String(process.getInputStream().readAllBytes(), Charset.defaultCharset());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("pg_ctl " + action.get(0) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during pg_ctl " + action.get(0), e);
        }
    }

    private void requireEmbedded() {
        if (embedded == null) {
            throw new IllegalStateException("only the embedded PostgreSQL can be stopped and started here");
        }
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

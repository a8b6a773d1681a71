package cn.etdz.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Files;
import java.util.Map;

/**
 * The services' {@code @QuarkusTest}s run on a real broker and a real PostgreSQL: this resource starts both once per
 * test JVM and points the application at them, and at a {@link TraceCollector} for its spans. Init argument
 * {@code database} names the service's own database.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafka kafka;
    private static Database database;
    private static TokenIssuer tokens;
    private static TraceCollector traces;

    private String databaseName = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        databaseName = initArgs.getOrDefault("database", databaseName);
    }

    @Override
    public Map<String, String> start() {
        String url = database().createDatabase(databaseName);
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", database.password(),
                "kafka.bootstrap.servers", kafka().bootstrapServers(),
                "mp.jwt.verify.publickey.location", tokens().publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", TokenIssuer.ISSUER));
        config.putAll(traces().exporterConfig());
        return config;
    }

    @Override
    public void stop() {
        // Broker and database live as long as the test JVM, so every test class of a module shares them.
    }

    public static synchronized EmbeddedKafka kafka() {
        if (kafka == null) {
            kafka = EmbeddedKafka.start(null);
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        }
        return kafka;
    }

    public static synchronized Database database() {
        if (database == null) {
            database = Database.start(null, System.getenv());
            Runtime.getRuntime().addShutdownHook(new Thread(database::close));
        }
        return database;
    }

    /** Where the application under test sends its spans. */
    public static synchronized TraceCollector traces() {
        if (traces == null) {
            traces = TraceCollector.start(null);
            Runtime.getRuntime().addShutdownHook(new Thread(traces::close));
        }
        return traces;
    }

    public static synchronized TokenIssuer tokens() {
        if (tokens == null) {
            try {
                tokens = TokenIssuer.loadOrCreate(Files.createTempDirectory("test-keys-"), TokenIssuer.TEST_LIFETIME);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return tokens;
    }
}

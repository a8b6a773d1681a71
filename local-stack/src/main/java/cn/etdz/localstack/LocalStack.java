package cn.etdz.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs the whole platform on one machine without Docker: PostgreSQL (embedded unless {@value Database#URL_ENV} is
 * set), a KRaft Kafka broker in this JVM, and the three packaged services as child processes. {@code
 * deploy/local/run.sh} runs {@link #main} and the end-to-end tests use {@link #start} the same way, so the local run
 * is what the tests exercise. Closing it stops everything it started.
 */
public final class LocalStack implements AutoCloseable {

    /**
     * A service of the platform, where its packaged application lives, and its heap. The serial collector touches
     * every page of its heap in time, so the heap cap is most of the resident size: each service gets what its live
     * data needs with room to spare (the indicator service keeps about 30 MiB live after a national import, but reads
     * an uploaded workbook whole: a national one of 2 500 rows × 40 indicators needs more than 192 MiB; the evaluation
     * service keeps peer groups and ranking pages in memory). {@code managementPort} serves its metrics and
     * detailed health ({@code /q/metrics}, {@code /q/health}), never the public one.
     */
    public record Service(String name, String module, int port, int managementPort, int heapMiB) {
        Path runner(Path root) {
            return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        }
    }

    /**
     * @param root     repository root (where the modules' {@code target/} directories are)
     * @param state    where logs, database and broker data, keys and tokens go ({@code .local/} for the local run)
     * @param ports    gateway, indicator and evaluation HTTP ports; 0 picks a free one
     */
    public record Options(Path root, Path state, int gatewayPort, int indicatorPort, int evaluationPort) {
    }

    private final Options options;
    private final Consumer<String> progress;
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, Service> services = new LinkedHashMap<>();
    /** The configuration each service was launched with, so a restart gives it the same. */
    private final Map<String, Map<String, String>> launched = new LinkedHashMap<>();
    private Database database;
    private EmbeddedKafka kafka;
    private TokenIssuer tokens;
    private TraceCollector traces;
    private DemoIdentities demoIdentities;

    private LocalStack(Options options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Starts everything and waits until every service reports ready. */
    public static LocalStack start(Options options, Consumer<String> progress) {
        LocalStack stack = new LocalStack(options, progress);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        Path state = options.state();
        mkdirs(state.resolve("logs"));
        for (Service service : List.of(
                new Service("indicator-service", "indicator-service", freePortOr(options.indicatorPort()), freePortOr(0), 256),
                new Service("evaluation-service", "evaluation-service", freePortOr(options.evaluationPort()), freePortOr(0), 256),
                new Service("gateway", "gateway", freePortOr(options.gatewayPort()), freePortOr(0), 256))) {
            if (!Files.isRegularFile(service.runner(options.root()))) {
                throw new IllegalStateException(
                        service.runner(options.root()) + " is missing: build first (./mvnw -B package -DskipTests)");
            }
            services.put(service.name(), service);
        }

        Instant begin = Instant.now();
        tokens = TokenIssuer.loadOrCreate(state.resolve("keys"), TokenIssuer.DEMO_LIFETIME);
        progress.accept("starting PostgreSQL");
        database = Database.start(state.resolve("postgres"), System.getenv());
        progress.accept((database.embedded() ? "embedded PostgreSQL" : "PostgreSQL from " + Database.URL_ENV)
                + " ready; starting the Kafka broker");
        kafka = EmbeddedKafka.start(state.resolve("kafka"));
        progress.accept("Kafka broker ready at " + kafka.bootstrapServers() + "; starting the services");

        traces = TraceCollector.start(state.resolve("traces.jsonl"));
        Map<String, String> common = new LinkedHashMap<>(Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "mp.jwt.verify.publickey.location", tokens.publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", TokenIssuer.ISSUER,
                "mp.jwt.verify.audiences", TokenIssuer.AUDIENCE,
                // the demo tokens live a day (tokens.env); production's maximum is an hour
                "smallrye.jwt.time-to-live", String.valueOf(TokenIssuer.DEMO_LIFETIME.toSeconds())));
        common.putAll(traces.exporterConfig());
        launch(service("indicator-service"), withDatabase(common, "indicator"));
        Map<String, String> evaluation = withDatabase(common, "evaluation");
        // evaluation.* system properties of this JVM reach the evaluation service (to measure its consumer settings)
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("evaluation."))
                .forEach(name -> evaluation.put(name, System.getProperty(name)));
        launch(service("evaluation-service"), evaluation);
        Map<String, String> gateway = new LinkedHashMap<>(common);
        gateway.put("gateway.routes.indicator.url", "http://localhost:" + service("indicator-service").port());
        gateway.put("gateway.routes.evaluation.url", "http://localhost:" + service("evaluation-service").port());
        gateway.put("gateway.openapi.server-url", "http://localhost:" + service("gateway").port());
        demoIdentities = DemoIdentities.start(tokens, DemoDataSet.generate(DemoDataSet.DEMO_SEED).provinces(),
                service("gateway").port());
        gateway.put("gateway.console.demo-identities-url", demoIdentities.url());
        // gateway.* system properties of this JVM reach the gateway (benchmarks widen its rate limits this way).
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("gateway."))
                .forEach(name -> gateway.put(name, System.getProperty(name)));
        launch(service("gateway"), gateway);

        for (Service service : services.values()) {
            awaitReady(service);
            progress.accept(service.name() + " ready on port " + service.port());
        }
        progress.accept("stack ready in " + Duration.between(begin, Instant.now()).toMillis() + " ms");
    }

    private Map<String, String> withDatabase(Map<String, String> common, String name) {
        Map<String, String> config = new LinkedHashMap<>(common);
        config.put("quarkus.datasource.jdbc.url", database.createDatabase(name));
        config.put("quarkus.datasource.username", database.username());
        config.put("quarkus.datasource.password", database.password());
        return config;
    }

    private void launch(Service service, Map<String, String> config) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + service.heapMiB() + "m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                // C1 only: with four JVMs on two cores, C2 kept compiling for minutes under load and took about a third
                // of the CPU; without it the benchmark's import ran 1.4 to 1.75 times as fast and the singles' p99 fell
                // (docs/benchmarks.md)
                "-XX:TieredStopAtLevel=1"));
        command.add("-Dquarkus.http.port=" + service.port());
        command.add("-Dquarkus.management.port=" + service.managementPort());
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(service.runner(options.root()).toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                // a restarted service's log goes on after its previous run's
                .redirectOutput(launched.containsKey(service.name())
                        ? ProcessBuilder.Redirect.appendTo(log(service).toFile())
                        : ProcessBuilder.Redirect.to(log(service).toFile()));
        // Variables starting with KAFKA_ would leak into the services' Kafka client config.
        builder.environment().keySet().removeIf(name -> name.startsWith("KAFKA_"));
        try {
            Process process = builder.start();
            int index = new ArrayList<>(services.keySet()).indexOf(service.name());
            if (index < processes.size()) {
                processes.set(index, process);
            } else {
                processes.add(process);
            }
            launched.put(service.name(), config);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + service.name(), e);
        }
    }

    /** Waits for readiness on the service's management port, where its health checks report in detail. */
    private void awaitReady(Service service) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl(service) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        Process process = processes.get(new ArrayList<>(services.keySet()).indexOf(service.name()));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        service.name() + " exited with " + process.exitValue() + "; last log lines:\n" + tail(service));
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + service.name(), e);
            }
            sleep(250);
        }
        throw new IllegalStateException(service.name() + " was not ready within 120 s; last log lines:\n" + tail(service));
    }

    private String tail(Service service) {
        try {
            List<String> lines = Files.readAllLines(log(service));
            return lines.subList(Math.max(0, lines.size() - 30), lines.size()).stream().collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    public Path log(Service service) {
        return options.state().resolve("logs").resolve(service.name() + ".log");
    }

    public Service service(String name) {
        return services.get(name);
    }

    public String gatewayUrl() {
        return "http://localhost:" + service("gateway").port();
    }

    /** The web console the gateway serves; its sign-in screen offers the demo identities. */
    public String consoleUrl() {
        return gatewayUrl() + "/";
    }

    /** Base URL of a service's management interface: {@code /q/metrics} and {@code /q/health} in detail. */
    public String managementUrl(Service service) {
        return "http://localhost:" + service.managementPort();
    }

    /** JDBC URL of a database on the stack's PostgreSQL server (created if missing), for benchmarks and checks. */
    public String jdbcUrl(String databaseName) {
        return database.createDatabase(databaseName);
    }

    public String databaseUser() {
        return database.username();
    }

    public String databasePassword() {
        return database.password();
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    /** The collector the services send their traces to (also appended to {@code traces.jsonl} in the state). */
    public TraceCollector traces() {
        return traces;
    }

    public TokenIssuer tokens() {
        return tokens;
    }

    /** Process ids of the services, for measuring their memory. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        int i = 0;
        for (String name : services.keySet()) {
            if (i < processes.size()) {
                pids.put(name, processes.get(i).pid());
            }
            i++;
        }
        return pids;
    }

    /**
     * Kills a service with SIGKILL, as the kernel's OOM killer or a lost node would: no shutdown hook runs, nothing is
     * flushed or closed. Returns when the process is gone.
     */
    public synchronized void killService(String name) {
        Process process = process(name);
        try {
            if (!process.destroyForcibly().waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not die within 30 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + name, e);
        }
    }

    /** Starts a killed service again on the same port with the same configuration and waits until it is ready. */
    public void restartService(String name) {
        synchronized (this) {
            if (process(name).isAlive()) {
                throw new IllegalStateException(name + " is still running");
            }
            launch(service(name), launched.get(name));
        }
        awaitReady(service(name));
    }

    /**
     * Restarts every service, on the same ports, with these settings on top of those it was started with, and waits
     * until all are ready: e.g. a test loads the demo data with the stack's own tokens, then has the platform trust
     * another token issuer (an OpenID Connect provider) instead.
     */
    public void reconfigure(Map<String, String> settings) {
        for (String name : services.keySet()) {
            killService(name);
            Map<String, String> config = new LinkedHashMap<>(launched.get(name));
            config.putAll(settings);
            synchronized (this) {
                launch(service(name), config);
            }
        }
        for (Service service : services.values()) {
            awaitReady(service);
        }
    }

    private Process process(String name) {
        int index = new ArrayList<>(services.keySet()).indexOf(name);
        if (index < 0 || index >= processes.size()) {
            throw new IllegalArgumentException("no running service " + name);
        }
        return processes.get(index);
    }

    /** Stops the embedded PostgreSQL (open connections are cut) until {@link #startDatabase}; its data is kept. */
    public void stopDatabase() {
        database.stopServer();
    }

    /** Starts the PostgreSQL that {@link #stopDatabase} stopped, on the same port with the same data. */
    public void startDatabase() {
        database.startServer();
    }

    /** Stops the services (gateway first), then the broker and the database. Safe to call twice. */
    @Override
    public synchronized void close() {
        List<Process> reversed = new ArrayList<>(processes);
        java.util.Collections.reverse(reversed);
        reversed.forEach(Process::destroy);
        for (Process process : reversed) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
        if (traces != null) {
            traces.close();
            traces = null;
        }
        if (demoIdentities != null) {
            demoIdentities.close();
            demoIdentities = null;
        }
        if (kafka != null) {
            quietly("the Kafka broker", kafka::close);
            kafka = null;
        }
        if (database != null) {
            quietly("PostgreSQL", database::close);
            database = null;
        }
    }

    /** Stopping goes on past a part that fails to stop (e.g. PostgreSQL already stopped by the terminal's Ctrl-C). */
    private void quietly(String what, Runnable stop) {
        try {
            stop.run();
        } catch (RuntimeException e) {
            progress.accept("could not stop " + what + " cleanly: " + e.getMessage());
        }
    }

    /**
     * Loads the demo data set through the gateway, as an administrator and the provinces would, and writes the demo
     * tokens of every province in it to {@link #tokensFile()}.
     */
    public String loadDemoData() {
        DemoData demo = new DemoData(gatewayUrl(), tokens);
        String summary = demo.load();
        writeTokens(demo.provinces());
        return summary;
    }

    /** {@code tokens.env} in the state directory: shell assignments of the demo tokens. */
    public Path tokensFile() {
        return options.state().resolve("tokens.env");
    }

    private void writeTokens(List<String> provinces) {
        StringBuilder env = new StringBuilder("# Demo tokens of the local run (valid " + TokenIssuer.DEMO_LIFETIME.toHours()
                + " h); source this file in scripts.\n");
        env.append("ADMIN_TOKEN=").append(tokens.admin()).append('\n');
        env.append("ANALYST_TOKEN=").append(tokens.analyst()).append('\n');
        for (String province : provinces) {
            env.append("SUBMITTER_").append(province).append("_TOKEN=").append(tokens.submitter(province)).append('\n');
            env.append("REVIEWER_").append(province).append("_TOKEN=").append(tokens.reviewer(province)).append('\n');
        }
        try {
            Files.writeString(tokensFile(), env.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePortOr(int port) {
        if (port > 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void mkdirs(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Entry point of {@code deploy/local/run.sh}: {@code LocalStack <repository root>}. Runs until SIGINT/SIGTERM,
     * then stops everything it started.
     */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int gatewayPort = Integer.parseInt(System.getenv().getOrDefault("GATEWAY_PORT", "8080"));
        Options options = new Options(root, root.resolve(".local"), gatewayPort,
                Integer.parseInt(System.getenv().getOrDefault("INDICATOR_PORT", "8081")),
                Integer.parseInt(System.getenv().getOrDefault("EVALUATION_PORT", "8082")));
        Consumer<String> progress = message -> System.out.println("[local] " + message);
        LocalStack stack = start(options, progress);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            progress.accept("stopping");
            stack.close();
            progress.accept("stopped; nothing left running");
            stopped.countDown();
        }));
        progress.accept("loading demo data through the gateway");
        progress.accept(stack.loadDemoData());
        Path tokensFile = stack.tokensFile();
        String url = stack.gatewayUrl();
        System.out.println();
        System.out.println("  Console      " + stack.consoleUrl() + "  (sign in with a demo identity)");
        System.out.println("  Gateway      " + url + "/api/v1");
        System.out.println("  Swagger UI   " + url + "/q/swagger-ui");
        System.out.println("  OpenAPI      " + url + "/openapi");
        System.out.println("  Health       " + url + "/q/health/ready  (status only, for load balancers)");
        for (Service service : stack.services.values()) {
            System.out.printf("  Management   %s/q/metrics  %s/q/health  (%s)%n", stack.managementUrl(service),
                    stack.managementUrl(service), service.name());
        }
        System.out.println("  Tokens       " + tokensFile + "  (source it: . " + root.relativize(tokensFile) + ")");
        System.out.println("  Logs         " + options.state().resolve("logs"));
        System.out.println();
        System.out.println("  Try:  . .local/tokens.env && curl -s -H \"Authorization: Bearer $SUBMITTER_320000_TOKEN\" \\");
        System.out.println("          -H 'Content-Type: application/json' " + url + "/api/v1/submissions \\");
        System.out.println("          -d '{\"zone\":\"SUZHOU-IP\",\"period\":\"2015\",\"values\":[{\"indicator\":\"GDP\",\"value\":2070.5},"
                + "{\"indicator\":\"TAX\",\"value\":310.2},{\"indicator\":\"EMPLOYEES\",\"value\":80.1}]}'");
        System.out.println();
        System.out.println("  Press Ctrl-C to stop everything.");
        stopped.await();
    }
}

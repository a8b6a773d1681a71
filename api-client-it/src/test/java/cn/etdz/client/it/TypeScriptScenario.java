package cn.etdz.client.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Compiles the TypeScript client the build generated (typescript-fetch, {@code target/typescript-client}) together
 * with {@code src/test/typescript/scenario.test.ts} using the pinned TypeScript compiler ({@code package-lock.json}),
 * and runs the scenario with Node's own test runner. Needs Node.js and npm on the PATH; without them the Maven build
 * stays green and says the TypeScript client was not run.
 */
final class TypeScriptScenario {

    static final String NOT_RUN = "TypeScript client not run: Node.js and npm are not on the PATH";

    record Outcome(int exitCode, String output) {
    }

    private final Path scenarioDirectory;
    private final Path buildDirectory;

    private TypeScriptScenario(Path scenarioDirectory, Path buildDirectory) {
        this.scenarioDirectory = scenarioDirectory;
        this.buildDirectory = buildDirectory;
    }

    /** The scenario and the generated client where the Maven build put them. */
    static TypeScriptScenario fromBuild() {
        Path client = Path.of(System.getProperty("typescript.client"));
        return new TypeScriptScenario(Path.of(System.getProperty("typescript.scenario")),
                client.resolveSibling("typescript-build"));
    }

    boolean nodeAvailable() {
        boolean available = onPath("node") && onPath("npm");
        if (!available) {
            System.out.println("[client-it] " + NOT_RUN);
        }
        return available;
    }

    /** Installs the pinned compiler when missing, compiles, and runs the scenario with the given environment. */
    Outcome run(Map<String, String> environment) {
        if (!Files.isDirectory(scenarioDirectory.resolve("node_modules/typescript"))) {
            Outcome installed = exec(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), Map.of(), 300);
            if (installed.exitCode() != 0) {
                return installed;
            }
        }
        Outcome compiled = exec(List.of("node", "node_modules/typescript/bin/tsc", "-p", "tsconfig.json"), Map.of(), 300);
        if (compiled.exitCode() != 0) {
            return compiled;
        }
        Path test = buildDirectory.resolve("src/test/typescript/scenario.test.js");
        return exec(List.of("node", "--test", "--test-reporter=tap", test.toString()), environment, 300);
    }

    private Outcome exec(List<String> command, Map<String, String> environment, long timeoutSeconds) {
        try {
            Path log = Files.createTempFile("typescript-scenario-", ".log");
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                    .directory(scenarioDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Outcome(-1, String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.delete(log);
            return new Outcome(process.exitValue(), String.join(" ", command) + "\n" + output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }
}

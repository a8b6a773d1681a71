package cn.etdz.localstack.bench;

import cn.etdz.localstack.LocalStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The temporary directory a benchmark's stack keeps its state in. After the run only the services' logs stay: the
 * database, the broker's log segments and the traces of an import benchmark took up to 400 MB a run, and reruns piled
 * them up in {@code /tmp}.
 */
final class BenchState {

    private BenchState() {
    }

    static Path create() throws IOException {
        return Files.createTempDirectory("bench-stack-");
    }

    /**
     * Starts the packaged stack on free ports with its state in {@code state}. A benchmark stopped with a signal (kill,
     * not Ctrl-C) must not leave the services and the database running, so a shutdown hook stops them and cleans up.
     */
    static LocalStack startStack(Path root, Path state) {
        LocalStack stack = LocalStack.start(new LocalStack.Options(root, state, 0, 0, 0),
                message -> System.out.println("[bench] " + message));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            cleanUp(state);
        }));
        return stack;
    }

    private static final Set<Path> CLEANED = new HashSet<>();

    /**
     * Deletes everything in {@code state} but {@code logs/}, once: called when the run ends and from the shutdown hook
     * that stops the stack when the benchmark is killed.
     */
    static synchronized void cleanUp(Path state) {
        Path logs = state.resolve("logs");
        if (!CLEANED.add(state) || !Files.isDirectory(state)) {
            return;
        }
        // deepest first; a file that cannot go is reported and the rest still goes, and nothing here may replace the
        // exception that ended the benchmark
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(state)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException | UncheckedIOException e) {
            System.out.println("[bench] could not list " + state + " to clean it up: " + e.getMessage());
            return;
        }
        int left = 0;
        for (Path path : paths) {
            if (path.equals(state) || path.startsWith(logs)) {
                continue;
            }
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                left++;
            }
        }
        System.out.println("[bench] logs kept in " + logs
                + (left == 0 ? "" : "; " + left + " other files could not be deleted"));
    }
}

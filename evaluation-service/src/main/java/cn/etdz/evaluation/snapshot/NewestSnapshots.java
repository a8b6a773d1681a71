package cn.etdz.evaluation.snapshot;

import cn.etdz.evaluation.config.EvaluationConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Which snapshot is the newest of each peer group, kept in memory so a query for the current ranking needs no
 * database round trip. Every stored snapshot sends a PostgreSQL notification ({@value #CHANNEL}) when its transaction
 * commits; a listener thread per replica drops what it knows on each one, so a snapshot written by any replica is
 * seen at once. While the listener is not connected nothing is kept and every read asks the database.
 */
@ApplicationScoped
public class NewestSnapshots {

    static final String CHANNEL = "score_snapshot";
    private static final Logger LOG = Logger.getLogger(NewestSnapshots.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    SnapshotRepository snapshots;
    @Inject
    EvaluationConfig config;

    /** One generation of knowledge; replaced, never cleared, so a read racing a notification cannot keep stale data. */
    private volatile Map<String, Optional<SnapshotInfo>> known = new ConcurrentHashMap<>();
    private volatile boolean listening;
    private volatile boolean running;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::listen, "snapshot-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * For each of the periods, the peer group's newest snapshot on the basis; periods without one are absent. Same
     * answer as {@link SnapshotRepository#atEach} with no {@code asOf}, from memory when the listener is connected.
     */
    public Map<String, SnapshotInfo> newest(String zoneType, List<String> periods, Basis basis) {
        Map<String, Optional<SnapshotInfo>> generation = known;
        Map<String, SnapshotInfo> result = new HashMap<>();
        String group = zoneType + "/" + basis.code() + "/";
        List<String> missing = periods.stream().filter(period -> !generation.containsKey(group + period)).toList();
        if (!missing.isEmpty()) {
            Map<String, SnapshotInfo> loaded = snapshots.atEach(zoneType, missing, null, basis);
            if (listening) {
                missing.forEach(period -> generation.put(group + period, Optional.ofNullable(loaded.get(period))));
            }
            result.putAll(loaded);
        }
        for (String period : periods) {
            Optional<SnapshotInfo> snapshot = generation.get(group + period);
            if (snapshot != null && snapshot.isPresent()) {
                result.putIfAbsent(period, snapshot.get());
            }
        }
        return result;
    }

    private void forget() {
        known = new ConcurrentHashMap<>();
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("listen " + CHANNEL);
                PGConnection notifications = connection.unwrap(PGConnection.class);
                forget(); // whatever was learnt before listening may have missed a notification
                listening = true;
                while (running) {
                    var received = notifications.getNotifications(1000);
                    if (received != null && received.length > 0) {
                        forget();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("Snapshot notifications interrupted, reading the newest snapshots from the database: %s",
                            e.getMessage());
                }
            } finally {
                listening = false;
                forget();
            }
            if (running) {
                try {
                    Thread.sleep(config.consumer().retryBackoff().toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}

package cn.etdz.evaluation.snapshot;

import cn.etdz.evaluation.config.EvaluationConfig;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Debounced recomputation of peer groups. Normalisation is relative to the peer group, so any change to one zone's
 * inputs rescales the whole group (zone type × period). Changes only mark the group dirty, after their transaction
 * commits; one worker thread waits a short quiet time (after a round, at least as long as that round took), drains the
 * dirty set and computes each group once. A batch of
 * 250 submissions thus costs a handful of computations, not 250. At start-up every group with inputs is marked, and
 * the {@link SnapshotWriter} stores nothing when the inputs are those of the newest snapshot.
 */
@ApplicationScoped
public class Recomputation {

    private static final Logger LOG = Logger.getLogger(Recomputation.class);

    /** A peer group of one period. */
    public record PeerGroupKey(String zoneType, String period) {
    }

    @Inject
    SnapshotWriter writer;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    EvaluationConfig config;

    private final Set<PeerGroupKey> dirty = ConcurrentHashMap.newKeySet();
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    void start(@Observes @Priority(10) StartupEvent event) {
        if (!config.recompute().enabled()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> groups = Panache.getEntityManager().createNativeQuery("""
                    select distinct z.type, i.period from zone_period_input i join zone z on z.code = i.zone_code""")
                    .getResultList();
            groups.forEach(group -> dirty.add(new PeerGroupKey(group[0].toString(), group[1].toString())));
        });
        running = true;
        thread = new Thread(this::run, "recompute-worker");
        thread.setDaemon(true);
        thread.start();
        wakeUp.release();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp.release();
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Marks a peer group for recomputation once the current transaction commits (nothing if it rolls back). */
    public void markAfterCommit(String zoneType, String period) {
        PeerGroupKey key = new PeerGroupKey(zoneType, period);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    mark(key);
                }
            }
        });
    }

    /** Marks every period of a zone type that has inputs, once the current transaction commits. */
    public void markTypeAfterCommit(String zoneType) {
        @SuppressWarnings("unchecked")
        List<Object> periods = Panache.getEntityManager().createNativeQuery("""
                        select distinct i.period from zone_period_input i join zone z on z.code = i.zone_code
                        where z.type = ?1""")
                .setParameter(1, zoneType).getResultList();
        periods.forEach(period -> markAfterCommit(zoneType, period.toString()));
    }

    public void mark(PeerGroupKey key) {
        dirty.add(key);
        wakeUp.release();
    }

    private void run() {
        long idleUntil = System.nanoTime();
        while (running) {
            try {
                wakeUp.acquire();
                // quiet time: let the rest of a batch arrive before computing; and after a round, idle at least as
                // long as it took, so under a steady stream of submissions recomputing takes at most half the
                // worker's time instead of rescoring whole peer groups back to back and starving everything else
                long quiet = config.recompute().debounce().toNanos();
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(Math.max(quiet, idleUntil - System.nanoTime())));
                wakeUp.drainPermits();
                long begin = System.nanoTime();
                List<PeerGroupKey> keys = new ArrayList<>(dirty);
                dirty.removeAll(keys);
                for (PeerGroupKey key : keys) {
                    if (!running) {
                        return;
                    }
                    computeOrRemark(key);
                }
                long end = System.nanoTime();
                idleUntil = end + (end - begin);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void computeOrRemark(PeerGroupKey key) throws InterruptedException {
        try {
            writer.compute(key.zoneType(), key.period());
        } catch (RuntimeException e) {
            LOG.warnf("Could not score %s %s, retrying in %s: %s", key.zoneType(), key.period(),
                    config.consumer().retryBackoff(), e.getMessage());
            dirty.add(key);
            Thread.sleep(config.consumer().retryBackoff().toMillis());
            wakeUp.release();
        }
    }
}

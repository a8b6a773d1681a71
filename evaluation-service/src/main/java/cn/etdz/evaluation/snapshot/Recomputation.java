package cn.etdz.evaluation.snapshot;

import cn.etdz.evaluation.config.EvaluationConfig;
import cn.etdz.evaluation.methodology.MethodologyActivated;
import cn.etdz.evaluation.readmodel.PeerGroupChanged;
import cn.etdz.evaluation.scoring.FlagRules;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>
 * Each computation runs in a span that continues the trace of the first change that marked its group and links the
 * others, so a trace follows a submission to the scores it changed; its duration is the metric
 * {@code evaluation.recompute.duration}.
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

    /** Most links a recomputation span keeps to the other traces that caused it. */
    private static final int MAX_LINKS = 64;

    @Inject
    Tracer tracer;
    @Inject
    MeterRegistry metrics;

    private final Set<PeerGroupKey> dirty = ConcurrentHashMap.newKeySet();
    /**
     * For each dirty group, the first span of each trace that marked it, oldest first. A national batch is one request,
     * so its hundreds of changes share one trace.
     */
    private final Map<PeerGroupKey, Map<String, SpanContext>> causes = new ConcurrentHashMap<>();
    private final Semaphore wakeUp = new Semaphore(0);
    /** Peer groups of the round being computed; with {@link #dirty}, what is not yet scored. */
    private final Set<PeerGroupKey> computing = ConcurrentHashMap.newKeySet();
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
        Gauge.builder("evaluation.recompute.pending", this, Recomputation::pending)
                .description("Peer groups marked for scoring or being scored: 0 once every change is in the scores")
                .register(metrics);
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

    /** A read-model change marks its peer group once the change's transaction commits. */
    void onChange(@Observes PeerGroupChanged change) {
        markAfterCommit(change.zoneType(), change.period(), change.cause());
    }

    /**
     * Marks a peer group for recomputation once the current transaction commits (nothing if it rolls back), caused by
     * the work of the given span.
     */
    private void markAfterCommit(String zoneType, String period, SpanContext cause) {
        PeerGroupKey key = new PeerGroupKey(zoneType, period);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    if (cause.isValid()) {
                        causes.compute(key, (group, traces) -> {
                            Map<String, SpanContext> byTrace = traces == null ? new LinkedHashMap<>() : traces;
                            if (byTrace.size() <= MAX_LINKS) {
                                byTrace.putIfAbsent(cause.getTraceId(), cause);
                            }
                            return byTrace;
                        });
                    }
                    mark(key);
                }
            }
        });
    }

    /** A new active methodology marks every period of its zone type that has inputs, once its transaction commits. */
    void onActivated(@Observes MethodologyActivated activated) {
        String zoneType = activated.zoneType();
        @SuppressWarnings("unchecked")
        List<Object> periods = Panache.getEntityManager().createNativeQuery("""
                        select distinct i.period from zone_period_input i join zone z on z.code = i.zone_code
                        where z.type = ?1""")
                .setParameter(1, zoneType).getResultList();
        SpanContext cause = Span.current().getSpanContext();
        periods.forEach(period -> markAfterCommit(zoneType, period.toString(), cause));
    }

    /** Peer groups changed but not yet scored (marked, or in the round being computed). */
    int pending() {
        Set<PeerGroupKey> waiting = new java.util.HashSet<>(computing);
        waiting.addAll(dirty);
        return waiting.size();
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
                // counted as computing before they leave the dirty set, so pending() never misses them
                computing.addAll(keys);
                dirty.removeAll(keys);
                for (PeerGroupKey key : keys) {
                    if (!running) {
                        return;
                    }
                    computeOrRemark(key);
                    computing.remove(key);
                }
                long end = System.nanoTime();
                idleUntil = end + (end - begin);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The periods whose flag windows reach back to this one's. */
    private static List<PeerGroupKey> later(PeerGroupKey key) {
        List<PeerGroupKey> later = new ArrayList<>();
        try {
            int year = Integer.parseInt(key.period());
            for (int ahead = 1; ahead < FlagRules.MAX_PERIODS; ahead++) {
                later.add(new PeerGroupKey(key.zoneType(), Integer.toString(year + ahead)));
            }
        } catch (NumberFormatException e) {
            return List.of();
        }
        return later;
    }

    private void computeOrRemark(PeerGroupKey key) throws InterruptedException {
        Map<String, SpanContext> because = causes.remove(key);
        SpanBuilder builder = tracer.spanBuilder("recompute " + key.zoneType() + " " + key.period())
                .setAttribute("etdz.zone_type", key.zoneType())
                .setAttribute("etdz.period", key.period());
        if (because == null || because.isEmpty()) {
            builder.setNoParent();
        } else {
            List<SpanContext> traces = new ArrayList<>(because.values());
            builder.setParent(Context.root().with(Span.wrap(traces.get(0))));
            traces.stream().skip(1).forEach(builder::addLink);
        }
        Span span = builder.startSpan();
        Timer.Sample started = Timer.start(metrics);
        boolean failed = false;
        try (Scope ignored = span.makeCurrent()) {
            // the flags of the next periods read this one's bottom and top places
            if (!writer.compute(key.zoneType(), key.period()).isEmpty()) {
                later(key).forEach(this::mark);
            }
        } catch (RuntimeException e) {
            failed = true;
            span.setStatus(StatusCode.ERROR, e.getMessage());
            LOG.warnf("Could not score %s %s, retrying in %s: %s", key.zoneType(), key.period(),
                    config.consumer().retryBackoff(), e.getMessage());
        } finally {
            started.stop(recomputeTimer(key.zoneType()));
            span.end();
        }
        if (failed) {
            if (because != null) {
                // the retry still answers for the changes that caused this round
                causes.merge(key, because, (later, earlier) -> {
                    later.forEach(earlier::putIfAbsent);
                    return earlier;
                });
            }
            dirty.add(key);
            Thread.sleep(config.consumer().retryBackoff().toMillis());
            wakeUp.release();
        }
    }

    private Timer recomputeTimer(String zoneType) {
        return Timer.builder("evaluation.recompute.duration")
                .description("Time to score one peer group (zone type and period) and store its snapshot")
                .tag("zone_type", zoneType)
                .publishPercentiles(0.5, 0.99)
                .register(metrics);
    }
}

package cn.etdz.evaluation.analysis;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;
import cn.etdz.evaluation.config.EvaluationConfig;
import cn.etdz.evaluation.methodology.MethodologyService;
import cn.etdz.evaluation.methodology.StoredMethodology;
import cn.etdz.evaluation.readmodel.ReadModelRepository;
import cn.etdz.evaluation.scoring.Aggregation;
import cn.etdz.evaluation.scoring.Imputation;
import cn.etdz.evaluation.scoring.Normalisation;
import cn.etdz.evaluation.scoring.PeerGroupData;
import cn.etdz.evaluation.scoring.Region;
import cn.etdz.evaluation.scoring.Zone;
import cn.etdz.evaluation.scoring.ZoneType;
import cn.etdz.evaluation.simulation.SimulationService;
import cn.etdz.evaluation.snapshot.ScoreRow;
import cn.etdz.evaluation.snapshot.SnapshotInfo;
import cn.etdz.evaluation.snapshot.SnapshotRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Runs uncertainty and sensitivity analyses as jobs. A submission is checked, its peer group read (the newest snapshot
 * of a stored zone type and period, with the inputs it was computed from, or a what-if data set), and the job stored
 * as QUEUED; a job thread then runs it on a fork-join pool over every core and stores its progress about once a
 * second. At most {@code evaluation.analysis.max-active-jobs} jobs are queued or running at once over all replicas;
 * a job whose progress has not moved for a minute (its service stopped) is marked FAILED.
 */
@ApplicationScoped
public class AnalysisService {

    private static final Logger LOG = Logger.getLogger(AnalysisService.class);
    /** A running job stores its progress at least this often, so a job silent for {@link #STALE} is dead. */
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);
    private static final Duration STALE = Duration.ofMinutes(1);
    /** How many analyses a listing shows: the newest, enough to find the latest finished one of each kind. */
    static final int LISTED = 50;
    private static final Set<Normalisation> PEER_RELATIVE = Arrays.stream(Normalisation.values())
            .filter(Normalisation::peerRelative).collect(Collectors.toUnmodifiableSet());

    @Inject
    AnalysisRepository repository;
    @Inject
    SnapshotRepository snapshots;
    @Inject
    ReadModelRepository readModel;
    @Inject
    MethodologyService methodologies;
    @Inject
    SimulationService simulations;
    @Inject
    EvaluationConfig config;
    @Inject
    ObjectMapper json;

    private ExecutorService jobs;
    private ForkJoinPool workers;
    private final Map<Long, AtomicBoolean> cancelled = new ConcurrentHashMap<>();

    /** A checked submission. */
    private record Job(String kind, UncertainInputs inputs, int replications, long seed) {
    }

    void start(@Observes StartupEvent event) {
        jobs = Executors.newFixedThreadPool(config.analysis().maxActiveJobs(), runnable -> {
            Thread thread = new Thread(runnable, "analysis-job");
            thread.setDaemon(true);
            return thread;
        });
        workers = new ForkJoinPool(config.analysis().parallelism().orElse(Runtime.getRuntime().availableProcessors()));
    }

    void stop(@Observes ShutdownEvent event) {
        cancelled.values().forEach(flag -> flag.set(true));
        jobs.shutdownNow();
        workers.shutdownNow();
    }

    /**
     * Checks and queues an analysis.
     *
     * @throws ProblemException 400 for a request that is not a valid analysis, 422 for an invalid what-if data set,
     *                          404 when the peer group has no scores, 409 while it is being rescored, 429 when
     *                          enough jobs are already queued or running
     */
    public AnalysisView submit(AnalysisRequest request, String createdBy, Locale locale) {
        Job job = check(request);
        AnalysedGroup analysed = request.simulation() != null ? simulated(request)
                : QuarkusTransaction.requiringNew().call(() -> stored(request.zoneType(), request.period()));
        if (job.kind().equals("SENSITIVITY")) {
            int evaluations = job.replications() * (job.inputs().active().size() + 2);
            if (evaluations > config.analysis().maxEvaluations()) {
                throw ProblemException.badRequest(Message.of("evaluation.analysis.invalid", 1), List.of(
                        new Violation("replications", "too-many-evaluations", Message.of("evaluation.analysis.evaluations",
                                evaluations, job.replications(), job.inputs().active().size() + 2,
                                config.analysis().maxEvaluations()))));
            }
        }
        String stored = write(new AnalysisRequest(job.kind(), analysed.group().methodology().zoneType().name(),
                analysed.period(), null, inputsOf(job.inputs()), job.replications(), job.seed()));
        long id = QuarkusTransaction.requiringNew().call(() -> {
            repository.lockSubmissions();
            repository.failStale(STALE, write(Message.of("evaluation.analysis.interrupted")));
            int active = repository.countActive();
            if (active >= config.analysis().maxActiveJobs()) {
                throw new ProblemException(429, "too-many-analyses", Message.of("evaluation.analysis.too-many.title"),
                        Message.of("evaluation.analysis.too-many", active), List.of());
            }
            return repository.insert(job.kind(), analysed.group().methodology().zoneType().name(), analysed.period(),
                    analysed.snapshotId(), analysed.methodologyKey(), stored, createdBy);
        });
        AtomicBoolean stop = new AtomicBoolean();
        cancelled.put(id, stop);
        jobs.submit(() -> run(id, job, analysed.group(), stop));
        return get(id, locale);
    }

    public AnalysisView get(long id, Locale locale) {
        AnalysisRepository.StoredJob stored = QuarkusTransaction.requiringNew().call(() -> repository.find(id))
                .orElseThrow(() -> ProblemException.notFound(Message.of("evaluation.analysis.unknown", id)));
        return view(stored, locale);
    }

    /** The newest analyses of a stored peer group and period, newest first; {@code kind} null means both kinds. */
    public AnalysisListing list(String zoneType, String period, String kind) {
        List<AnalysisRepository.StoredJob> stored = QuarkusTransaction.requiringNew()
                .call(() -> repository.list(zoneType, period, kind, LISTED));
        return new AnalysisListing(stored.stream().map(job -> {
            AnalysisRequest request = read(job.request(), AnalysisRequest.class);
            return new AnalysisSummary(job.id(), job.kind(), job.state(), job.progress(), job.zoneType(), job.period(),
                    job.snapshotId(), job.methodology(), request.replications(), request.seed(), request.inputs(),
                    job.createdBy(), job.createdAt(), job.finishedAt());
        }).toList());
    }

    /** Cancels a queued or running job. @throws ProblemException 404 if unknown, 409 if it has already ended */
    public AnalysisView cancel(long id, Locale locale) {
        AnalysisView job = get(id, locale);
        boolean changed = QuarkusTransaction.requiringNew().call(() -> repository.cancel(id));
        if (!changed) {
            throw ProblemException.conflict(Message.of("evaluation.analysis.ended", id, job.state()));
        }
        AtomicBoolean stop = cancelled.get(id);
        if (stop != null) {
            stop.set(true);
        }
        return get(id, locale);
    }

    private void run(long id, Job job, AnalysedPeerGroup group, AtomicBoolean stop) {
        try {
            if (!QuarkusTransaction.requiringNew().call(() -> repository.start(id))) {
                return;
            }
            Progress progress = new StoredProgress(id, stop);
            Object result = job.kind().equals("UNCERTAINTY")
                    ? UncertaintyAnalysis.run(group, job.inputs(), job.replications(), job.seed(), workers, progress)
                    : SensitivityAnalysis.run(group, job.inputs(), job.replications(), job.seed(), workers, progress);
            String text = write(result);
            QuarkusTransaction.requiringNew().run(() -> repository.finish(id, text));
        } catch (CancellationException e) {
            LOG.debugf("Analysis %d cancelled", id);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Analysis %d failed", id);
            String error = write(Message.of("evaluation.analysis.failed", String.valueOf(e.getMessage())));
            QuarkusTransaction.requiringNew().run(() -> repository.fail(id, error));
        } finally {
            cancelled.remove(id);
        }
    }

    /** Stores the percentage about once a second from whichever worker gets there; learns of a cancel from the table. */
    private final class StoredProgress implements Progress {
        private final long id;
        private final AtomicBoolean stop;
        private final AtomicLong nextWrite = new AtomicLong(System.nanoTime() + PROGRESS_EVERY.toNanos());

        StoredProgress(long id, AtomicBoolean stop) {
            this.id = id;
            this.stop = stop;
        }

        @Override
        public void evaluated(int done, int total) {
            long next = nextWrite.get();
            long now = System.nanoTime();
            if (now < next || !nextWrite.compareAndSet(next, now + PROGRESS_EVERY.toNanos())) {
                return;
            }
            int percent = (int) Math.min(99, 100L * done / total);
            if (!QuarkusTransaction.requiringNew().call(() -> repository.progress(id, percent))) {
                stop.set(true);
            }
        }

        @Override
        public boolean cancelled() {
            return stop.get();
        }
    }

    /** A peer group to analyse and where it came from. */
    private record AnalysedGroup(AnalysedPeerGroup group, String period, Long snapshotId, String methodologyKey) {
    }

    private AnalysedGroup simulated(AnalysisRequest request) {
        SimulationService.Prepared prepared = simulations.prepare(request.simulation());
        return new AnalysedGroup(new AnalysedPeerGroup(prepared.methodology(), prepared.data(),
                prepared.methodology().flagRules(), List.of(),
                List.of()), null, null, prepared.methodology().id() + "@" + prepared.methodology().version());
    }

    /** The newest snapshot of the peer group, its methodology, and the inputs it was computed from. */
    private AnalysedGroup stored(String zoneType, String period) {
        SnapshotInfo snapshot = snapshots.at(zoneType, period, null)
                .orElseThrow(() -> ProblemException.notFound(Message.of("evaluation.scores.none", zoneType, period)));
        StoredMethodology methodology = methodologies.find(snapshot.methodology()).orElseThrow();
        List<ScoreRow> rows = snapshots.rows(snapshot.id());
        Map<String, ReadModelRepository.ZoneWithInput> inputs = new HashMap<>();
        readModel.zonesWithInput(zoneType, period).forEach(zone -> inputs.put(zone.code(), zone));
        List<Zone> zones = new ArrayList<>(rows.size());
        for (ScoreRow row : rows) {
            ReadModelRepository.ZoneWithInput input = inputs.get(row.zone());
            if (input == null || input.revision() != row.revision()) {
                // the read model has moved on and a new snapshot is on its way: analyse that one, not a mixture
                throw ProblemException.conflict(Message.of("evaluation.analysis.rescoring", zoneType, period));
            }
            zones.add(new Zone(row.zone(), ZoneType.valueOf(zoneType), Region.valueOf(row.region())));
        }
        List<String> codes = zones.stream().map(Zone::code).toList();
        Map<String, Map<String, Double>> values = readModel.periodValues(period, codes);
        for (String code : codes) {
            Double area = inputs.get(code).developedAreaKm2();
            if (area != null) {
                values.computeIfAbsent(code, c -> new HashMap<>()).putIfAbsent("AREA_BUILT", area);
            }
        }
        String previous = Integer.toString(Integer.parseInt(period) - 1);
        String beforePrevious = Integer.toString(Integer.parseInt(period) - 2);
        PeerGroupData data = new PeerGroupData(zones, values, readModel.periodValues(previous, codes));
        return new AnalysedGroup(new AnalysedPeerGroup(methodology.methodology(), data,
                methodology.methodology().flagRules(),
                rowsOf(zoneType, previous), rowsOf(zoneType, beforePrevious)), period, snapshot.id(), methodology.key());
    }

    private List<ScoreRow> rowsOf(String zoneType, String period) {
        return snapshots.at(zoneType, period, null).map(info -> snapshots.rows(info.id())).orElse(List.of());
    }

    private Job check(AnalysisRequest request) {
        if (request == null) {
            throw ProblemException.badRequest(Message.of("evaluation.analysis.invalid", 1),
                    List.of(new Violation("", "required", Message.of("evaluation.analysis.body-required"))));
        }
        List<Violation> violations = new ArrayList<>();
        String kind = request.kind();
        if (!"UNCERTAINTY".equals(kind) && !"SENSITIVITY".equals(kind)) {
            violations.add(new Violation("kind", kind == null ? "required" : "unknown-value",
                    Message.of("evaluation.analysis.kind")));
        }
        boolean stored = request.zoneType() != null || request.period() != null;
        if (stored == (request.simulation() != null)) {
            violations.add(new Violation("zoneType", "required", Message.of("evaluation.analysis.source")));
        } else if (stored) {
            if (request.zoneType() == null || Arrays.stream(ZoneType.values()).noneMatch(t -> t.name().equals(request.zoneType()))) {
                violations.add(new Violation("zoneType", "unknown-value", Message.of("evaluation.analysis.zone-type")));
            }
            if (request.period() == null || !request.period().matches("\\d{4}")) {
                violations.add(new Violation("period", "invalid-format", Message.of("evaluation.analysis.period")));
            }
        }
        int max = config.analysis().maxReplications();
        if (request.replications() == null || request.replications() < 2 || request.replications() > max) {
            violations.add(new Violation("replications", "out-of-range",
                    Message.of("evaluation.analysis.replications", 2, max)));
        }
        AnalysisRequest.Inputs given = request.inputs() == null
                ? new AnalysisRequest.Inputs(null, null, null, null, null, null, null) : request.inputs();
        double pillarNoise = noise("inputs.pillarWeightNoise", given.pillarWeightNoise(), violations);
        double indicatorNoise = noise("inputs.indicatorWeightNoise", given.indicatorWeightNoise(), violations);
        List<Normalisation> normalisations = values("inputs.normalisations", given.normalisations(), PEER_RELATIVE,
                Normalisation.class, violations);
        Set<Aggregation> aggregations = Set.of(Aggregation.values());
        List<Aggregation> pillarAggregations = values("inputs.pillarAggregations", given.pillarAggregations(),
                aggregations, Aggregation.class, violations);
        List<Aggregation> compositeAggregations = values("inputs.compositeAggregations", given.compositeAggregations(),
                aggregations, Aggregation.class, violations);
        List<Imputation> imputations = values("inputs.imputations", given.imputations(), Set.of(Imputation.values()),
                Imputation.class, violations);
        UncertainInputs inputs = new UncertainInputs(pillarNoise, indicatorNoise, normalisations, pillarAggregations,
                compositeAggregations, Boolean.TRUE.equals(given.leaveOneOut()), imputations);
        if (inputs.active().isEmpty() && violations.stream().noneMatch(v -> v.field().startsWith("inputs"))) {
            violations.add(new Violation("inputs", "no-uncertain-input", Message.of("evaluation.analysis.no-input")));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(Message.of("evaluation.analysis.invalid", violations.size()), violations);
        }
        long seed = request.seed() != null ? request.seed() : new SplittableRandom().nextLong();
        return new Job(kind, inputs, request.replications(), seed);
    }

    private static double noise(String field, Double value, List<Violation> violations) {
        if (value == null) {
            return 0;
        }
        if (!(value >= 0 && value < 1)) {
            violations.add(new Violation(field, "out-of-range", Message.of("evaluation.analysis.noise")));
            return 0;
        }
        return value;
    }

    private static <E extends Enum<E>> List<E> values(String field, List<String> names, Set<E> allowed, Class<E> type,
                                                      List<Violation> violations) {
        List<E> values = new ArrayList<>();
        if (names == null) {
            return values;
        }
        List<String> choices = allowed.stream().map(Enum::name).sorted().toList();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || !choices.contains(name)) {
                violations.add(new Violation(field + "[" + i + "]", "unknown-value",
                        Message.of("evaluation.analysis.unknown-value", name, String.join(", ", choices))));
            } else {
                values.add(Enum.valueOf(type, name));
            }
        }
        return values;
    }

    private static AnalysisRequest.Inputs inputsOf(UncertainInputs inputs) {
        return new AnalysisRequest.Inputs(inputs.pillarWeightNoise(), inputs.indicatorWeightNoise(),
                inputs.normalisations().stream().map(Enum::name).toList(),
                inputs.pillarAggregations().stream().map(Enum::name).toList(),
                inputs.compositeAggregations().stream().map(Enum::name).toList(), inputs.leaveOneOut(),
                inputs.imputations().stream().map(Enum::name).toList());
    }

    private AnalysisView view(AnalysisRepository.StoredJob job, Locale locale) {
        AnalysisRequest request = read(job.request(), AnalysisRequest.class);
        boolean done = "DONE".equals(job.state());
        return new AnalysisView(job.id(), job.kind(), job.state(), job.progress(), job.zoneType(), job.period(),
                job.snapshotId(), job.methodology(), request.replications(), request.seed(), request.inputs(),
                job.createdBy(), job.createdAt(), job.finishedAt(),
                job.error() == null ? null : read(job.error(), Message.class).in(locale),
                done && job.kind().equals("UNCERTAINTY") ? read(job.result(), UncertaintyAnalysis.UncertaintyResult.class)
                        : null,
                done && job.kind().equals("SENSITIVITY") ? read(job.result(), SensitivityAnalysis.SensitivityResult.class)
                        : null);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored " + type.getSimpleName(), e);
        }
    }
}

package cn.etdz.evaluation.bench;

import cn.etdz.evaluation.analysis.AnalysedPeerGroup;
import cn.etdz.evaluation.analysis.Progress;
import cn.etdz.evaluation.analysis.SensitivityAnalysis;
import cn.etdz.evaluation.analysis.UncertainInputs;
import cn.etdz.evaluation.analysis.UncertaintyAnalysis;
import cn.etdz.evaluation.scoring.FlagPreset;
import cn.etdz.evaluation.scoring.FlagRules;
import cn.etdz.evaluation.scoring.Aggregation;
import cn.etdz.evaluation.scoring.Methodology;
import cn.etdz.evaluation.scoring.Normalisation;
import cn.etdz.evaluation.scoring.ZoneType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * One whole analysis of a synthetic ETDZ peer group under {@code plan-2012}, on a fork-join pool of
 * {@code parallelism} workers: uncertainty with N = 1 000 replications (pillar and indicator weights ± 25 %, the
 * composite's aggregation), sensitivity with N = 1 000 rows and 5 inputs (both weights, normalisation, pillar and
 * composite aggregation: 7 000 evaluations). Single shots. Goals on 250 zones: uncertainty ≤ 1 s, sensitivity ≤ 5 s
 * on 2 cores. Each iteration also prints the JVM's CPU time over the whole analysis and per evaluation ({@code cpu:}
 * lines: every thread, the collector's and the compiler's included), which bounds the wall time on two dedicated cores
 * however busy the shared machine is.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
public class AnalysisBenchmark {

    private static final UncertainInputs UNCERTAINTY = new UncertainInputs(0.25, 0.25, List.of(), List.of(),
            List.of(Aggregation.ARITHMETIC, Aggregation.GEOMETRIC), false);
    static final UncertainInputs FIVE_INPUTS = new UncertainInputs(0.25, 0.25,
            List.of(Normalisation.MINMAX, Normalisation.ZSCORE, Normalisation.RANK),
            List.of(Aggregation.ARITHMETIC, Aggregation.GEOMETRIC), List.of(Aggregation.ARITHMETIC, Aggregation.GEOMETRIC),
            false);

    @Param("250")
    public int zones;

    @Param({"1", "2"})
    public int parallelism;

    private AnalysedPeerGroup group;
    private ForkJoinPool pool;
    private long cpuAtStart;

    @Setup
    public void setUp() {
        group = new AnalysedPeerGroup(Methodology.plan2012(ZoneType.ETDZ), SyntheticPeerGroup.generate(zones, 2012),
                FlagRules.of(FlagPreset.PLAN_2012), List.of(), List.of());
        pool = new ForkJoinPool(parallelism);
    }

    @TearDown
    public void tearDown() {
        pool.shutdown();
    }

    @Setup(Level.Iteration)
    public void startClock() {
        cpuAtStart = CpuClock.process();
    }

    @TearDown(Level.Iteration)
    public void readClock(BenchmarkParams params) {
        boolean sensitivity = params.getBenchmark().endsWith("sensitivity");
        // the nominal evaluation of each analysis included
        int evaluations = (sensitivity ? 7_000 : 1_000) + 1;
        double cpu = (CpuClock.process() - cpuAtStart) / 1e6;
        System.out.printf(Locale.ROOT, "%n  cpu: %s, %d zones, %d workers: %.0f ms of the JVM's CPU, %.3f ms per "
                + "evaluation%n", sensitivity ? "sensitivity" : "uncertainty", zones, parallelism, cpu,
                cpu / evaluations);
    }

    @Benchmark
    public UncertaintyAnalysis.UncertaintyResult uncertainty() {
        return UncertaintyAnalysis.run(group, UNCERTAINTY, 1_000, 1, pool, Progress.NONE);
    }

    @Benchmark
    public SensitivityAnalysis.SensitivityResult sensitivity() {
        SensitivityAnalysis.SensitivityResult result = SensitivityAnalysis.run(group, FIVE_INPUTS, 1_000, 1, pool,
                Progress.NONE);
        if (result.evaluations() != 7_000) {
            throw new IllegalStateException("expected 7 000 evaluations, got " + result.evaluations());
        }
        return result;
    }
}

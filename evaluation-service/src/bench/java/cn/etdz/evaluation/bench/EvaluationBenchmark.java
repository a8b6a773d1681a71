package cn.etdz.evaluation.bench;

import cn.etdz.evaluation.analysis.Perturbation;
import cn.etdz.evaluation.scoring.Methodology;
import cn.etdz.evaluation.scoring.PeerGroupData;
import cn.etdz.evaluation.scoring.ReplicationScorer;
import cn.etdz.evaluation.scoring.ScoringEngine;
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

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One evaluation of an analysis, without the flags: a synthetic ETDZ peer group scored under one of 64 methodologies
 * drawn as the sensitivity benchmark draws them (both weights ± 25 %, normalisation MINMAX/ZSCORE/RANK, pillar and
 * composite aggregation), in turn. {@code path=full}: {@link ScoringEngine#score}, explanations included;
 * {@code path=fast}: {@link ReplicationScorer#score}, what the analyses use. Single thread; besides JMH's wall time
 * per operation, each iteration prints the thread's CPU time per evaluation ({@code cpu:} lines).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class EvaluationBenchmark {

    private static final int METHODOLOGIES = 64;

    @Param({"250", "2500"})
    public int zones;

    @Param({"full", "fast"})
    public String path;

    private PeerGroupData data;
    private ReplicationScorer scorer;
    private final Methodology[] methodologies = new Methodology[METHODOLOGIES];
    private int next;
    private long evaluations;
    private long cpuAtStart;

    @Setup
    public void setUp() {
        Methodology nominal = Methodology.plan2012(ZoneType.ETDZ);
        data = SyntheticPeerGroup.generate(zones, 2012);
        scorer = new ReplicationScorer(ZoneType.ETDZ, data);
        Perturbation perturbation = new Perturbation(nominal, AnalysisBenchmark.FIVE_INPUTS);
        SplittableRandom random = new SplittableRandom(1);
        for (int m = 0; m < METHODOLOGIES; m++) {
            methodologies[m] = perturbation.methodology(random.doubles(perturbation.factors().size()).toArray());
        }
    }

    @Setup(Level.Iteration)
    public void startClock() {
        evaluations = 0;
        cpuAtStart = CpuClock.thread();
    }

    @TearDown(Level.Iteration)
    public void readClock() {
        double cpu = (CpuClock.thread() - cpuAtStart) / 1e3 / evaluations;
        System.out.printf(Locale.ROOT, "%n  cpu: %s path, %d zones: %.1f us per evaluation (%d evaluations)%n", path,
                zones, cpu, evaluations);
    }

    @Benchmark
    public Object evaluate() {
        Methodology methodology = methodologies[next];
        next = (next + 1) % METHODOLOGIES;
        evaluations++;
        return "fast".equals(path) ? scorer.score(methodology) : ScoringEngine.score(methodology, data);
    }
}

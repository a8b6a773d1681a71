package cn.etdz.evaluation.bench;

import cn.etdz.evaluation.scoring.Methodology;
import cn.etdz.evaluation.scoring.PeerGroupData;
import cn.etdz.evaluation.scoring.ScoringEngine;
import cn.etdz.evaluation.scoring.ScoringResult;
import cn.etdz.evaluation.scoring.ZoneType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One full recomputation of a peer group under {@code plan-2012}: derived indicators, transforms, normalisation,
 * pillars, composites, ranks and the explanation of every zone. Single thread; sampled, so JMH reports the median
 * (p0.50) and the mean. Goal: median ≤ 20 ms for 2 500 zones × 40 indicators.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class ScoringEngineBenchmark {

    @Param("2500")
    public int zones;

    private Methodology methodology;
    private PeerGroupData data;

    @Setup
    public void setUp() {
        methodology = Methodology.plan2012(ZoneType.ETDZ);
        data = SyntheticPeerGroup.generate(zones, 2012);
        ScoringResult check = ScoringEngine.score(methodology, data);
        if (check.zones().size() != zones || check.zones().stream().noneMatch(zone -> zone.ranked())) {
            throw new IllegalStateException("the synthetic peer group does not score as expected");
        }
    }

    @Benchmark
    public ScoringResult planTwentyTwelve() {
        return ScoringEngine.score(methodology, data);
    }
}

package cn.etdz.evaluation.analysis;

import cn.etdz.evaluation.scoring.Methodology;
import cn.etdz.evaluation.scoring.ReplicationScorer;
import cn.etdz.evaluation.scoring.Zone;
import cn.etdz.evaluation.snapshot.Flag;
import cn.etdz.evaluation.snapshot.FlagCalculator;
import cn.etdz.evaluation.snapshot.ScoreRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ObjIntConsumer;
import java.util.stream.IntStream;

/**
 * Scores the peer group under a methodology through a {@link ReplicationScorer} (the engine's numbers without the
 * explanation) and keeps what the analyses need: per zone (zones in code order) its national and region rank (0 when
 * unranked) and its flags under the rules in force.
 */
final class Evaluator {

    /** The ranks and flags of one evaluation, indexed like {@link #zones()}. */
    record Outcome(int[] nationalRanks, int[] regionRanks, String[] regionGroups, int[] flags) {

        /** The national rank as a number for the sensitivity analysis: an unranked zone counts as last of all. */
        double rankOrLast(int z) {
            return nationalRanks[z] == 0 ? nationalRanks.length : nationalRanks[z];
        }

        boolean has(int z, Flag flag) {
            return (flags[z] & (1 << flag.ordinal())) != 0;
        }
    }

    private final AnalysedPeerGroup group;
    private final Function<Methodology, ReplicationScorer.Scores> scoring;
    private final List<String> zones;
    private final Map<String, Integer> index = new HashMap<>();

    /** Scores through a {@link ReplicationScorer} of the group: the scores-only path, shared by every worker. */
    Evaluator(AnalysedPeerGroup group) {
        this(group, new ReplicationScorer(group.methodology().zoneType(), group.data())::score);
    }

    /** Scores through the given function, which must give the zones in code order (tests pass the full engine). */
    Evaluator(AnalysedPeerGroup group, Function<Methodology, ReplicationScorer.Scores> scoring) {
        this.group = group;
        this.scoring = scoring;
        this.zones = group.data().zones().stream().map(Zone::code).sorted().toList();
        for (int z = 0; z < zones.size(); z++) {
            index.put(zones.get(z), z);
        }
    }

    List<String> zones() {
        return zones;
    }

    Outcome evaluate(Methodology methodology) {
        ReplicationScorer.Scores scores = scoring.apply(methodology);
        int n = zones.size();
        Map<String, Integer> groupSizes = new HashMap<>();
        for (int z = 0; z < n; z++) {
            if (scores.nationalRanks()[z] > 0) {
                groupSizes.merge(scores.regionGroups()[z], 1, Integer::sum);
            }
        }
        List<ScoreRow> rows = new ArrayList<>(n);
        for (int z = 0; z < n; z++) {
            Zone zone = scores.zones().get(z);
            boolean ranked = scores.nationalRanks()[z] > 0;
            String regionGroup = scores.regionGroups()[z];
            rows.add(new ScoreRow(0, zone.code(), null, zone.region().name(), regionGroup,
                    ranked ? scores.composites()[z] : null, null, null, null, null, null,
                    ranked ? scores.nationalRanks()[z] : null, ranked ? scores.regionRanks()[z] : null,
                    groupSizes.getOrDefault(regionGroup, 0), scores.coverage()[z], 0, null));
        }
        int[] flags = new int[n];
        Map<String, Set<Flag>> byZone = FlagCalculator.flags(group.flagRules(), rows, group.previous(),
                group.beforePrevious());
        byZone.forEach((zone, zoneFlags) -> zoneFlags.forEach(flag -> flags[index.get(zone)] |= 1 << flag.ordinal()));
        return new Outcome(scores.nationalRanks(), scores.regionRanks(), scores.regionGroups(), flags);
    }

    /**
     * {@code count} evaluations on every worker of the pool; the sink gets each outcome with its index and must store
     * it at that index only, so the result is the same whatever the parallelism.
     */
    void evaluateAll(int count, IntFunction<Methodology> methodology, ObjIntConsumer<Outcome> sink, ForkJoinPool pool,
                     Progress progress) {
        AtomicInteger done = new AtomicInteger();
        pool.submit(() -> IntStream.range(0, count).parallel().forEach(r -> {
            if (progress.cancelled()) {
                throw new CancellationException("analysis cancelled");
            }
            sink.accept(evaluate(methodology.apply(r)), r);
            progress.evaluated(done.incrementAndGet(), count);
        })).join();
    }
}

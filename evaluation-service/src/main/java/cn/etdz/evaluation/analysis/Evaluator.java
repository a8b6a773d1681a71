package cn.etdz.evaluation.analysis;

import cn.etdz.evaluation.scoring.Methodology;
import cn.etdz.evaluation.scoring.ScoringEngine;
import cn.etdz.evaluation.scoring.ScoringResult;
import cn.etdz.evaluation.scoring.Zone;
import cn.etdz.evaluation.scoring.ZoneScore;
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
import java.util.function.IntFunction;
import java.util.function.ObjIntConsumer;
import java.util.stream.IntStream;

/**
 * Scores the peer group under a methodology through {@link ScoringEngine} and keeps what the analyses need: per zone
 * (zones in code order) its national and region rank (0 when unranked) and its flags under the rules in force.
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
    private final List<String> zones;
    private final Map<String, Integer> index = new HashMap<>();

    Evaluator(AnalysedPeerGroup group) {
        this.group = group;
        this.zones = group.data().zones().stream().map(Zone::code).sorted().toList();
        for (int z = 0; z < zones.size(); z++) {
            index.put(zones.get(z), z);
        }
    }

    List<String> zones() {
        return zones;
    }

    Outcome evaluate(Methodology methodology) {
        ScoringResult result = ScoringEngine.score(methodology, group.data());
        int n = zones.size();
        int[] national = new int[n];
        int[] region = new int[n];
        String[] groups = new String[n];
        Map<String, Integer> groupSizes = new HashMap<>();
        for (ZoneScore score : result.zones()) {
            if (score.ranked()) {
                groupSizes.merge(score.regionGroup(), 1, Integer::sum);
            }
        }
        List<ScoreRow> rows = new ArrayList<>(n);
        for (ZoneScore score : result.zones()) {
            int z = index.get(score.zone());
            national[z] = score.nationalRank() == null ? 0 : score.nationalRank();
            region[z] = score.regionRank() == null ? 0 : score.regionRank();
            groups[z] = score.regionGroup();
            rows.add(new ScoreRow(0, score.zone(), null, score.region().name(), score.regionGroup(), score.composite(),
                    null, null, null, null, null, score.nationalRank(), score.regionRank(),
                    groupSizes.getOrDefault(score.regionGroup(), 0), score.coverage(), 0, null));
        }
        int[] flags = new int[n];
        Map<String, Set<Flag>> byZone = FlagCalculator.flags(group.flagRules(), rows, group.previous(),
                group.beforePrevious());
        byZone.forEach((zone, zoneFlags) -> zoneFlags.forEach(flag -> flags[index.get(zone)] |= 1 << flag.ordinal()));
        return new Outcome(national, region, groups, flags);
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

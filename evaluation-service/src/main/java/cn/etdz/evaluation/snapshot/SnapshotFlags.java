package cn.etdz.evaluation.snapshot;

import cn.etdz.evaluation.methodology.MethodologyRepository;
import cn.etdz.evaluation.scoring.FlagPreset;
import cn.etdz.evaluation.scoring.FlagRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flags of a snapshot: those stored with it when it was written. A snapshot written before flags were stored gets
 * them computed on read, the same way: with its methodology's flag rules, from its rows and the snapshots of the
 * earlier periods valid when it was written; so they, too, never change.
 */
@ApplicationScoped
public class SnapshotFlags {

    @Inject
    SnapshotRepository snapshots;
    @Inject
    MethodologyRepository methodologies;

    public Map<String, Set<Flag>> of(SnapshotInfo snapshot) {
        return snapshots.storedFlags(snapshot.id()).orElseGet(() -> compute(rulesOf(snapshot.methodology()),
                snapshot.zoneType(), snapshot.period(), snapshots.period(snapshot), snapshot.computedAt(),
                Basis.of(snapshot.basis())));
    }

    /**
     * The flags of a period's ranking under the rules, with the earlier periods' snapshots of the basis valid at
     * {@code at} ({@code null}: the newest).
     */
    Map<String, Set<Flag>> compute(FlagRules rules, String zoneType, String period, FlagCalculator.Period current,
                                   OffsetDateTime at, Basis basis) {
        return FlagCalculator.flags(rules, current, earlier(zoneType, period, at, basis));
    }

    /** The rankings of the basis in the periods before, newest first, as far back as any flag rule looks. */
    List<FlagCalculator.Period> earlier(String zoneType, String period, OffsetDateTime at, Basis basis) {
        List<String> periods = earlierPeriods(period);
        Map<String, SnapshotInfo> valid = periods.isEmpty() ? Map.of()
                : snapshots.atEach(zoneType, periods, at, basis);
        return periods.stream().map(p -> snapshots.period(valid.get(p))).toList();
    }

    /** The periods before a year that a flag window can reach, newest first; none when the period is not a year. */
    static List<String> earlierPeriods(String period) {
        List<String> periods = new ArrayList<>();
        try {
            int year = Integer.parseInt(period);
            for (int back = 1; back < FlagRules.MAX_PERIODS; back++) {
                periods.add(Integer.toString(year - back));
            }
        } catch (NumberFormatException e) {
            return List.of();
        }
        return periods;
    }

    private FlagRules rulesOf(String methodologyKey) {
        return methodologies.byKey(methodologyKey)
                .map(stored -> stored.methodology().flagRules())
                .orElseGet(() -> FlagRules.of(FlagPreset.PLAN_2012));
    }
}

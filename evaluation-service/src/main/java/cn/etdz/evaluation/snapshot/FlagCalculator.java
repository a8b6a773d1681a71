package cn.etdz.evaluation.snapshot;

import cn.etdz.evaluation.scoring.BottomWindow;
import cn.etdz.evaluation.scoring.FlagRules;
import cn.etdz.evaluation.scoring.PeerScope;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flags of a period's zones under a methodology's {@link FlagRules}, as plain functions of stored rankings so they
 * can be checked on paper.
 *
 * <p>Bottom places: a ranked zone is at one when its rank among its peers is above {@code peers + unranked − bottomN},
 * where {@code peers} counts the ranked zones of its scope and {@code unranked} those without a rank (not reported or
 * unranked) when the rules count them, else 0. Ranks are competition ranks, so zones tied at the boundary are all in.
 * A zone without a rank is at a bottom place exactly when the rules count it. Top share: national rank ≤
 * {@code max(1, floor(topShare × ranked zones))}.
 */
public final class FlagCalculator {

    private FlagCalculator() {
    }

    /**
     * One period's stored ranking.
     *
     * @param rows        the zones scored (ranked or not)
     * @param notReported the zones of the type that have not reported: those that sent nothing, and on the official
     *                    basis those without an approved revision, which are among the rows too, unranked
     */
    public record Period(List<ScoreRow> rows, List<NotReported> notReported) {

        public Period {
            rows = rows == null ? List.of() : List.copyOf(rows);
            notReported = notReported == null ? List.of() : List.copyOf(notReported);
        }

        /** No snapshot of that period: nobody holds a place in it. */
        public static final Period NONE = new Period(List.of(), List.of());
    }

    /**
     * The flags of every zone of the current period (scored or not reported).
     *
     * @param earlier the periods before, newest first; a missing one is {@link Period#NONE}
     */
    public static Map<String, Set<Flag>> flags(FlagRules rules, Period current, List<Period> earlier) {
        List<Period> periods = new ArrayList<>();
        periods.add(current);
        periods.addAll(earlier);
        List<Places> places = periods.stream().map(period -> new Places(rules, period)).toList();
        Map<String, Set<Flag>> flags = new LinkedHashMap<>();
        for (ScoreRow row : current.rows()) {
            flags.put(row.zone(), EnumSet.noneOf(Flag.class));
            if (!row.ranked()) {
                flags.get(row.zone()).add(Flag.UNRANKED);
            }
        }
        for (NotReported zone : current.notReported()) {
            flags.computeIfAbsent(zone.zone(), z -> EnumSet.noneOf(Flag.class)).add(Flag.NOT_REPORTED);
        }
        flags.forEach((zone, zoneFlags) -> {
            if (held(places, rules.warning(), zone)) {
                zoneFlags.add(Flag.WARNING);
            }
            if (held(places, rules.exitCandidate(), zone)) {
                zoneFlags.add(Flag.EXIT_CANDIDATE);
            }
            if (places.size() >= rules.expansionPeriods() && places.subList(0, rules.expansionPeriods()).stream()
                    .allMatch(period -> period.top.contains(zone))) {
                zoneFlags.add(Flag.EXPANSION_ELIGIBLE);
            }
        });
        return flags;
    }

    /** The flags of the current period given the two before it, newest first (either may be empty). */
    public static Map<String, Set<Flag>> flags(FlagRules rules, List<ScoreRow> current, List<ScoreRow> previous,
                                               List<ScoreRow> beforePrevious) {
        return flags(rules, new Period(current, List.of()),
                List.of(new Period(previous, List.of()), new Period(beforePrevious, List.of())));
    }

    private static boolean held(List<Places> places, BottomWindow window, String zone) {
        int count = 0;
        for (int p = 0; p < Math.min(window.periods(), places.size()); p++) {
            if (places.get(p).bottom.contains(zone)) {
                count++;
            }
        }
        return count >= window.places();
    }

    /** Who holds a bottom place and who a top-share place in one period. */
    private static final class Places {
        final Set<String> bottom = new HashSet<>();
        final Set<String> top = new HashSet<>();

        Places(FlagRules rules, Period period) {
            boolean national = rules.peerScope() == PeerScope.NATIONAL;
            int rankedCount = 0;
            // zone → region group of each zone without a rank, once even when it is both unranked and not reported
            Map<String, String> withoutRank = new HashMap<>();
            for (ScoreRow row : period.rows()) {
                if (row.ranked()) {
                    rankedCount++;
                } else {
                    withoutRank.put(row.zone(), row.regionGroup());
                }
            }
            period.notReported().forEach(zone -> withoutRank.putIfAbsent(zone.zone(), zone.regionGroup()));
            int unranked = withoutRank.size();
            Map<String, Integer> unrankedByGroup = new HashMap<>();
            withoutRank.values().forEach(group -> unrankedByGroup.merge(group, 1, Integer::sum));
            boolean counted = rules.notReportedCountsAsBottom();
            int topRank = Math.max(1, (int) Math.floor(rules.topShare() * rankedCount));
            for (ScoreRow row : period.rows()) {
                if (!row.ranked()) {
                    continue;
                }
                int rank = national ? row.nationalRank() : row.regionRank();
                int peers = national ? rankedCount : row.regionGroupSize();
                int without = !counted ? 0 : national ? unranked : unrankedByGroup.getOrDefault(row.regionGroup(), 0);
                if (rank > peers + without - rules.bottomN()) {
                    bottom.add(row.zone());
                }
                if (row.nationalRank() <= topRank) {
                    top.add(row.zone());
                }
            }
            if (counted) {
                bottom.addAll(withoutRank.keySet());
            }
        }
    }
}

package cn.etdz.evaluation.scores;

import cn.etdz.evaluation.snapshot.ScoreRow;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The flag rules as plain functions of stored rankings, so they can be tested on paper. Ties count as the rank they
 * share: with competition ranks a zone is in the bottom {@code n} of a group of {@code size} ranked zones when its
 * region rank is above {@code size − n}; a group of at most {@code n} ranked zones is bottom as a whole. The top share
 * is national rank ≤ {@code max(1, floor(share × ranked zones))}, so a group always has an eligible zone at the top.
 *
 * @param bottomN  zones at the bottom of a region group that get a WARNING (default 5)
 * @param topShare share of the type that may be EXPANSION_ELIGIBLE (default 0.10)
 */
public record FlagRules(int bottomN, double topShare) {

    /**
     * The flags of each zone of the current ranking.
     *
     * @param current       rows of the period's snapshot
     * @param previous      rows of the previous period's snapshot; empty if none
     * @param beforePrevious rows of the period before that; empty if none
     */
    public Map<String, Set<Flag>> flags(List<ScoreRow> current, List<ScoreRow> previous, List<ScoreRow> beforePrevious) {
        Map<String, ScoreRow> last = index(previous);
        Map<String, ScoreRow> beforeLast = index(beforePrevious);
        int rankedNow = (int) current.stream().filter(ScoreRow::ranked).count();
        int rankedBefore = (int) previous.stream().filter(ScoreRow::ranked).count();
        Map<String, Set<Flag>> flags = new java.util.LinkedHashMap<>();
        for (ScoreRow row : current) {
            Set<Flag> zoneFlags = EnumSet.noneOf(Flag.class);
            if (!row.ranked()) {
                zoneFlags.add(Flag.UNRANKED);
            }
            boolean bottomNow = bottom(row);
            if (bottomNow) {
                zoneFlags.add(Flag.WARNING);
            }
            int bottomCount = (bottomNow ? 1 : 0) + (bottom(last.get(row.zone())) ? 1 : 0)
                    + (bottom(beforeLast.get(row.zone())) ? 1 : 0);
            if (bottomCount >= 2) {
                zoneFlags.add(Flag.EXIT_CANDIDATE);
            }
            if (top(row, rankedNow) && top(last.get(row.zone()), rankedBefore)) {
                zoneFlags.add(Flag.EXPANSION_ELIGIBLE);
            }
            flags.put(row.zone(), zoneFlags);
        }
        return flags;
    }

    /** In the bottom {@code bottomN} of its region group; an unranked or absent zone is not. */
    public boolean bottom(ScoreRow row) {
        return row != null && row.ranked() && row.regionRank() > row.regionGroupSize() - bottomN;
    }

    /** Within the top share of its type. */
    public boolean top(ScoreRow row, int rankedCount) {
        if (row == null || !row.ranked()) {
            return false;
        }
        return row.nationalRank() <= Math.max(1, (int) Math.floor(topShare * rankedCount));
    }

    private static Map<String, ScoreRow> index(List<ScoreRow> rows) {
        return rows.stream().collect(Collectors.toMap(ScoreRow::zone, Function.identity()));
    }

    static List<String> names(Set<Flag> flags) {
        List<String> names = new ArrayList<>();
        flags.forEach(flag -> names.add(flag.name()));
        return names;
    }
}

package cn.etdz.evaluation.scores;

import cn.etdz.evaluation.snapshot.ScoreRow;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The flag rules on small rankings worked on paper. */
class FlagRulesTest {

    private final FlagRules rules = new FlagRules(5, 0.10);

    /** A ranked row: national rank, region rank, ranked zones in its region group. */
    private static ScoreRow ranked(String zone, int national, int region, int groupSize) {
        return new ScoreRow(1, zone, "320000", "EAST", "EAST_COASTAL", 50.0, 50.0, 50.0, 50.0, 50.0, 50.0,
                national, region, groupSize, 1.0, 1, null);
    }

    private static ScoreRow unranked(String zone) {
        return new ScoreRow(1, zone, "320000", "EAST", "EAST_COASTAL", null, null, null, null, null, null,
                null, null, 0, 0.3, 1, null);
    }

    @Test
    void theBottomFiveOfARegionGroupAreRegionRanksAboveItsSizeMinusFive() {
        // a group of 7 ranked zones: bottom five are region ranks 3..7
        assertThat(rules.bottom(ranked("A", 2, 2, 7))).isFalse();
        assertThat(rules.bottom(ranked("B", 3, 3, 7))).isTrue();
        assertThat(rules.bottom(ranked("C", 7, 7, 7))).isTrue();
        // a group of 4 is bottom as a whole, its leader included
        assertThat(rules.bottom(ranked("D", 1, 1, 4))).isTrue();
        // ties share a rank: two zones tied at 2 of 7 are both outside the bottom five
        assertThat(rules.bottom(ranked("E", 2, 2, 7))).isFalse();
        assertThat(rules.bottom(unranked("F"))).isFalse();
        assertThat(rules.bottom(null)).isFalse();
    }

    @Test
    void theTopTenPercentIsAtLeastRankOne() {
        assertThat(rules.top(ranked("A", 13, 1, 50), 132)).isTrue();    // floor(13.2) = 13
        assertThat(rules.top(ranked("A", 14, 1, 50), 132)).isFalse();
        assertThat(rules.top(ranked("A", 1, 1, 6), 6)).isTrue();        // floor(0.6) = 0, at least rank 1
        assertThat(rules.top(ranked("A", 2, 1, 6), 6)).isFalse();
        assertThat(rules.top(unranked("A"), 6)).isFalse();
    }

    @Test
    void flagsCombineThisPeriodWithTheTwoBefore() {
        List<ScoreRow> now = List.of(ranked("TOP", 1, 1, 7), ranked("MID", 2, 2, 7), ranked("LOW", 7, 7, 7),
                unranked("NEW"));
        List<ScoreRow> last = List.of(ranked("TOP", 1, 1, 7), ranked("MID", 5, 5, 7), ranked("LOW", 2, 2, 7));
        List<ScoreRow> beforeLast = List.of(ranked("MID", 6, 6, 7), ranked("LOW", 6, 6, 7));

        Map<String, Set<Flag>> flags = rules.flags(now, last, beforeLast);

        assertThat(flags.get("TOP")).containsExactly(Flag.EXPANSION_ELIGIBLE);   // rank 1 of 3 ranked, twice
        assertThat(flags.get("MID")).containsExactly(Flag.EXIT_CANDIDATE);       // bottom last year and the year before
        assertThat(flags.get("LOW")).containsExactly(Flag.WARNING, Flag.EXIT_CANDIDATE);   // now and two years ago
        assertThat(flags.get("NEW")).containsExactly(Flag.UNRANKED);
    }
}

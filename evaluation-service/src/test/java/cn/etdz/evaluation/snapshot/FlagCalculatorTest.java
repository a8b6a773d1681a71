package cn.etdz.evaluation.snapshot;

import cn.etdz.evaluation.scoring.BottomWindow;
import cn.etdz.evaluation.scoring.FlagPreset;
import cn.etdz.evaluation.scoring.FlagRules;
import cn.etdz.evaluation.scoring.PeerScope;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static cn.etdz.evaluation.snapshot.Flag.EXIT_CANDIDATE;
import static cn.etdz.evaluation.snapshot.Flag.EXPANSION_ELIGIBLE;
import static cn.etdz.evaluation.snapshot.Flag.NOT_REPORTED;
import static cn.etdz.evaluation.snapshot.Flag.UNRANKED;
import static cn.etdz.evaluation.snapshot.Flag.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

/** The flag presets and rules of one's own on small rankings worked on paper (docs/method.md has the first). */
class FlagCalculatorTest {

    private static final FlagRules PLAN = FlagRules.of(FlagPreset.PLAN_2012);
    private static final FlagRules MOFCOM_2016 = FlagRules.of(FlagPreset.MOFCOM_2016);
    private static final FlagRules MOFCOM_2021 = FlagRules.of(FlagPreset.MOFCOM_2021);

    /** A ranked row: national rank, region rank, ranked zones of its region group. */
    private static ScoreRow ranked(String zone, String group, int national, int region, int groupSize) {
        return new ScoreRow(1, zone, "320000", "EAST", group, 50.0, 50.0, 50.0, 50.0, 50.0, 50.0,
                national, region, groupSize, 1.0, 1, null);
    }

    private static ScoreRow unranked(String zone, String group) {
        return new ScoreRow(1, zone, "320000", "EAST", group, null, null, null, null, null, null,
                null, null, 0, 0.3, 1, null);
    }

    private static NotReported notReported(String zone, String group) {
        return new NotReported(zone, "320000", "EAST", group);
    }

    /** One region group ranked in the order given (ties: the rank of each zone given), national = region rank. */
    private static List<ScoreRow> group(List<String> zones, int... ranks) {
        List<ScoreRow> rows = new ArrayList<>();
        for (int i = 0; i < zones.size(); i++) {
            int rank = ranks.length == 0 ? i + 1 : ranks[i];
            rows.add(ranked(zones.get(i), "EAST_COASTAL", rank, rank, zones.size()));
        }
        return rows;
    }

    private static Set<String> with(Map<String, Set<Flag>> flags, Flag flag) {
        Set<String> zones = new TreeSet<>();
        flags.forEach((zone, zoneFlags) -> {
            if (zoneFlags.contains(flag)) {
                zones.add(zone);
            }
        });
        return zones;
    }

    private static Map<String, Set<Flag>> now(FlagRules rules, List<ScoreRow> rows, List<NotReported> notReported) {
        return FlagCalculator.flags(rules, new FlagCalculator.Period(rows, notReported),
                List.of(FlagCalculator.Period.NONE, FlagCalculator.Period.NONE));
    }

    @Test
    void theBottomFiveOfEightAreRanksFourToEightAndATieAcrossTheBoundaryKeepsBothOut() {
        List<String> zones = List.of("A", "B", "C", "D", "E", "F", "G", "H");
        // ranks above 8 − 5 = 3 are bottom
        assertThat(with(now(PLAN, group(zones), List.of()), WARNING)).containsExactly("D", "E", "F", "G", "H");
        // C and D tied at 3 (places 3 and 4): both share rank 3, both outside; only four zones are warned
        assertThat(with(now(PLAN, group(zones, 1, 2, 3, 3, 5, 6, 7, 8), List.of()), WARNING))
                .containsExactly("E", "F", "G", "H");
        // D and E tied at 4 (places 4 and 5): both inside
        assertThat(with(now(PLAN, group(zones, 1, 2, 3, 4, 4, 6, 7, 8), List.of()), WARNING))
                .containsExactly("D", "E", "F", "G", "H");
        // a group of at most five is bottom as a whole, its leader too
        assertThat(with(now(PLAN, group(List.of("A", "B", "C", "D")), List.of()), WARNING))
                .containsExactly("A", "B", "C", "D");
    }

    /**
     * EAST_COASTAL: six ranked zones E1–E6 (national ranks 1, 3, 5, 7, 9, 10), EU reported too little, EN sent nothing;
     * WEST: four ranked zones W1–W4 (national ranks 2, 4, 6, 8), WN sent nothing. Ten ranked zones in all.
     */
    private static Map<String, Set<Flag>> twoGroups(FlagRules rules) {
        List<ScoreRow> rows = new ArrayList<>();
        int[] eastNational = {1, 3, 5, 7, 9, 10};
        for (int i = 0; i < 6; i++) {
            rows.add(ranked("E" + (i + 1), "EAST_COASTAL", eastNational[i], i + 1, 6));
        }
        for (int i = 0; i < 4; i++) {
            rows.add(ranked("W" + (i + 1), "WEST", 2 * (i + 1), i + 1, 4));
        }
        rows.add(unranked("EU", "EAST_COASTAL"));
        return now(rules, rows, List.of(notReported("EN", "EAST_COASTAL"), notReported("WN", "WEST")));
    }

    @Test
    void planRulesLeaveZonesWithoutARankOutOfTheBottomPlaces() {
        Map<String, Set<Flag>> flags = twoGroups(PLAN);
        // EAST: region ranks above 6 − 5 = 1; WEST: a group of four, all of it
        assertThat(with(flags, WARNING)).containsExactly("E2", "E3", "E4", "E5", "E6", "W1", "W2", "W3", "W4");
        assertThat(flags.get("EU")).containsExactly(UNRANKED);
        assertThat(flags.get("EN")).containsExactly(NOT_REPORTED);
        assertThat(flags.get("WN")).containsExactly(NOT_REPORTED);
    }

    @Test
    void mofcom2021CountsZonesWithoutARankAsTheLastOfTheirRegionGroup() {
        Map<String, Set<Flag>> flags = twoGroups(MOFCOM_2021);
        // EAST: EU and EN take two of the five places; ranked zones above 6 + 2 − 5 = 3. WEST: WN takes one of five
        assertThat(with(flags, WARNING)).containsExactly("E4", "E5", "E6", "EN", "EU", "W1", "W2", "W3", "W4", "WN");
        assertThat(flags.get("EU")).containsExactly(WARNING, UNRANKED);
        assertThat(flags.get("EN")).containsExactly(WARNING, NOT_REPORTED);
    }

    @Test
    void mofcom2016CountsTheBottomPlacesOfTheZoneTypeNationally() {
        Map<String, Set<Flag>> flags = twoGroups(MOFCOM_2016);
        // ten ranked, three without a rank take three of the five places: national ranks above 10 + 3 − 5 = 8
        assertThat(with(flags, WARNING)).containsExactly("E5", "E6", "EN", "EU", "WN");
    }

    /**
     * On the official basis a zone without an approved revision is a row of the table, unranked, and has not reported:
     * it comes as both and is one zone without a rank, which takes one place, not two.
     */
    @Test
    void aZoneBothUnrankedAndNotReportedHasBothFlagsAndTakesOneBottomPlace() {
        List<ScoreRow> rows = group(List.of("E1", "E2", "E3", "E4", "E5", "E6"));
        rows.add(unranked("EO", "EAST_COASTAL"));
        List<NotReported> notApproved = List.of(notReported("EO", "EAST_COASTAL"));

        Map<String, Set<Flag>> counted = now(MOFCOM_2021, rows, notApproved);
        // EO takes one of the five places: ranked zones above 6 + 1 − 5 = 2
        assertThat(with(counted, WARNING)).containsExactly("E3", "E4", "E5", "E6", "EO");
        assertThat(counted.get("EO")).containsExactly(WARNING, UNRANKED, NOT_REPORTED);

        Map<String, Set<Flag>> plan = now(PLAN, rows, notApproved);
        assertThat(with(plan, WARNING)).containsExactly("E2", "E3", "E4", "E5", "E6");
        assertThat(plan.get("EO")).containsExactly(UNRANKED, NOT_REPORTED);
    }

    @Test
    void zonesWithoutARankTakeEveryBottomPlaceWhenTheyAreMoreThanFive() {
        List<NotReported> silent = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            silent.add(notReported("N" + i, "EAST_COASTAL"));
        }
        Map<String, Set<Flag>> flags = now(MOFCOM_2021, group(List.of("A", "B", "C")), silent);
        // seven silent zones cannot push each other out: all warned, the three ranked zones keep clear
        assertThat(with(flags, WARNING)).containsExactly("N1", "N2", "N3", "N4", "N5", "N6", "N7");
    }

    /**
     * One region group of ten over three periods, national = region rank. 2103: A B C D E F G Z Y X; 2102: X B C D E F
     * G A Y, Z sent nothing; 2101: A B C D Z E F G Y X.
     */
    private static Map<String, Set<Flag>> threePeriods(FlagRules rules) {
        FlagCalculator.Period current = new FlagCalculator.Period(
                group(List.of("A", "B", "C", "D", "E", "F", "G", "Z", "Y", "X")), List.of());
        FlagCalculator.Period last = new FlagCalculator.Period(
                group(List.of("X", "B", "C", "D", "E", "F", "G", "A", "Y")), List.of(notReported("Z", "EAST_COASTAL")));
        FlagCalculator.Period beforeLast = new FlagCalculator.Period(
                group(List.of("A", "B", "C", "D", "Z", "E", "F", "G", "Y", "X")), List.of());
        return FlagCalculator.flags(rules, current, List.of(last, beforeLast));
    }

    @Test
    void planRulesMakeExitCandidatesOfTwoBottomPlacesInThreePeriods() {
        // bottom (rank above size − 5): 2103 F G Z Y X; 2102 (nine ranked, Z not counted) E F G A Y; 2101 E F G Y X
        Map<String, Set<Flag>> flags = threePeriods(PLAN);
        assertThat(with(flags, WARNING)).containsExactly("F", "G", "X", "Y", "Z");
        assertThat(with(flags, EXIT_CANDIDATE)).containsExactly("E", "F", "G", "X", "Y");
    }

    @Test
    void mofcom2021CountsThePeriodAZoneDidNotReportAsABottomPlace() {
        // 2102 counted: nine ranked and Z, ranks above 9 + 1 − 5 = 5: F G A Y and Z
        Map<String, Set<Flag>> flags = threePeriods(MOFCOM_2021);
        assertThat(with(flags, EXIT_CANDIDATE)).containsExactly("F", "G", "X", "Y", "Z");
    }

    @Test
    void mofcom2016WantsTwoBottomPlacesRunning() {
        // X was at the bottom in 2101 and 2103 but not in 2102: not two running
        Map<String, Set<Flag>> flags = threePeriods(MOFCOM_2016);
        assertThat(with(flags, EXIT_CANDIDATE)).containsExactly("F", "G", "Y", "Z");
    }

    @Test
    void expansionNeedsTheTopShareInEachPeriodOfItsWindow() {
        List<String> now = new ArrayList<>();
        List<String> before = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            now.add("Z" + i);
            before.add("Z" + i);
        }
        before.set(1, "Z3");   // Z2 and Z3 swap places in the earlier period
        before.set(2, "Z2");
        FlagCalculator.Period current = new FlagCalculator.Period(group(now), List.of());
        FlagCalculator.Period last = new FlagCalculator.Period(group(before), List.of());
        // top 10 % of twenty: ranks 1 and 2
        Map<String, Set<Flag>> flags = FlagCalculator.flags(PLAN, current, List.of(last, FlagCalculator.Period.NONE));
        assertThat(with(flags, EXPANSION_ELIGIBLE)).containsExactly("Z1");
        // without an earlier period nobody has held it twice; with a window of one, this period is enough
        assertThat(with(now(PLAN, group(now), List.of()), EXPANSION_ELIGIBLE)).isEmpty();
        FlagRules onePeriod = new FlagRules(null, PeerScope.REGION, 5, new BottomWindow(1, 1), new BottomWindow(2, 3),
                0.10, 1, false);
        assertThat(with(now(onePeriod, group(now), List.of()), EXPANSION_ELIGIBLE)).containsExactly("Z1", "Z2");
    }

    @Test
    void theTopShareIsAtLeastRankOne() {
        FlagRules onePeriod = new FlagRules(null, PeerScope.REGION, 5, new BottomWindow(1, 1), new BottomWindow(2, 3),
                0.10, 1, false);
        // floor(0.6) = 0: still rank 1
        assertThat(with(now(onePeriod, group(List.of("A", "B", "C", "D", "E", "F")), List.of()), EXPANSION_ELIGIBLE))
                .containsExactly("A");
    }
}

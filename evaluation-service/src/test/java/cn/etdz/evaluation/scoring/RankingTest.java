package cn.etdz.evaluation.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RankingTest {

    @ParameterizedTest(name = "scores {0} → ranks {1}")
    @CsvSource(delimiter = '|', value = {
            "90 80 80 70 | 1 2 2 4",
            "70 80 90    | 3 2 1",
            "1 1 2 2     | 3 3 1 1",
            "50 50 50    | 1 1 1",
            "42          | 1",
            "60 59 60 58 | 1 3 1 4"})
    void competitionRanking(String scores, String ranks) {
        Map<String, Double> byZone = new LinkedHashMap<>();
        String[] values = scores.trim().split(" +");
        for (int i = 0; i < values.length; i++) {
            byZone.put("Z" + i, Double.parseDouble(values[i]));
        }
        Map<String, Integer> result = Ranking.competition(byZone);
        int[] actual = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            actual[i] = result.get("Z" + i);
        }
        assertThat(actual).containsExactly(Arrays.stream(ranks.trim().split(" +")).mapToInt(Integer::parseInt).toArray());
    }

    @Test
    void scoresWithinTheToleranceAreTied() {
        assertThat(Ranking.competition(Map.of("A", 60.0, "B", 60.0 - 1e-12, "C", 59.0)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("A", 1, "B", 1, "C", 3));
        assertThat(Ranking.competition(Map.of("A", 60.0, "B", 60.0 - 1e-6)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("A", 1, "B", 2));
    }

    @Test
    void nobodyToRank() {
        assertThat(Ranking.competition(Map.of())).isEmpty();
    }

    @Test
    void aScoreMustBeANumber() {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("A", Double.NaN);
        assertThatIllegalArgumentException().isThrownBy(() -> Ranking.competition(scores));
    }

    @Test
    void theArrayFormRanksByIndexWithTiesInIndexOrderLikeTheMapByCode() {
        double[] scores = {80, 90, 80 + 1e-12, 70, 90};

        assertThat(Ranking.competition(scores)).containsExactly(3, 1, 3, 5, 1);
        Map<String, Double> byCode = new LinkedHashMap<>();
        for (int i = scores.length - 1; i >= 0; i--) {
            byCode.put("Z" + i, scores[i]);
        }
        Map<String, Integer> ranks = Ranking.competition(byCode);
        assertThat(new int[] {ranks.get("Z0"), ranks.get("Z1"), ranks.get("Z2"), ranks.get("Z3"), ranks.get("Z4")})
                .containsExactly(Ranking.competition(scores));
        assertThatIllegalArgumentException().isThrownBy(() -> Ranking.competition(new double[] {1, Double.NaN}));
    }
}

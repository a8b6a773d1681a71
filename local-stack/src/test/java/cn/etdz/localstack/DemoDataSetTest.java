package cn.etdz.localstack;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DemoDataSetTest {

    private final DemoDataSet data = DemoDataSet.generate(2012);

    @Test
    void aboutOneHundredTwentyEtdzAndFifteenBeczInEveryRegion() {
        Map<String, Long> byType = data.zones().stream()
                .collect(Collectors.groupingBy(DemoDataSet.Zone::type, Collectors.counting()));
        assertThat(byType.get("ETDZ")).isBetween(110L, 140L);
        assertThat(byType.get("BECZ")).isEqualTo(15L);
        Set<String> provinces = Set.copyOf(data.provinces());
        assertThat(provinces).contains("110000", "320000", "140000", "210000", "220000", "230000", "650000", "540000");
        assertThat(data.submissions()).hasSize(data.zones().size() * 6);
    }

    @Test
    void the2010TotalsAreThePlansBaselines() {
        DemoDataSet.BASELINES_2010.forEach((type, baselines) -> baselines.forEach((indicator, baseline) ->
                assertThat(BigDecimal.valueOf(data.total(type, "2010", indicator)).doubleValue())
                        .as("%s %s", type, indicator).isCloseTo(baseline, within(0.005))));
    }

    @Test
    void growthScattersAroundThePlansTargets() {
        double cagr = Math.pow(data.total("ETDZ", "2015", "GDP") / data.total("ETDZ", "2010", "GDP"), 1 / 5.0) - 1;
        assertThat(cagr).isBetween(0.12, 0.22);
        double border = Math.pow(data.total("BECZ", "2015", "GDP") / data.total("BECZ", "2010", "GDP"), 1 / 5.0) - 1;
        assertThat(border).isBetween(0.14, 0.28);
    }

    @Test
    void everySubmissionKeepsThePartsWithinTheirWholes() {
        String[][] partOf = {{"IND_VA", "GDP"}, {"SERV_VA", "GDP"}, {"HT_OUTPUT", "IND_OUTPUT"}, {"HT_TRADE", "TRADE"},
                {"EXPORTS", "TRADE"}, {"GRADUATES", "EMPLOYEES"}};
        for (DemoDataSet.Submission submission : data.submissions()) {
            for (String[] rule : partOf) {
                assertThat(submission.values().get(rule[0])).as("%s %s %s", submission.zone(), submission.period(), rule[0])
                        .isLessThanOrEqualTo(submission.values().get(rule[1]));
            }
            assertThat(submission.values().values()).allMatch(v -> v >= 0 && Double.isFinite(v));
        }
    }

    @Test
    void aFewAreLateAndTwoAreImplausibleWithACorrection() {
        long late = data.submissions().stream().filter(s -> s.receivedAt().atZoneSameInstant(ZoneId.of("Asia/Shanghai"))
                .toLocalDate().isAfter(LocalDate.of(Integer.parseInt(s.period()) + 1, 3, 31))).count();
        assertThat(late).isBetween(5L, data.submissions().size() / 10L);
        assertThat(data.submissions().stream().filter(s -> s.note() != null)).hasSize(4);
        assertThat(data.corrections()).hasSize(2)
                .allSatisfy(c -> assertThat(c.note()).startsWith("correction"));
    }

    @Test
    void theSameSeedGivesTheSameData() {
        assertThat(DemoDataSet.generate(2012).submissions()).isEqualTo(data.submissions());
    }
}

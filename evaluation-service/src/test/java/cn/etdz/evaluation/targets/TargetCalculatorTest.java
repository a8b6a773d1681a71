package cn.etdz.evaluation.targets;

import cn.etdz.evaluation.scoring.ZoneType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Target lines on figures worked on paper. */
class TargetCalculatorTest {

    private static TargetLine line(List<TargetLine> lines, String indicator) {
        return lines.stream().filter(l -> l.indicator().equals(indicator)).findFirst().orElseThrow();
    }

    @Test
    void aZonesShareFollowsALinearPathFromItsOwn2010Value() {
        List<TargetLine> lines = TargetCalculator.zone(ZoneType.ETDZ, 2012,
                Map.of("GDP", 100.0, "SERV_VA", 25.0), Map.of(), Map.of("GDP", 80.0, "SERV_VA", 16.0));
        TargetLine share = line(lines, "SERV_SHARE");
        assertThat(share.baseline2010()).isCloseTo(20.0, within(1e-12));          // 16 / 80
        assertThat(share.path()).isCloseTo(24.0, within(1e-12));                  // 20 + (30 − 20) × 2/5
        assertThat(share.current()).isCloseTo(25.0, within(1e-12));
        assertThat(share.attainment()).isCloseTo(100 * 25.0 / 30, within(1e-12));
        assertThat(share.status()).isEqualTo("ON_TRACK");
    }

    @Test
    void withoutItsOwnBaselineAnEtdzUsesThePlans2010FigureAndLowerIsBetterForEnergy() {
        List<TargetLine> lines = TargetCalculator.zone(ZoneType.ETDZ, 2013,
                Map.of("GDP", 100.0, "ENERGY", 45.0), Map.of(), Map.of());
        TargetLine energy = line(lines, "ENERGY_INTENSITY");
        assertThat(energy.baseline2010()).isEqualTo(0.48);
        assertThat(energy.path()).isCloseTo(0.48 + (0.41 - 0.48) * 3 / 5, within(1e-12));   // 0.438
        assertThat(energy.current()).isCloseTo(0.45, within(1e-12));
        assertThat(energy.status()).isEqualTo("BEHIND");                                    // 0.45 > 0.438
        assertThat(energy.attainment()).isCloseTo(100 * 0.41 / 0.45, within(1e-12));
        assertThat(line(lines, "GDP_PER_KM2").status()).isEqualTo("NO_DATA");
    }

    @Test
    void aZoneThatUsedNoEnergyIsOnTrackWithoutAnAttainmentRatio() {
        List<TargetLine> lines = TargetCalculator.zone(ZoneType.ETDZ, 2013,
                Map.of("GDP", 100.0, "ENERGY", 0.0), Map.of(), Map.of());
        TargetLine energy = line(lines, "ENERGY_INTENSITY");
        assertThat(energy.current()).isEqualTo(0.0);
        assertThat(energy.status()).isEqualTo("ON_TRACK");
        assertThat(energy.attainment()).as("target / 0 has no meaning").isNull();
    }

    @Test
    void growthTargetsAreAnnualAndMissingWithoutThePreviousYear() {
        List<TargetLine> lines = TargetCalculator.zone(ZoneType.BECZ, 2014,
                Map.of("GDP", 120.0, "TAX", 10.0), Map.of("GDP", 100.0), Map.of());
        TargetLine gdp = line(lines, "GDP_GROWTH");
        assertThat(gdp.current()).isCloseTo(20.0, within(1e-9));
        assertThat(gdp.path()).isEqualTo(20.0);                                  // BECZ: 20 % a year
        assertThat(gdp.status()).isEqualTo("ON_TRACK");
        assertThat(line(lines, "TAX_GROWTH").status()).isEqualTo("NO_DATA");
    }

    @Test
    void aggregatesSumTheZonesAndGrowTotalsAtAConstantRate() {
        Map<String, Map<String, Double>> current = Map.of(
                "A", Map.of("GDP", 21_000.0, "SERV_VA", 5_250.0, "FDI", 200.0),
                "B", Map.of("GDP", 15_000.0, "FDI", 150.0, "TAX", 7_000.0));
        List<TargetLine> lines = TargetCalculator.aggregate(ZoneType.ETDZ, 2012, current, Map.of());
        TargetLine gdp = line(lines, "GDP");
        assertThat(gdp.current()).isEqualTo(36_000.0);
        assertThat(gdp.path()).isCloseTo(26_849 * Math.pow(53_000 / 26_849.0, 0.4), within(1e-6));   // 35 243
        assertThat(gdp.status()).isEqualTo("ON_TRACK");
        assertThat(gdp.zones()).isEqualTo(2);
        TargetLine tax = line(lines, "TAX");
        assertThat(tax.zones()).isEqualTo(1);
        assertThat(tax.path()).isCloseTo(4_650 * Math.pow(10_600 / 4_650.0, 0.4), within(1e-6));     // 6 465
        assertThat(tax.status()).isEqualTo("ON_TRACK");
        TargetLine share = line(lines, "SERV_SHARE");                            // only A reports both parts
        assertThat(share.current()).isCloseTo(25.0, within(1e-12));
        assertThat(share.zones()).isEqualTo(1);
        assertThat(share.path()).isCloseTo(23.9 + (30 - 23.9) * 2 / 5, within(1e-12));
        assertThat(line(lines, "FDI").path()).isCloseTo(305 * Math.pow(480 / 305.0, 0.4), within(1e-9));
    }
}

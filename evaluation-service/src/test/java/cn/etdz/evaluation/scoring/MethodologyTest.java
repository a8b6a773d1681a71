package cn.etdz.evaluation.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The default methodology {@code plan-2012} is what docs/method.md describes. */
class MethodologyTest {

    private static final Set<String> QUALITY = Set.of("SERV_SHARE", "GDP_PER_WORKER", "GDP_PER_KM2", "HT_SHARE",
            "RD_INTENSITY", "HT_TRADE_SHARE", "GRADUATE_SHARE", "ENERGY_INTENSITY", "SO2_INTENSITY", "COD_INTENSITY",
            "SOCIAL_INS", "ONLINE_RATE");
    private static final Set<String> LEVELS = Set.of("GDP", "FDI", "TAX", "TRADE", "RD_CENTERS", "HT_FIRMS",
            "EMPLOYEES", "SAFETY_ACC", "BORDER_TRADE", "PORT_THROUGHPUT");

    @ParameterizedTest
    @EnumSource(ZoneType.class)
    void isValid(ZoneType type) {
        Methodology plan = Methodology.plan2012(type);
        assertThat(MethodologyValidator.validate(plan)).isEmpty();
        assertThat(plan.id()).isEqualTo("plan-2012");
        assertThat(plan.zoneType()).isEqualTo(type);
        assertThat(plan.regionGrouping()).isEqualTo(RegionGrouping.PLAN_GROUPS);
        assertThat(plan.compositeAggregation()).isEqualTo(Aggregation.ARITHMETIC);
    }

    @ParameterizedTest
    @EnumSource(ZoneType.class)
    void pillarWeightsAreThirtyTwentyFiveTwentyFifteenTen(ZoneType type) {
        List<Pillar> pillars = Methodology.plan2012(type).pillars();
        assertThat(pillars).extracting(Pillar::code).containsExactly(PillarCode.values());
        assertThat(pillars).extracting(Pillar::weight).containsExactly(30.0, 25.0, 20.0, 15.0, 10.0);
        assertThat(pillars).extracting(Pillar::aggregation).containsOnly(Aggregation.ARITHMETIC);
    }

    @ParameterizedTest
    @EnumSource(ZoneType.class)
    void qualityIndicatorsWeighOneAndAHalfTimesTheLevelIndicators(ZoneType type) {
        for (IndicatorSpec spec : indicators(type)) {
            assertThat(spec.weight()).as(spec.code()).isEqualTo(QUALITY.contains(spec.code()) ? 1.5 : 1.0);
        }
    }

    @ParameterizedTest
    @EnumSource(ZoneType.class)
    void levelIndicatorsAreLoggedThenMinMaxed(ZoneType type) {
        for (IndicatorSpec spec : indicators(type)) {
            boolean level = LEVELS.contains(spec.code());
            assertThat(spec.transform() == Transform.LOG1P).as(spec.code()).isEqualTo(level);
            if (level) {
                assertThat(spec.normalisation()).as(spec.code()).isEqualTo(Normalisation.MINMAX);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ZoneType.class)
    void indicatorsWithAPlanTargetUseIt(ZoneType type) {
        for (IndicatorSpec spec : indicators(type)) {
            assertThat(spec.normalisation() == Normalisation.TARGET).as(spec.code())
                    .isEqualTo(PlanTargets.target2015(spec.code(), type).isPresent());
        }
    }

    @ParameterizedTest(name = "{0} {1}: target {2}, {3} is better")
    @CsvSource({
            "ETDZ, GDP_GROWTH, 15, HIGHER", "BECZ, GDP_GROWTH, 20, HIGHER",
            "ETDZ, FDI_GROWTH, 9, HIGHER", "BECZ, FDI_GROWTH, 14, HIGHER",
            "ETDZ, TAX_GROWTH, 18, HIGHER", "BECZ, TAX_GROWTH, 17, HIGHER",
            "ETDZ, GDP_PER_WORKER, 40, HIGHER", "BECZ, GDP_PER_WORKER, 33, HIGHER",
            "ETDZ, SERV_SHARE, 30, HIGHER", "BECZ, SERV_SHARE, 30, HIGHER",
            "ETDZ, HT_SHARE, 49, HIGHER", "ETDZ, GDP_PER_KM2, 16, HIGHER",
            "ETDZ, ENERGY_INTENSITY, 0.41, LOWER", "BECZ, ENERGY_INTENSITY, 0.41, LOWER"})
    void theZoneTypesTargets(ZoneType type, String code, double target, Direction direction) {
        IndicatorSpec spec = indicators(type).stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
        assertThat(spec.parameter(IndicatorSpec.TARGET)).isEqualTo(target);
        assertThat(spec.direction()).isEqualTo(direction);
    }

    @Test
    void borderZonesAddBorderTradeAndPortThroughput() {
        assertThat(indicators(ZoneType.BECZ)).extracting(IndicatorSpec::code)
                .contains("BORDER_TRADE", "PORT_THROUGHPUT").hasSize(30);
        assertThat(indicators(ZoneType.ETDZ)).extracting(IndicatorSpec::code)
                .doesNotContain("BORDER_TRADE", "PORT_THROUGHPUT").hasSize(28);
    }

    @Test
    void pollutionAndAccidentsAndDelaysAreLowerBetter() {
        assertThat(indicators(ZoneType.ETDZ)).filteredOn(spec -> spec.direction() == Direction.LOWER)
                .extracting(IndicatorSpec::code)
                .containsExactlyInAnyOrder("ENERGY_INTENSITY", "SO2_INTENSITY", "COD_INTENSITY", "SAFETY_ACC",
                        "APPROVAL_DAYS");
    }

    private static List<IndicatorSpec> indicators(ZoneType type) {
        return Methodology.plan2012(type).pillars().stream().flatMap(pillar -> pillar.indicators().stream()).toList();
    }
}

package cn.etdz.evaluation.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/** Every formula of docs/method.md's table on one hand-made zone; tolerance 1e-9. */
class DerivedIndicatorsTest {

    private static final double TOLERANCE = 1e-9;

    private static final Map<String, Double> CURRENT = Map.ofEntries(
            Map.entry("GDP", 200.0), Map.entry("SERV_VA", 60.0), Map.entry("IND_OUTPUT", 400.0),
            Map.entry("HT_OUTPUT", 196.0), Map.entry("TRADE", 50.0), Map.entry("HT_TRADE", 30.0),
            Map.entry("RD_EXP", 5.0), Map.entry("EMPLOYEES", 8.0), Map.entry("AREA_BUILT", 12.5),
            Map.entry("ENERGY", 84.0), Map.entry("SO2", 1000.0), Map.entry("COD", 500.0),
            Map.entry("GRADUATES", 2.0), Map.entry("FDI", 10.9), Map.entry("TAX", 23.6));
    private static final Map<String, Double> PREVIOUS = Map.of("GDP", 160.0, "FDI", 10.0, "TAX", 20.0);

    static Stream<Arguments> formulas() {
        return Stream.of(
                Arguments.of("SERV_SHARE", 30.0),          // 60 / 200 × 100
                Arguments.of("HT_SHARE", 49.0),            // 196 / 400 × 100
                Arguments.of("HT_TRADE_SHARE", 60.0),      // 30 / 50 × 100
                Arguments.of("RD_INTENSITY", 2.5),         // 5 / 200 × 100
                Arguments.of("GDP_PER_WORKER", 25.0),      // 200 亿元 / 8 万人 = 25 万元/人
                Arguments.of("GDP_PER_KM2", 16.0),         // 200 / 12.5
                Arguments.of("ENERGY_INTENSITY", 0.42),    // 84 万吨 / 200 亿元 = 0.42 吨/万元
                Arguments.of("SO2_INTENSITY", 5.0),        // 1000 / 200
                Arguments.of("COD_INTENSITY", 2.5),        // 500 / 200
                Arguments.of("GRADUATE_SHARE", 25.0),      // 2 / 8 × 100
                Arguments.of("GDP_GROWTH", 25.0),          // (200 / 160 − 1) × 100
                Arguments.of("FDI_GROWTH", 9.0),           // (10.9 / 10 − 1) × 100
                Arguments.of("TAX_GROWTH", 18.0));         // (23.6 / 20 − 1) × 100
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("formulas")
    void formula(String code, double expected) {
        assertThat(DerivedIndicators.value(code, CURRENT, PREVIOUS).getAsDouble()).isCloseTo(expected,
                within(TOLERANCE));
    }

    @Test
    void theTableCoversEveryDerivedIndicator() {
        assertThat(formulas().map(arguments -> (String) arguments.get()[0]))
                .containsExactlyElementsOf(DerivedIndicators.CODES);
    }

    static Stream<Arguments> missing() {
        return Stream.of(
                Arguments.of("SERV_SHARE", "GDP", 0.0, false),            // zero denominator
                Arguments.of("SERV_SHARE", "SERV_VA", null, false),       // missing numerator
                Arguments.of("SERV_SHARE", "GDP", null, false),           // missing denominator
                Arguments.of("GDP_PER_WORKER", "EMPLOYEES", 0.0, false),
                Arguments.of("GDP_PER_KM2", "AREA_BUILT", null, false),
                Arguments.of("HT_SHARE", "IND_OUTPUT", -1.0, false),      // negative denominator: bad data
                Arguments.of("GDP_GROWTH", "GDP", null, true),            // no previous value
                Arguments.of("GDP_GROWTH", "GDP", 0.0, true),             // growth from a zero base
                Arguments.of("FDI_GROWTH", "FDI", null, false));          // no current value
    }

    @ParameterizedTest(name = "{0} with {1} = {2} (previous period: {3}) is missing")
    @MethodSource("missing")
    void missingInputsAndZeroDenominatorsGiveMissing(String code, String input, Double value, boolean previous) {
        Map<String, Double> current = new HashMap<>(CURRENT);
        Map<String, Double> before = new HashMap<>(PREVIOUS);
        (previous ? before : current).put(input, value);
        assertThat(DerivedIndicators.value(code, current, before)).isEmpty();
    }

    @Test
    void aZeroNumeratorIsARealZero() {
        Map<String, Double> current = new HashMap<>(CURRENT);
        current.put("HT_OUTPUT", 0.0);
        assertThat(DerivedIndicators.value("HT_SHARE", current, PREVIOUS)).hasValue(0.0);
    }

    @Test
    void growthCanBeNegative() {
        // (120 / 160 − 1) × 100
        assertThat(DerivedIndicators.growth(120.0, 160.0).getAsDouble()).isCloseTo(-25, within(TOLERANCE));
    }

    @Test
    void allLeavesOutWhatCannotBeComputed() {
        assertThat(DerivedIndicators.all(CURRENT, PREVIOUS)).containsOnlyKeys(DerivedIndicators.CODES);
        Map<String, Double> withoutGdp = new HashMap<>(CURRENT);
        withoutGdp.remove("GDP");
        assertThat(DerivedIndicators.all(withoutGdp, null)).containsOnlyKeys("HT_SHARE", "HT_TRADE_SHARE",
                "GRADUATE_SHARE");
    }

    @Test
    void onlyDerivedCodes() {
        assertThatIllegalArgumentException().isThrownBy(() -> DerivedIndicators.value("GDP", CURRENT, PREVIOUS));
    }
}

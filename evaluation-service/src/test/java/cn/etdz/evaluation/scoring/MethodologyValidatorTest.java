package cn.etdz.evaluation.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static cn.etdz.evaluation.scoring.Direction.HIGHER;
import static cn.etdz.evaluation.scoring.Direction.LOWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MethodologyValidatorTest {

    /** A valid five-pillar methodology; each case below breaks one thing in its first pillar's first indicator. */
    private static Methodology withFirstIndicator(UnaryOperator<IndicatorSpec> change) {
        List<Pillar> pillars = new ArrayList<>(Methodology.plan2012(ZoneType.ETDZ).pillars());
        Pillar economy = pillars.get(0);
        List<IndicatorSpec> indicators = new ArrayList<>(economy.indicators());
        indicators.set(0, change.apply(indicators.get(0)));
        pillars.set(0, new Pillar(economy.code(), economy.weight(), economy.aggregation(), indicators));
        return new Methodology("m", "1", ZoneType.ETDZ, Aggregation.ARITHMETIC, null, pillars);
    }

    private static IndicatorSpec spec(String code, double weight, Direction direction, Transform transform,
                                      Normalisation normalisation, Map<String, Double> parameters) {
        return new IndicatorSpec(code, weight, direction, transform, normalisation, parameters);
    }

    private static Map<String, Double> parameters(Object... namesAndValues) {
        Map<String, Double> parameters = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], (Double) namesAndValues[i + 1]);
        }
        return parameters;
    }

    static Stream<Arguments> brokenIndicators() {
        String at = "pillars[0].indicators[0].";
        return Stream.of(
                Arguments.of("unknown code", spec("GDPP", 1, HIGHER, null, Normalisation.MINMAX, null),
                        at + "code", "unknown-indicator"),
                Arguments.of("no code", spec(null, 1, HIGHER, null, Normalisation.MINMAX, null),
                        at + "code", "unknown-indicator"),
                Arguments.of("border indicator in ETDZ", spec("BORDER_TRADE", 1, HIGHER, null, Normalisation.MINMAX,
                        null), at + "code", "not-applicable"),
                Arguments.of("used twice", spec("FDI", 1, HIGHER, null, Normalisation.MINMAX, null),
                        "pillars[0].indicators[1].code", "duplicate-indicator"),
                Arguments.of("zero weight", spec("GDP", 0, HIGHER, null, Normalisation.MINMAX, null),
                        at + "weight", "non-positive-weight"),
                Arguments.of("negative weight", spec("GDP", -1, HIGHER, null, Normalisation.MINMAX, null),
                        at + "weight", "non-positive-weight"),
                Arguments.of("NaN weight", spec("GDP", Double.NaN, HIGHER, null, Normalisation.MINMAX, null),
                        at + "weight", "non-positive-weight"),
                Arguments.of("no direction", spec("GDP", 1, null, null, Normalisation.MINMAX, null),
                        at + "direction", "required"),
                Arguments.of("no normalisation", spec("GDP", 1, HIGHER, null, null, null),
                        at + "normalisation", "required"),
                Arguments.of("goalpost without max", spec("GDP", 1, HIGHER, null, Normalisation.GOALPOST,
                        parameters("min", 0.0)), at + "parameters.max", "missing-parameter"),
                Arguments.of("goalpost max null", spec("GDP", 1, HIGHER, null, Normalisation.GOALPOST,
                        parameters("min", 0.0, "max", null)), at + "parameters.max", "missing-parameter"),
                Arguments.of("goalpost min = max", spec("GDP", 1, HIGHER, null, Normalisation.GOALPOST,
                        parameters("min", 5.0, "max", 5.0)), at + "parameters.max", "invalid-parameter"),
                Arguments.of("target without target", spec("GDP", 1, HIGHER, null, Normalisation.TARGET, null),
                        at + "parameters.target", "missing-parameter"),
                Arguments.of("infinite target", spec("GDP", 1, HIGHER, null, Normalisation.TARGET,
                        parameters("target", Double.POSITIVE_INFINITY)), at + "parameters.target",
                        "missing-parameter"),
                Arguments.of("zero target", spec("GDP", 1, HIGHER, null, Normalisation.TARGET,
                        parameters("target", 0.0)), at + "parameters.target", "invalid-parameter"),
                Arguments.of("efficacy without impermissible", spec("GDP", 1, HIGHER, null, Normalisation.EFFICACY,
                        parameters("satisfactory", 10.0)), at + "parameters.impermissible", "missing-parameter"),
                Arguments.of("efficacy upside down", spec("GDP", 1, LOWER, null, Normalisation.EFFICACY,
                        parameters("satisfactory", 10.0, "impermissible", 5.0)), at + "parameters.satisfactory",
                        "invalid-parameter"),
                Arguments.of("a parameter minmax does not take", spec("GDP", 1, HIGHER, null, Normalisation.MINMAX,
                        parameters("target", 5.0)), at + "parameters.target", "unknown-parameter"),
                Arguments.of("a goalpost of 0 under ln", spec("GDP", 1, HIGHER, Transform.LN, Normalisation.GOALPOST,
                        parameters("min", 0.0, "max", 100.0)), at + "parameters.min", "parameter-not-transformable"),
                Arguments.of("a target of 1 under ln is 0", spec("GDP", 1, HIGHER, Transform.LN, Normalisation.TARGET,
                        parameters("target", 1.0)), at + "parameters.target", "invalid-parameter"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenIndicators")
    void reportsTheBrokenIndicator(String name, IndicatorSpec broken, String field, String code) {
        assertThat(MethodologyValidator.validate(withFirstIndicator(spec -> broken), IndicatorCatalogue.PLAN))
                .extracting(MethodologyProblem::field, MethodologyProblem::code)
                .containsExactly(tuple(field, code));
    }

    /**
     * The codes are checked against the catalogue given, which grows by what administrators add; the engine's own
     * check (no catalogue) takes any code, so a stored methodology scores whatever the catalogue became.
     */
    @Test
    void aCodeIsKnownWhenTheCatalogueGivenHasIt() {
        Map<String, Set<ZoneType>> raw = new HashMap<>();
        IndicatorCatalogue.PLAN.rawIndicators(ZoneType.BECZ).forEach(code -> raw.put(code,
                EnumSet.of(ZoneType.ETDZ, ZoneType.BECZ)));
        raw.put("GREEN_AREA", EnumSet.of(ZoneType.ETDZ));
        raw.put("BORDER_PARKS", EnumSet.of(ZoneType.BECZ));
        IndicatorCatalogue grown = new IndicatorCatalogue(raw);
        Methodology green = withFirstIndicator(spec -> spec("GREEN_AREA", 1, HIGHER, null, Normalisation.MINMAX, null));
        Methodology border = withFirstIndicator(spec -> spec("BORDER_PARKS", 1, HIGHER, null, Normalisation.MINMAX, null));

        assertThat(MethodologyValidator.validate(green, grown)).isEmpty();
        assertThat(MethodologyValidator.validate(green, IndicatorCatalogue.PLAN))
                .extracting(MethodologyProblem::code).containsExactly("unknown-indicator");
        assertThat(MethodologyValidator.validate(border, grown))
                .extracting(MethodologyProblem::code).containsExactly("not-applicable");
        assertThat(MethodologyValidator.validate(border)).isEmpty();
        assertThat(grown.appliesTo("SERV_SHARE", ZoneType.BECZ)).as("derived indicators stay known").isTrue();
        assertThat(grown.rawIndicators(ZoneType.ETDZ)).contains("GREEN_AREA", "BORDER_TRADE").doesNotContain("BORDER_PARKS");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        List<Pillar> pillars = new ArrayList<>(Methodology.plan2012(ZoneType.ETDZ).pillars());
        Pillar innovation = pillars.get(1);
        pillars.set(1, new Pillar(innovation.code(), 0, null, List.of()));
        pillars.remove(4);
        pillars.add(pillars.get(0));
        Methodology methodology = new Methodology(" ", null, ZoneType.ETDZ, null, null, pillars);

        assertThat(MethodologyValidator.validate(methodology))
                .extracting(MethodologyProblem::field, MethodologyProblem::code)
                .containsExactlyInAnyOrder(
                        tuple("id", "required"),
                        tuple("version", "required"),
                        tuple("compositeAggregation", "required"),
                        tuple("pillars[1].weight", "non-positive-weight"),
                        tuple("pillars[1].aggregation", "required"),
                        tuple("pillars[1].indicators", "empty-pillar"),
                        tuple("pillars[4].code", "duplicate-pillar"),
                        // the duplicated pillar repeats its ten indicators
                        tuple("pillars[4].indicators[0].code", "duplicate-indicator"),
                        tuple("pillars[4].indicators[1].code", "duplicate-indicator"),
                        tuple("pillars[4].indicators[2].code", "duplicate-indicator"),
                        tuple("pillars[4].indicators[3].code", "duplicate-indicator"),
                        tuple("pillars[4].indicators[4].code", "duplicate-indicator"),
                        tuple("pillars[4].indicators[5].code", "duplicate-indicator"),
                        tuple("pillars[4].indicators[6].code", "duplicate-indicator"),
                        tuple("pillars[4].indicators[7].code", "duplicate-indicator"),
                        tuple("pillars[4].indicators[8].code", "duplicate-indicator"),
                        tuple("pillars[4].indicators[9].code", "duplicate-indicator"),
                        tuple("pillars", "missing-pillar"));
        assertThat(MethodologyValidator.validate(methodology))
                .filteredOn(problem -> problem.code().equals("missing-pillar"))
                .extracting(MethodologyProblem::key, MethodologyProblem::args)
                .containsExactly(tuple("evaluation.methodology.pillar-missing", List.of("INSTITUTIONS")));
    }

    @Test
    void nullEntriesAreProblemsNotCrashes() {
        List<Pillar> pillars = new ArrayList<>(Methodology.plan2012(ZoneType.BECZ).pillars());
        pillars.add(null);
        Methodology methodology = new Methodology("m", "1", null, Aggregation.GEOMETRIC, null, pillars);
        assertThat(MethodologyValidator.validate(methodology))
                .extracting(MethodologyProblem::field, MethodologyProblem::code)
                .containsExactlyInAnyOrder(
                        tuple("zoneType", "required"),
                        tuple("pillars[5]", "required"));
        assertThat(MethodologyValidator.validate(null)).extracting(MethodologyProblem::code).containsExactly("required");
    }
}

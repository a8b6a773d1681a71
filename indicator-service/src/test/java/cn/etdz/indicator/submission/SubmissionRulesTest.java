package cn.etdz.indicator.submission;

import cn.etdz.common.problem.Violation;
import cn.etdz.indicator.catalogue.IndicatorRule;
import cn.etdz.indicator.catalogue.ValueType;
import cn.etdz.indicator.zone.ZoneType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionRulesTest {

    static final Map<String, IndicatorRule> CATALOGUE = Map.of(
            "GDP", rule("GDP", "亿元", ValueType.NUMBER, null, true, true, true),
            "IND_VA", rule("IND_VA", "亿元", ValueType.NUMBER, null, true, true, false),
            "SERV_VA", rule("SERV_VA", "亿元", ValueType.NUMBER, null, true, true, false),
            "EMPLOYEES", rule("EMPLOYEES", "万人", ValueType.NUMBER, null, true, true, true),
            "GRADUATES", rule("GRADUATES", "万人", ValueType.NUMBER, null, true, true, false),
            "SOCIAL_INS", rule("SOCIAL_INS", "%", ValueType.PERCENT, 100.0, true, true, false),
            "HT_FIRMS", rule("HT_FIRMS", "count", ValueType.COUNT, null, true, true, false),
            "ISO14000", rule("ISO14000", "yes/no", ValueType.YES_NO, 1.0, true, true, false),
            "BORDER_TRADE", rule("BORDER_TRADE", "亿美元", ValueType.NUMBER, null, false, true, false));

    static final Optional<SubmissionRules.ZoneFacts> ETDZ =
            Optional.of(new SubmissionRules.ZoneFacts("SUZHOU-IP", ZoneType.ETDZ, "320000"));

    static IndicatorRule rule(String code, String unit, ValueType type, Double max, boolean etdz, boolean becz,
                              boolean required) {
        return new IndicatorRule(code, unit, "economy", type, 0, max, etdz, becz, required);
    }

    static SubmissionRequest.Value value(String indicator, Double value) {
        return new SubmissionRequest.Value(indicator, value, null, null);
    }

    static List<Violation> check(SubmissionRequest.Value... extra) {
        List<SubmissionRequest.Value> values = new ArrayList<>(List.of(value("GDP", 100.0), value("EMPLOYEES", 10.0)));
        values.addAll(List.of(extra));
        return SubmissionRules.check(new SubmissionRequest("SUZHOU-IP", "2015", values), ETDZ, CATALOGUE, Year.of(2026));
    }

    @Test
    void aCompleteConsistentSubmissionPasses() {
        assertThat(check(value("IND_VA", 60.0), value("SOCIAL_INS", 99.5), value("HT_FIRMS", 12.0),
                value("ISO14000", 1.0))).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1} → {3}")
    @CsvSource({
            "SOCIAL_INS, 100.5, values[2].value, out-of-range",
            "SOCIAL_INS, -1,    values[2].value, out-of-range",
            "ISO14000,   0.5,   values[2].value, out-of-range",
            "ISO14000,   2,     values[2].value, out-of-range",
            "HT_FIRMS,   3.5,   values[2].value, not-a-count",
            "HT_FIRMS,   -2,    values[2].value, out-of-range",
            "FOO,        1,     values[2].indicator, unknown-indicator",
            "BORDER_TRADE, 5,   values[2].indicator, not-applicable",
            "gdp,        1,     values[2].indicator, malformed-indicator",
            "GDP,        1,     values[2].indicator, duplicate-indicator",
            "IND_VA,     100.5, values[2].value, inconsistent",
            "GRADUATES,  11,    values[2].value, inconsistent"})
    void eachHardRuleNamesTheOffendingValue(String indicator, double number, String field, String code) {
        assertThat(check(value(indicator, number))).extracting(Violation::field, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(field, code));
    }

    @Test
    void aPartEqualToItsWholeIsConsistent() {
        assertThat(check(value("IND_VA", 100.0), value("SERV_VA", 100.0))).isEmpty();
    }

    @Test
    void nonFiniteMissingAndMislabelledValuesAreRejected() {
        assertThat(check(value("IND_VA", Double.NaN), value("SERV_VA", null),
                new SubmissionRequest.Value("SOCIAL_INS", 50.0, "‰", null, null)))
                .extracting(Violation::field, Violation::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("values[2].value", "not-finite"),
                        org.assertj.core.groups.Tuple.tuple("values[3].value", "required"),
                        org.assertj.core.groups.Tuple.tuple("values[4].unit", "unit-mismatch"));
    }

    @Test
    void requiredIndicatorsOfTheZoneTypeMustBePresent() {
        List<Violation> violations = SubmissionRules.check(new SubmissionRequest("SUZHOU-IP", "2015",
                List.of(value("IND_VA", 1.0))), ETDZ, CATALOGUE, Year.of(2026));
        assertThat(violations).extracting(Violation::code, Violation::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("missing-required", "EMPLOYEES is required for a ETDZ."),
                org.assertj.core.groups.Tuple.tuple("missing-required", "GDP is required for a ETDZ."));
    }

    @ParameterizedTest
    @CsvSource({"15, malformed-period", "2015a, malformed-period", "1999, out-of-range", "2027, out-of-range"})
    void thePeriodIsAYearInRange(String period, String code) {
        List<Violation> violations = SubmissionRules.check(new SubmissionRequest("SUZHOU-IP", period,
                List.of(value("GDP", 1.0), value("EMPLOYEES", 1.0))), ETDZ, CATALOGUE, Year.of(2026));
        assertThat(violations).extracting(Violation::field, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("period", code));
    }

    @Test
    void anUnknownZoneIsNamed() {
        List<Violation> violations = SubmissionRules.check(new SubmissionRequest("NOPE", "2015",
                List.of(value("GDP", 1.0))), Optional.empty(), CATALOGUE, Year.of(2026));
        assertThat(violations).extracting(Violation::field, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("zone", "unknown-zone"));
    }
}

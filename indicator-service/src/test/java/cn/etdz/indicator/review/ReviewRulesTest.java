package cn.etdz.indicator.review;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewRulesTest {

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
        "SUBMITTED, APPROVED,  true",
        "SUBMITTED, RETURNED,  true",
        "SUBMITTED, SUBMITTED, false",
        "APPROVED,  RETURNED,  true",
        "APPROVED,  APPROVED,  false",
        "APPROVED,  SUBMITTED, false",
        "RETURNED,  APPROVED,  false",
        "RETURNED,  RETURNED,  false",
        "RETURNED,  SUBMITTED, false"
    })
    void aRevisionMovesOnlyAlongTheWorkflow(ReviewState from, ReviewState to, boolean allowed) {
        assertThat(ReviewRules.mayMove(from, to)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "comment [{0}], GDP comment [{1}]: {2}")
    @CsvSource(nullValues = "null", value = {
        "请核实,  null,  true",
        "null,    请核实, true",
        "'  ',    null,  false",
        "null,    '  ',  false",
        "null,    null,  false"
    })
    void aReturnSaysWhyOnTheWholeReturnOrOnAValue(String comment, String gdpComment, boolean saysWhy) {
        Map<String, String> valueComments = gdpComment == null ? null : Map.of("GDP", gdpComment);
        assertThat(ReviewRules.saysWhy(comment, valueComments)).isEqualTo(saysWhy);
    }
}

package cn.etdz.common.api;

import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParametersTest {

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31", "-999999999-01-01", "+999999999-12-31T23:59:59.999999999-18:00",
            "1899-12-31", "+10000-01-01T00:00:00Z", "1899-12-31T23:59:59Z"})
    void anAsOfOutsideItsYearsIsOutOfRange(String asOf) {
        QueryParameters parameters = new QueryParameters();
        assertThat(parameters.asOf(asOf)).isNull();
        assertThatThrownBy(parameters::check).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.problem().status()).isEqualTo(400);
            assertThat(problem.problem().violations()).extracting(Violation::field, Violation::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("asOf", "out-of-range"));
        });
    }

    @ParameterizedTest
    @CsvSource({"1900-01-01, 1900-01-01T23:59:59.999999Z", "9999-12-31, 9999-12-31T23:59:59.999999Z",
            "2016-04-01T08:00:00+08:00, 2016-04-01T08:00:00+08:00"})
    void anAsOfWithinItsYearsIsReadAsTheEndOfADateOrTheTimestampGiven(String asOf, String expected) {
        QueryParameters parameters = new QueryParameters();
        assertThat(parameters.asOf(asOf)).isEqualTo(OffsetDateTime.parse(expected));
        parameters.check();
    }

    @Test
    void aMalformedAsOfIsNamed() {
        QueryParameters parameters = new QueryParameters();
        parameters.asOf("2016-13-01");
        assertThatThrownBy(parameters::check).isInstanceOfSatisfying(ProblemException.class, problem ->
                assertThat(problem.problem().violations()).extracting(Violation::code).containsExactly("invalid-format"));
    }

    @Test
    void theFirstRowOfTheLastPageDoesNotOverflowAndLiesPastTheEnd() {
        assertThat(Paging.firstRow(Integer.MAX_VALUE, Paging.MAX_SIZE)).isEqualTo(1_073_741_823_500L);
        assertThat(Paging.pastTheEnd(Integer.MAX_VALUE, Paging.MAX_SIZE, 10_000)).isTrue();
        assertThat(Paging.pastTheEnd(1, 50, 51)).isFalse();
        assertThat(Paging.pastTheEnd(1, 50, 50)).isTrue();
    }

    @Test
    void everyBadParameterIsReportedAtOnce() {
        QueryParameters parameters = new QueryParameters();
        parameters.period("period", "15", true);
        parameters.oneOf("zoneType", "FREE", java.time.DayOfWeek.class, true);
        parameters.page("-1");
        parameters.size("0");
        assertThatThrownBy(parameters::check).isInstanceOfSatisfying(ProblemException.class, problem ->
                assertThat(problem.problem().violations()).extracting(Violation::field)
                        .containsExactly("period", "zoneType", "page", "size"));
    }

    @Test
    void aFlagIsTrueOrFalseAndNothingElse() {
        QueryParameters parameters = new QueryParameters();
        assertThat(parameters.flag("dryRun", null)).isFalse();
        assertThat(parameters.flag("dryRun", "TRUE")).isTrue();
        assertThat(parameters.flag("dryRun", "false")).isFalse();
        parameters.check();
        assertThat(parameters.flag("dryRun", "yes")).isFalse();
        assertThatThrownBy(parameters::check).isInstanceOfSatisfying(ProblemException.class, problem ->
                assertThat(problem.problem().violations()).extracting(Violation::field).containsExactly("dryRun"));
    }

    @Test
    void pagingParametersAreWholeNumbersInRangeWithDefaults() {
        QueryParameters parameters = new QueryParameters();
        assertThat(parameters.page(null)).isZero();
        assertThat(parameters.size("")).isEqualTo(Paging.DEFAULT_SIZE);
        assertThat(parameters.page("2147483647")).isEqualTo(Integer.MAX_VALUE);
        assertThat(parameters.size("500")).isEqualTo(500);
        parameters.check();
        parameters.page("1e308");
        parameters.size("9223372036854775808");
        assertThatThrownBy(parameters::check).isInstanceOfSatisfying(ProblemException.class, problem ->
                assertThat(problem.problem().violations()).extracting(Violation::field, Violation::code).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("page", "invalid-format"),
                        org.assertj.core.groups.Tuple.tuple("size", "invalid-format")));
    }
}

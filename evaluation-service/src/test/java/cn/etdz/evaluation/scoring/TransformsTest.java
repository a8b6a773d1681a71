package cn.etdz.evaluation.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Tolerance 1e-12. */
class TransformsTest {

    @ParameterizedTest(name = "ln(1 + {0}) = {1}")
    @CsvSource({
            "0, 0",                                   // a zero level stays at the bottom, not missing
            "1.718281828459045, 1",                   // e − 1
            "99, 4.605170185988092",                  // ln 100
            "0.5, 0.4054651081081644"})               // ln 1.5
    void logIsLnOfOnePlusX(double value, double expected) {
        assertThat(Transforms.log(new double[] {value})[0]).isCloseTo(expected, within(1e-12));
    }

    @Test
    void negativeAndMissingValuesCannotBeLogged() {
        double[] logged = Transforms.apply(Transform.LOG, new double[] {-0.5, Double.NaN});
        assertThat(logged[0]).isNaN();
        assertThat(logged[1]).isNaN();
    }

    @Test
    void noneCopies() {
        double[] values = {3, Double.NaN};
        double[] out = Transforms.apply(Transform.NONE, values);
        assertThat(out).isNotSameAs(values);
        assertThat(out[0]).isEqualTo(3);
        assertThat(out[1]).isNaN();
    }
}

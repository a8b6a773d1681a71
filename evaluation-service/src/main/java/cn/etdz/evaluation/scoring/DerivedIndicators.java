package cn.etdz.evaluation.scoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Indicators the methodology computes from submitted ones (docs/method.md, "Derived indicators"). The units follow from
 * the catalogue's: e.g. {@code GDP} 亿元 / {@code EMPLOYEES} 万人 = 万元/人, {@code ENERGY} 万吨标准煤 / {@code GDP} 亿元 =
 * 吨标准煤/万元, so no unit factor other than × 100 for percentages is needed.
 *
 * <p>A derived value is <em>missing</em> (an empty {@link OptionalDouble}, never 0 or NaN) when an input is missing
 * or the denominator is zero. Denominators are non-negative by the catalogue's range rule, so a negative one can only
 * be bad data and is treated like zero.
 */
public final class DerivedIndicators {

    private record Formula(String numerator, String denominator, double scale, boolean growth) {
    }

    private static final Map<String, Formula> FORMULAS;

    static {
        Map<String, Formula> formulas = new LinkedHashMap<>();
        formulas.put("SERV_SHARE", new Formula("SERV_VA", "GDP", 100, false));
        formulas.put("HT_SHARE", new Formula("HT_OUTPUT", "IND_OUTPUT", 100, false));
        formulas.put("HT_TRADE_SHARE", new Formula("HT_TRADE", "TRADE", 100, false));
        formulas.put("RD_INTENSITY", new Formula("RD_EXP", "GDP", 100, false));
        formulas.put("GDP_PER_WORKER", new Formula("GDP", "EMPLOYEES", 1, false));
        formulas.put("GDP_PER_KM2", new Formula("GDP", "AREA_BUILT", 1, false));
        formulas.put("ENERGY_INTENSITY", new Formula("ENERGY", "GDP", 1, false));
        formulas.put("SO2_INTENSITY", new Formula("SO2", "GDP", 1, false));
        formulas.put("COD_INTENSITY", new Formula("COD", "GDP", 1, false));
        formulas.put("GRADUATE_SHARE", new Formula("GRADUATES", "EMPLOYEES", 100, false));
        formulas.put("GDP_GROWTH", new Formula("GDP", null, 100, true));
        formulas.put("FDI_GROWTH", new Formula("FDI", null, 100, true));
        formulas.put("TAX_GROWTH", new Formula("TAX", null, 100, true));
        FORMULAS = Collections.unmodifiableMap(formulas);
    }

    /** The derived indicator codes, in the order of docs/method.md's table. */
    public static final List<String> CODES = List.copyOf(FORMULAS.keySet());

    private DerivedIndicators() {
    }

    /** Whether the code is a derived indicator. */
    public static boolean isDerived(String code) {
        return FORMULAS.containsKey(code);
    }

    /**
     * The value of one derived indicator for one zone.
     *
     * @param current  this period's raw values by indicator code (absent or {@code null} = missing)
     * @param previous the previous period's raw values, used by the growth rates only; {@code null} = none
     * @throws IllegalArgumentException if the code is not a derived indicator
     */
    public static OptionalDouble value(String code, Map<String, Double> current, Map<String, Double> previous) {
        Formula formula = FORMULAS.get(code);
        if (formula == null) {
            throw new IllegalArgumentException(code + " is not a derived indicator");
        }
        if (formula.growth()) {
            return growth(current.get(formula.numerator()),
                    previous == null ? null : previous.get(formula.numerator()));
        }
        return ratio(current.get(formula.numerator()), current.get(formula.denominator()), formula.scale());
    }

    /** Every derived indicator that can be computed for one zone; missing ones are absent from the map. */
    public static Map<String, Double> all(Map<String, Double> current, Map<String, Double> previous) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String code : CODES) {
            value(code, current, previous).ifPresent(value -> values.put(code, value));
        }
        return values;
    }

    /**
     * {@code scale × numerator / denominator}; missing if either input is missing, the denominator is ≤ 0, or the
     * quotient overflows.
     */
    public static OptionalDouble ratio(Double numerator, Double denominator, double scale) {
        if (numerator == null || denominator == null || !(denominator > 0)) {
            return OptionalDouble.empty();
        }
        return finite(scale * numerator / denominator);
    }

    /**
     * Growth in percent, {@code (current / previous − 1) × 100}; missing if either value is missing or the previous
     * one is ≤ 0 (no growth rate from a zero base).
     */
    public static OptionalDouble growth(Double current, Double previous) {
        if (current == null || previous == null || !(previous > 0)) {
            return OptionalDouble.empty();
        }
        return finite((current / previous - 1) * 100);
    }

    private static OptionalDouble finite(double value) {
        return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    }
}

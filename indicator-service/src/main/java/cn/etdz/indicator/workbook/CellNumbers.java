package cn.etdz.indicator.workbook;

import cn.etdz.common.i18n.Message;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a number a person typed into a text cell, strictly: a plain decimal number stored as text is read (and the
 * caller warns that it was), anything else is refused with a message that says what to type instead. Thousands
 * separators and full-width digits are refused, not read: {@code 1,234} means one thousand two hundred and
 * thirty-four in China but one point two three four in much of Europe, and guessing would store a wrong value.
 */
final class CellNumbers {

    private static final Pattern PLAIN = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern SEPARATED = Pattern.compile("[-+]?\\d{1,3}([,，]\\d{3})+(\\.\\d+)?");

    /** A number (with a remark's code when it was read from text), or the code and message of why it is not one. */
    record Reading(Double value, String code, Problem problem) {

        static Reading of(double value) {
            return new Reading(value, null, null);
        }

        /** @param key a message whose first argument is the indicator, then {@code args} */
        static Reading refused(String code, String key, String... args) {
            return new Reading(null, code, new Problem(key, List.of(args)));
        }
    }

    /** Why a cell is not a number, as a message to be said about the indicator of its column. */
    record Problem(String key, List<String> args) {

        Message about(String indicator) {
            List<String> all = new ArrayList<>(args);
            all.add(0, indicator);
            return new Message(key, all);
        }
    }

    private CellNumbers() {
    }

    static Reading read(String raw) {
        String text = raw.strip();
        if (PLAIN.matcher(text).matches()) {
            return Reading.of(new BigDecimal(text.startsWith("+") ? text.substring(1) : text).doubleValue());
        }
        String halfWidth = halfWidth(text);
        if (!halfWidth.equals(text)) {
            String typed = SEPARATED.matcher(halfWidth).matches() ? halfWidth.replace(",", "") : halfWidth;
            return Reading.refused("full-width-digits", "indicator.workbook.full-width", text, typed);
        }
        if (SEPARATED.matcher(text).matches()) {
            return Reading.refused("thousands-separator", "indicator.workbook.thousands", text,
                    text.replaceAll("[,，]", ""));
        }
        return Reading.refused("not-a-number", "indicator.workbook.not-a-number", text);
    }

    /** Full-width digits, signs, point and comma (U+FF01–U+FF5E) as their ASCII forms; other characters unchanged. */
    private static String halfWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c));
        return out.toString();
    }
}

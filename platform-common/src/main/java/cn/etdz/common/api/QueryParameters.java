package cn.etdz.common.api;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place where the query parameters shared by the listings and reports are read: periods, {@code asOf},
 * paging and closed sets of codes. Collects every bad parameter and reports them at once ({@link #check()}: a 400
 * problem naming each).
 */
public final class QueryParameters {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    /** {@code asOf} lies in these years: wide enough for any history and plan, narrow enough for every database. */
    public static final int FIRST_AS_OF_YEAR = 1900;
    public static final int LAST_AS_OF_YEAR = 9999;
    private static final OffsetDateTime EARLIEST = OffsetDateTime.of(FIRST_AS_OF_YEAR, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime LATEST = LocalDate.of(LAST_AS_OF_YEAR + 1, 1, 1).atStartOfDay()
            .atOffset(ZoneOffset.UTC);

    private final List<Violation> violations = new ArrayList<>();

    /** A period: a year such as 2015. Returns the value as given. */
    public String period(String name, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new Violation(name, "required", Message.of("common.period.required")));
            }
            return null;
        }
        if (!YEAR.matcher(value).matches()) {
            violations.add(new Violation(name, "invalid-format", Message.of("common.period.format")));
        }
        return value;
    }

    /** A value of an enumeration, sent as its name; blank counts as absent. Returns {@code null} when absent or wrong. */
    public <E extends Enum<E>> E oneOf(String name, String value, Class<E> type, boolean required) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new Violation(name, "required", Message.of("common.one-of.required", name, allowed)));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(name, "unknown-value", Message.of("common.one-of.unknown", name, allowed)));
            return null;
        }
    }

    /** One of a list of words (such as a sort order); blank counts as absent. Returns {@code null} when absent or wrong. */
    public String oneOf(String name, String value, List<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!allowed.contains(value)) {
            violations.add(new Violation(name, "unknown-value", Message.of("common.one-of.unknown", name, String.join(", ", allowed))));
            return null;
        }
        return value;
    }

    /**
     * A value a rule accepts, such as a sort order with an open part; blank counts as absent. Returns {@code null} when
     * absent or refused, naming what is accepted in {@code accepted}.
     */
    public String accepted(String name, String value, Predicate<String> rule, String accepted) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!rule.test(value)) {
            violations.add(new Violation(name, "unknown-value", Message.of("common.one-of.unknown", name, accepted)));
            return null;
        }
        return value;
    }

    /**
     * An ISO-8601 timestamp ({@code 2016-04-01T00:00:00Z}) or a date (its end, UTC), from {@value #FIRST_AS_OF_YEAR}
     * to the end of {@value #LAST_AS_OF_YEAR}; {@code null} means now.
     */
    public OffsetDateTime asOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(value);
        } catch (DateTimeException notATimestamp) {
            try {
                at = LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
                // the end of the date; plusDays would overflow on the last date Java knows, which is out of range anyway
                at = at.isBefore(LATEST) ? at.plusDays(1).minusNanos(1000) : at;
            } catch (DateTimeException notADate) {
                violations.add(new Violation("asOf", "invalid-format",
                        Message.of("common.as-of.format")));
                return null;
            }
        }
        if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
            violations.add(new Violation("asOf", "out-of-range",
                    Message.of("common.as-of.range", FIRST_AS_OF_YEAR, LAST_AS_OF_YEAR)));
            return null;
        }
        return at;
    }

    /**
     * A yes/no switch: {@code true} or {@code false} in any case, absent or blank meaning {@code false}. Anything
     * else is a violation rather than silently {@code false}: {@code dryRun=yes} must not store.
     */
    public boolean flag(String name, String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        violations.add(new Violation(name, "invalid-format", Message.of("common.flag", name)));
        return false;
    }

    /** A page number from 0; default 0. */
    public int page(String value) {
        return wholeNumber("page", value, 0, 0, Integer.MAX_VALUE, Message.of("common.page"));
    }

    /** A page size from 1 to {@value Paging#MAX_SIZE}; default {@value Paging#DEFAULT_SIZE}. */
    public int size(String value) {
        return wholeNumber("size", value, Paging.DEFAULT_SIZE, 1, Paging.MAX_SIZE,
                Message.of("common.size", Paging.MAX_SIZE));
    }

    private int wholeNumber(String name, String value, int absent, int min, int max, Message message) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
            violations.add(new Violation(name, "out-of-range", message));
        } catch (NumberFormatException e) {
            violations.add(new Violation(name, "invalid-format", message));
        }
        return absent;
    }

    /** Throws the 400 problem when any parameter was wrong. */
    public void check() {
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(Message.of("common.query.detail"), violations);
        }
    }
}

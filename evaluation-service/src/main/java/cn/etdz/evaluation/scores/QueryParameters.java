package cn.etdz.evaluation.scores;

import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Checks the query parameters of the score endpoints and reports every bad one at once (400 problem). */
public final class QueryParameters {

    private static final Set<String> ZONE_TYPES = Set.of("ETDZ", "BECZ");
    private static final Set<String> REGIONS = Set.of("EAST", "CENTRAL", "NORTHEAST", "WEST");

    private final List<Violation> violations = new ArrayList<>();

    public String period(String name, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new Violation(name, "required", "The period (a year such as 2015) is required."));
            }
            return null;
        }
        if (!value.matches("\\d{4}")) {
            violations.add(new Violation(name, "invalid-format", "A period is a year such as 2015."));
        }
        return value;
    }

    public String zoneType(String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new Violation("zoneType", "required", "The zone type (ETDZ or BECZ) is required: "
                        + "each type is its own peer group."));
            }
            return null;
        }
        if (!ZONE_TYPES.contains(value)) {
            violations.add(new Violation("zoneType", "unknown-value", "The zone type is ETDZ or BECZ."));
        }
        return value;
    }

    public String region(String value) {
        if (value != null && !REGIONS.contains(value)) {
            violations.add(new Violation("region", "unknown-value", "The region is EAST, CENTRAL, NORTHEAST or WEST."));
        }
        return value;
    }

    /** An ISO-8601 timestamp ({@code 2016-04-01T00:00:00Z}) or a date (its end, UTC); {@code null} means now. */
    public OffsetDateTime asOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value).plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC).minusNanos(1000);
            } catch (DateTimeParseException notADate) {
                violations.add(new Violation("asOf", "invalid-format",
                        "asOf is an ISO-8601 timestamp with offset, e.g. 2016-04-01T00:00:00Z, or a date."));
                return null;
            }
        }
    }

    public void paging(int page, int size) {
        if (page < 0) {
            violations.add(new Violation("page", "out-of-range", "Pages are numbered from 0."));
        }
        if (size < 1 || size > cn.etdz.common.api.Paging.MAX_SIZE) {
            violations.add(new Violation("size", "out-of-range",
                    "The page size is between 1 and " + cn.etdz.common.api.Paging.MAX_SIZE + "."));
        }
    }

    /** Throws the 400 problem when any parameter was wrong. */
    public void check() {
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("Invalid query parameters.", violations);
        }
    }
}

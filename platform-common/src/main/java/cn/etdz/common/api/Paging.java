package cn.etdz.common.api;

import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code page}/{@code size} query parameters of every listing: a page is numbered from 0, holds 1 to
 * {@value #MAX_SIZE} rows, and a page past the last row is empty (never an error, however large its number).
 */
public final class Paging {

    public static final int MAX_SIZE = 500;

    private Paging() {
    }

    /** Rejects a negative page or a size outside 1…{@value #MAX_SIZE} with a 400 problem naming the parameter. */
    public static void check(int page, int size) {
        List<Violation> violations = violations(page, size);
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("Invalid paging parameters.", violations);
        }
    }

    static List<Violation> violations(int page, int size) {
        List<Violation> violations = new ArrayList<>();
        if (page < 0) {
            violations.add(new Violation("page", "out-of-range", "Pages are numbered from 0."));
        }
        if (size < 1 || size > MAX_SIZE) {
            violations.add(new Violation("size", "out-of-range", "The page size is between 1 and " + MAX_SIZE + "."));
        }
        return violations;
    }

    /** Index of the page's first row; a {@code long}, as {@code page × size} overflows an {@code int}. */
    public static long firstRow(int page, int size) {
        return (long) page * size;
    }

    /** Whether the page starts at or after the last of {@code total} rows, so it is empty without reading it. */
    public static boolean pastTheEnd(int page, int size, long total) {
        return firstRow(page, size) >= total;
    }
}

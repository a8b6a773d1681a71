package cn.etdz.common.api;

import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;

import java.util.ArrayList;
import java.util.List;

/** Limits of the {@code page}/{@code size} query parameters of every listing. */
public final class Paging {

    public static final int MAX_SIZE = 500;

    private Paging() {
    }

    /** Rejects a negative page or a size outside 1…{@value #MAX_SIZE} with a 400 problem naming the parameter. */
    public static void check(int page, int size) {
        List<Violation> violations = new ArrayList<>();
        if (page < 0) {
            violations.add(new Violation("page", "out-of-range", "Pages are numbered from 0."));
        }
        if (size < 1 || size > MAX_SIZE) {
            violations.add(new Violation("size", "out-of-range", "The page size is between 1 and " + MAX_SIZE + "."));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("Invalid paging parameters.", violations);
        }
    }
}

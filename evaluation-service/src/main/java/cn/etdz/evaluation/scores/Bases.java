package cn.etdz.evaluation.scores;

import cn.etdz.evaluation.security.Caller;
import cn.etdz.evaluation.snapshot.Basis;

import java.util.Optional;

/** Which basis a caller's read uses, and whose rows it may show on it. */
public final class Bases {

    private Bases() {
    }

    /**
     * The basis a read uses: the one asked for ({@code official} or {@code preliminary}, checked by the resource), else
     * {@code preliminary} for analysts and admins and {@code official} for everyone else.
     */
    public static Basis of(Caller caller, String requested) {
        if (requested != null) {
            return Basis.of(requested);
        }
        return caller.isProvincialOnly() ? Basis.OFFICIAL : Basis.PRELIMINARY;
    }

    /**
     * The one province whose zones a read on the basis may show, when it is restricted: a submitter or reviewer sees
     * the preliminary scores of their own province's zones only (ranks stay those of the whole peer group); official
     * scores are everyone's. Empty when unrestricted; a missing province claim restricts to no zone at all.
     */
    public static Optional<String> preliminaryProvince(Caller caller, Basis basis) {
        if (basis != Basis.PRELIMINARY || !caller.isProvincialOnly()) {
            return Optional.empty();
        }
        return Optional.of(caller.province().orElse(""));
    }
}

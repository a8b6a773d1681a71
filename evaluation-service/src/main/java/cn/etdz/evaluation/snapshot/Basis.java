package cn.etdz.evaluation.snapshot;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which revisions a snapshot scores. Every peer group is scored on both bases; a zone without an approved revision is
 * in the official snapshot, unranked, with no values.
 */
public enum Basis {
    /** The newest approved revision of each zone-period (reviews.v1): what the ministry publishes. */
    OFFICIAL,
    /** The newest revision of each zone-period, approved or not. */
    PRELIMINARY;

    /** The values of the {@code basis} query parameter and of the {@code basis} fields. */
    public static final List<String> CODES = Arrays.stream(values()).map(Basis::code).toList();

    /** As stored and as the API writes it: {@code official} or {@code preliminary}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Basis of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}

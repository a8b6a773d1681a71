package cn.etdz.common.security;

/** The platform's roles (the token's {@code groups} claim) and the claim naming a submitter's province. */
public final class Roles {
    /** A province's system: submits for, and reads, the zones of its own province only. */
    public static final String SUBMITTER = "submitter";
    /** The ministry: reads everything, runs what-if evaluations. */
    public static final String ANALYST = "analyst";
    /** Manages zones, the catalogue and methodologies. */
    public static final String ADMIN = "admin";
    /**
     * A province's commerce department: reads what the province's submitters read, and approves or returns the
     * province's returns and raises queries on their values; scoped by {@link #PROVINCE_CLAIM} as a submitter is.
     */
    public static final String REVIEWER = "reviewer";
    /** GB/T 2260 code of a submitter's or reviewer's province, e.g. {@code 320000}. */
    public static final String PROVINCE_CLAIM = "province";
    /** Issuer of the platform's tokens unless configured otherwise. */
    public static final String DEFAULT_ISSUER = "https://etdz-platform.local/issuer";

    private Roles() {
    }
}

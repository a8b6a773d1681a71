package cn.etdz.evaluation.scoring;

/** The named flag rule sets a methodology can adopt (docs/method.md, "Dynamic-management flags"). */
public enum FlagPreset {
    /**
     * The plan's rules: WARNING for the bottom 5 of the region group, EXIT_CANDIDATE for the bottom 5 of the region
     * group in two of the last three periods, a zone without a rank takes no bottom place.
     */
    PLAN_2012,
    /** MOFCOM 2016: EXIT_CANDIDATE for the bottom 5 of the zone type nationally two periods running. */
    MOFCOM_2016,
    /** MOFCOM 2021: EXIT_CANDIDATE for the bottom 5 of the region group in two of the last three periods. */
    MOFCOM_2021
}

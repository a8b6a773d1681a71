package cn.etdz.evaluation.scoring;

/** Optional transform applied to an indicator's values before normalisation; see {@link Transforms}. */
public enum Transform {
    NONE,
    /** {@code ln(1 + x)}, for skewed level indicators (amounts, counts). */
    LOG
}

package cn.etdz.evaluation.scoring;

/** Among whom a flag rule counts bottom places. */
public enum PeerScope {
    /** Every zone of the type: national ranks. */
    NATIONAL,
    /** The zone's region group under the methodology's grouping: region ranks. */
    REGION
}

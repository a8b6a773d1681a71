package cn.etdz.evaluation.snapshot;

/**
 * One zone's stored result in one snapshot (without the explanation).
 *
 * @param regionGroupSize ranked zones in the zone's region group in this snapshot
 * @param revision        the input revision of the period that was scored
 * @param previousRevision the previous period's revision that the growth rates read; {@code null} if none
 */
public record ScoreRow(long snapshotId, String zone, String province, String region, String regionGroup,
                       Double composite, Double economy, Double innovation, Double environment, Double society,
                       Double institutions, Integer nationalRank, Integer regionRank, int regionGroupSize,
                       double coverage, int revision, Integer previousRevision) {

    public boolean ranked() {
        return composite != null;
    }
}

package cn.etdz.evaluation.snapshot;

import cn.etdz.evaluation.scoring.NodeScore;

import java.util.List;

/**
 * One zone's stored result in one snapshot (without the explanation).
 *
 * @param regionGroupSize ranked zones in the zone's region group in this snapshot
 * @param revision        the input revision of the period that was scored
 * @param previousRevision the previous period's revision that the growth rates read; {@code null} if none
 * @param nodes           the scores of the methodology's top-level nodes, each with its children's; empty when the
 *                        snapshot has none stored
 */
public record ScoreRow(long snapshotId, String zone, String province, String region, String regionGroup,
                       Double composite, Double economy, Double innovation, Double environment, Double society,
                       Double institutions, Integer nationalRank, Integer regionRank, int regionGroupSize,
                       double coverage, int revision, Integer previousRevision, List<NodeScore> nodes) {

    public ScoreRow {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    /** A row without node scores. */
    public ScoreRow(long snapshotId, String zone, String province, String region, String regionGroup,
                    Double composite, Double economy, Double innovation, Double environment, Double society,
                    Double institutions, Integer nationalRank, Integer regionRank, int regionGroupSize,
                    double coverage, int revision, Integer previousRevision) {
        this(snapshotId, zone, province, region, regionGroup, composite, economy, innovation, environment, society,
                institutions, nationalRank, regionRank, regionGroupSize, coverage, revision, previousRevision, null);
    }

    public boolean ranked() {
        return composite != null;
    }
}

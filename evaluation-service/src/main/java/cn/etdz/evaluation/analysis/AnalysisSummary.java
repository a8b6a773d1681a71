package cn.etdz.evaluation.analysis;

import java.time.OffsetDateTime;

/**
 * An analysis job in a listing: what {@link AnalysisView} says without the result.
 *
 * @param state        QUEUED, RUNNING, DONE, FAILED or CANCELLED
 * @param progress     evaluations done, in percent
 * @param snapshotId   the snapshot analysed
 * @param methodology  the nominal methodology, {@code id@version}
 * @param inputs       what varies
 */
public record AnalysisSummary(long id, String kind, String state, int progress, String zoneType, String period,
                              Long snapshotId, String methodology, int replications, long seed,
                              AnalysisRequest.Inputs inputs, String createdBy, OffsetDateTime createdAt,
                              OffsetDateTime finishedAt) {
}

package cn.etdz.evaluation.analysis;

import java.time.OffsetDateTime;

/**
 * An analysis job as the API shows it.
 *
 * @param state        QUEUED, RUNNING, DONE, FAILED or CANCELLED
 * @param progress     evaluations done, in percent
 * @param period       the period analysed; {@code null} for a what-if data set
 * @param snapshotId   the snapshot analysed; {@code null} for a what-if data set
 * @param methodology  the nominal methodology, {@code id@version} (or the simulation's id)
 * @param inputs       what varies
 * @param error        why the job failed; {@code null} otherwise
 * @param uncertainty  the result of a finished uncertainty analysis
 * @param sensitivity  the result of a finished sensitivity analysis
 */
public record AnalysisView(long id, String kind, String state, int progress, String zoneType, String period,
                           Long snapshotId, String methodology, int replications, long seed,
                           AnalysisRequest.Inputs inputs, String createdBy, OffsetDateTime createdAt,
                           OffsetDateTime finishedAt, String error,
                           UncertaintyAnalysis.UncertaintyResult uncertainty,
                           SensitivityAnalysis.SensitivityResult sensitivity) {
}

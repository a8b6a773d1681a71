package cn.etdz.evaluation.analysis;

import java.util.List;

/**
 * The analyses kept for a stored peer group and period.
 *
 * @param analyses newest first, at most {@link AnalysisService#LISTED} of them
 */
public record AnalysisListing(List<AnalysisSummary> analyses) {
}

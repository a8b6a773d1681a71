package cn.etdz.evaluation.snapshot;

import cn.etdz.evaluation.scoring.IndicatorExplanation;
import cn.etdz.evaluation.scoring.PillarScore;

import java.util.List;

/** The engine's explanation of one zone as stored with its score (JSON column {@code zone_score.explanation}). */
public record StoredExplanation(List<PillarScore> pillars, List<IndicatorExplanation> indicators) {
}

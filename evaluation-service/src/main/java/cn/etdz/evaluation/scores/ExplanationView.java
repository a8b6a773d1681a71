package cn.etdz.evaluation.scores;

import cn.etdz.evaluation.scoring.IndicatorExplanation;
import cn.etdz.evaluation.scoring.PillarScore;

import java.util.List;

/**
 * How a zone's composite came about: per pillar its score, weight and contribution to the composite; per indicator
 * its raw or derived value, transformed and normalised value, effective weight within its pillar and its
 * contributions. Indicator {@code pillarContribution}s add up to the pillar score, {@code compositeContribution}s to
 * the composite, as do the pillars' {@code compositeContribution}s.
 *
 * @param sourceRevisions the input revisions the scores were computed from
 */
public record ExplanationView(ScoreView score, List<PillarScore> pillars, List<IndicatorExplanation> indicators,
                              List<SourceRevision> sourceRevisions) {

    /** A zone-period revision the scores read (the previous period's for growth rates). */
    public record SourceRevision(String period, int revision) {
    }
}

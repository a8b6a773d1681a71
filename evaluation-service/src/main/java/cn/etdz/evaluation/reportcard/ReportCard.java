package cn.etdz.evaluation.reportcard;

import cn.etdz.evaluation.scores.ScoreView;
import cn.etdz.evaluation.targets.TargetLine;

import java.util.List;

/**
 * Everything one report card shows, read before the PDF is drawn.
 *
 * @param score               the zone's scores, ranks and flags in the period
 * @param rankedInType        ranked zones of the zone type in the period (the national ranks run to it)
 * @param rankedInRegionGroup ranked zones of the zone's region group (the regional ranks run to it)
 * @param history             the zone's scores in every scored period up to and including this one, oldest first
 * @param strongest           the indicators most above the peer median of their normalised scores, largest lead first
 * @param weakest             the indicators most below it, largest gap first
 * @param targets             the zone's lines against the plan's targets in the period
 */
public record ReportCard(ScoreView score, int rankedInType, int rankedInRegionGroup,
                         List<ScoreView> history, List<IndicatorAgainstPeers> strongest, List<IndicatorAgainstPeers> weakest,
                         List<TargetLine> targets) {

    /**
     * One indicator of the zone against the zone type's peers in the same snapshot.
     *
     * @param name       the catalogue's (Chinese) name; {@code null} for a derived indicator or an unknown one
     * @param nameEn     the catalogue's English name; {@code null} for a derived or unknown indicator, or one whose
     *                   catalogue entry has none
     * @param value      the raw or derived value scored
     * @param normalised the zone's 0–100 score of the indicator
     * @param peerMedian the median of the peers' 0–100 scores of the indicator (zones with a score of it)
     */
    public record IndicatorAgainstPeers(String indicator, String name, String nameEn, String unit, Double value,
                                        double normalised, double peerMedian) {

        public double difference() {
            return normalised - peerMedian;
        }
    }
}

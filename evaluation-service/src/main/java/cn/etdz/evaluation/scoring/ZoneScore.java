package cn.etdz.evaluation.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The scores of one zone under one methodology.
 *
 * @param zone         zone code
 * @param region       the zone's statistical region
 * @param regionGroup  its group under the methodology's {@link RegionGrouping}
 * @param composite    0–100; {@code null} when any pillar has no score: the zone is then unranked
 * @param nationalRank competition rank among the ranked zones of the peer group; {@code null} if unranked
 * @param regionRank   competition rank among the ranked zones of its region group; {@code null} if unranked
 * @param coverage     share of the composite's weight whose indicators are present:
 *                     {@code Σ pillar weight × pillar coverage}, 0–1
 * @param pillars      the top-level nodes that are one of the five pillars, in the methodology's order (all five
 *                     for a methodology in the five-pillar format)
 * @param indicators   the explanation, one entry per indicator of the methodology, in its order (depth first)
 * @param nodes        the scores of the methodology's top-level nodes, each with its children's
 */
public record ZoneScore(String zone, Region region, String regionGroup, Double composite, Integer nationalRank,
                        Integer regionRank, double coverage, List<PillarScore> pillars,
                        List<IndicatorExplanation> indicators, List<NodeScore> nodes) {

    public ZoneScore {
        pillars = Collections.unmodifiableList(new ArrayList<>(pillars));
        indicators = Collections.unmodifiableList(new ArrayList<>(indicators));
        nodes = nodes == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(nodes));
    }

    /** The scores of a zone without node scores. */
    public ZoneScore(String zone, Region region, String regionGroup, Double composite, Integer nationalRank,
                     Integer regionRank, double coverage, List<PillarScore> pillars,
                     List<IndicatorExplanation> indicators) {
        this(zone, region, regionGroup, composite, nationalRank, regionRank, coverage, pillars, indicators, null);
    }

    /** Whether the zone has a composite and ranks. */
    public boolean ranked() {
        return composite != null;
    }

    /** One pillar's score. */
    public Optional<PillarScore> pillar(PillarCode code) {
        return pillars.stream().filter(pillar -> pillar.pillar() == code).findFirst();
    }

    /** One indicator's explanation. */
    public Optional<IndicatorExplanation> indicator(String code) {
        return indicators.stream().filter(indicator -> indicator.indicator().equals(code)).findFirst();
    }
}

package cn.etdz.evaluation.scores;

import cn.etdz.evaluation.scoring.NodeScore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * One zone's scores for one period, from one snapshot.
 *
 * @param composite    0–100; {@code null} when unranked
 * @param pillars      the five pillar scores, each 0–100 or {@code null} when its data is insufficient or the
 *                     methodology has no such pillar
 * @param nameEn       the zone's English name; {@code null} when the registry has none
 * @param nationalRank rank within the zone type; ties share a rank
 * @param previousRank national rank in the previous period (from the snapshot of that period valid at the same time);
 *                     {@code null} when the zone was not ranked then
 * @param regionRank   rank within the region group of the methodology
 * @param coverage     share of the methodology's weight with data, 0–1
 * @param flags        WARNING, EXIT_CANDIDATE, EXPANSION_ELIGIBLE, UNRANKED, NOT_REPORTED: as stored with the snapshot
 * @param revision     the input revision scored; 0 on the official basis when the zone has no approved revision (not
 *                     reported, unranked)
 * @param snapshotId   the snapshot it comes from
 * @param nodes        the scores of the methodology's top-level nodes (whatever its framework), each with its
 *                     children's; {@code pillars} holds those of the five that the methodology has
 * @param basis        {@code official} (approved revisions only) or {@code preliminary} (the newest revisions)
 * @param publishedAt  when the snapshot was published as the official ranking (its period closed); {@code null} if not
 * @param restatementOf the published snapshot that this one restates (a correction approved after publication);
 *                     {@code null} if none
 */
public record ScoreView(String zone, String name, String nameEn, String zoneType, String province, String region,
                        String regionGroup, String period, Double composite, Pillars pillars, Integer nationalRank,
                        Integer previousRank, Integer regionRank,
                        double coverage, boolean ranked, List<String> flags, int revision, long snapshotId,
                        String methodology, java.time.OffsetDateTime computedAt, List<NodeScore> nodes,
                        @Schema(enumeration = {"official", "preliminary"}) String basis,
                        java.time.OffsetDateTime publishedAt, Long restatementOf) {

    public ScoreView {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    /** The five pillar scores (经济发展、科技创新、生态环境、社会发展、体制建设). */
    @Schema(name = "PillarScores", description = "The five pillar scores (经济发展、科技创新、生态环境、社会发展、体制建设), 0–100.")
    public record Pillars(Double economy, Double innovation, Double environment, Double society,
                          Double institutions) {
    }
}

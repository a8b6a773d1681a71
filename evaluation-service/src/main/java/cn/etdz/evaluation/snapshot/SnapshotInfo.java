package cn.etdz.evaluation.snapshot;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/**
 * A stored computation of a peer group.
 *
 * @param id          snapshot id
 * @param methodology the methodology version it was computed with, {@code id@version}
 * @param computedAt  when; {@code asOf=} at or after this time (and before the next snapshot) selects it
 * @param zoneCount   zones scored, ranked or not
 * @param rankedCount zones with a composite and ranks
 * @param basis       {@code official} (approved revisions only) or {@code preliminary} (the newest revisions)
 * @param publishedAt when this official snapshot was published (its period closed); {@code null} if it was not
 * @param restatementOf the published official snapshot this one restates (a correction approved after publication);
 *                    {@code null} if it restates none
 */
public record SnapshotInfo(long id, String zoneType, String period, String methodology, OffsetDateTime computedAt,
                           int zoneCount, int rankedCount,
                           @Schema(enumeration = {"official", "preliminary"}) String basis, OffsetDateTime publishedAt,
                           Long restatementOf) {
}

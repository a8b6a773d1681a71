package cn.etdz.evaluation.snapshot;

import java.time.OffsetDateTime;

/**
 * A stored computation of a peer group.
 *
 * @param id          snapshot id
 * @param methodology the methodology version it was computed with, {@code id@version}
 * @param computedAt  when; {@code asOf=} at or after this time (and before the next snapshot) selects it
 * @param zoneCount   zones scored, ranked or not
 * @param rankedCount zones with a composite and ranks
 */
public record SnapshotInfo(long id, String zoneType, String period, String methodology, OffsetDateTime computedAt,
                           int zoneCount, int rankedCount) {
}

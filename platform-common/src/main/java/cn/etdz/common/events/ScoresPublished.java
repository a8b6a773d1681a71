package cn.etdz.common.events;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Payload of {@link EventTypes#SCORES_PUBLISHED} on {@code scores.v1}, keyed by {@code zoneType/period}: one stored
 * score snapshot of a peer group, with every zone's headline result, so a consumer needs no call back to show a
 * ranking. Schema version {@value #SCHEMA_VERSION}.
 *
 * @param snapshotId         the evaluation service's snapshot id ({@code GET /api/v1/scores?asOf=computedAt} shows it)
 * @param zoneType           ETDZ or BECZ
 * @param period             the year
 * @param methodologyId      the methodology that scored it
 * @param methodologyVersion its version
 * @param computedAt         when the snapshot was computed
 * @param zones              ranked zones by national rank, then unranked zones
 * @param basis              {@code official} (approved revisions only; zones without one unranked, revision 0) or
 *                           {@code preliminary} (the newest revisions)
 * @param notReported        the zones of the type that sent nothing for the period, with their flags
 */
public record ScoresPublished(long snapshotId, String zoneType, String period, String methodologyId,
                              int methodologyVersion, OffsetDateTime computedAt, List<ZoneResult> zones,
                              String basis, List<NotReportedZone> notReported) {

    public static final int SCHEMA_VERSION = 1;

    public ScoresPublished {
        zones = zones == null ? List.of() : List.copyOf(zones);
        notReported = notReported == null ? List.of() : List.copyOf(notReported);
    }

    /**
     * One zone's headline result.
     *
     * @param composite    0–100, {@code null} when unranked
     * @param nationalRank rank within the zone type, {@code null} when unranked
     * @param regionRank   rank within the region group, {@code null} when unranked
     * @param coverage     share of the methodology's weight with data, 0–1
     * @param revision     the input revision scored
     * @param flags        the dynamic-management flags stored with the snapshot (WARNING, EXIT_CANDIDATE,
     *                     EXPANSION_ELIGIBLE, UNRANKED, NOT_REPORTED), as the API's ranking shows them
     */
    public record ZoneResult(String zone, Double composite, Integer nationalRank, Integer regionRank,
                             double coverage, int revision, List<String> flags) {

        public ZoneResult {
            flags = flags == null ? List.of() : List.copyOf(flags);
        }
    }

    /** A zone of the type that sent nothing for the period, with its flags (NOT_REPORTED, and what the rules add). */
    public record NotReportedZone(String zone, List<String> flags) {

        public NotReportedZone {
            flags = flags == null ? List.of() : List.copyOf(flags);
        }
    }
}

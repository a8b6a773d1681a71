package cn.etdz.evaluation.scores;

import cn.etdz.evaluation.readmodel.ZoneDirectory.ZoneInfo;
import cn.etdz.evaluation.snapshot.SnapshotInfo;

import java.util.List;
import java.util.Objects;

/**
 * The restatements (更正) of a peer group's published official ranking, oldest first.
 *
 * @param restatements each official snapshot stored after the ranking was published, with what it changed
 */
public record RestatementsView(String zoneType, String period, List<Restatement> restatements) {

    /**
     * One restatement: a new official snapshot and the published one it restates; both stay readable with
     * {@code asOf=} their {@code computedAt}.
     *
     * @param snapshot the restating snapshot
     * @param restates the published snapshot it restates
     * @param changes  the zones whose composite, ranks, flags or scored revision differ, by code
     */
    public record Restatement(SnapshotInfo snapshot, SnapshotInfo restates, List<RestatedZone> changes) {
    }

    /**
     * One zone before (as published) and after (as restated); a value is {@code null} where the zone is unranked or
     * absent from that snapshot, and a revision 0 where it had no approved revision.
     */
    public record RestatedZone(String zone, String name, Double compositeBefore, Double compositeAfter,
                               Integer nationalRankBefore, Integer nationalRankAfter, Integer regionRankBefore,
                               Integer regionRankAfter, List<String> flagsBefore, List<String> flagsAfter,
                               Integer revisionBefore, Integer revisionAfter) {

        static RestatedZone of(String zone, ZoneInfo info, ScoreView before, ScoreView after) {
            return new RestatedZone(zone, info == null ? null : info.name(),
                    before == null ? null : before.composite(), after == null ? null : after.composite(),
                    before == null ? null : before.nationalRank(), after == null ? null : after.nationalRank(),
                    before == null ? null : before.regionRank(), after == null ? null : after.regionRank(),
                    before == null ? List.of() : before.flags(), after == null ? List.of() : after.flags(),
                    before == null ? null : before.revision(), after == null ? null : after.revision());
        }

        boolean changed() {
            return !Objects.equals(compositeBefore, compositeAfter) || !Objects.equals(nationalRankBefore, nationalRankAfter)
                    || !Objects.equals(regionRankBefore, regionRankAfter) || !Objects.equals(flagsBefore, flagsAfter)
                    || !Objects.equals(revisionBefore, revisionAfter);
        }
    }
}

package cn.etdz.evaluation.scores;

import cn.etdz.evaluation.snapshot.SnapshotInfo;

import java.util.List;

/**
 * One page of a peer group's ranking table and the snapshot it was read from.
 *
 * @param total rows matching the filters across all pages
 */
public record RankingView(SnapshotInfo snapshot, List<ScoreView> items, int page, int size, long total) {
}

package cn.etdz.evaluation.analysis;

import cn.etdz.evaluation.scoring.FlagRules;
import cn.etdz.evaluation.scoring.Methodology;
import cn.etdz.evaluation.scoring.PeerGroupData;
import cn.etdz.evaluation.snapshot.ScoreRow;

import java.util.List;

/**
 * What an analysis perturbs and how its flags are judged: a peer group with its nominal methodology, the flag rules in
 * force and the stored rows of the two periods before (fixed: a replication changes only the period analysed).
 *
 * @param previous       rows of the previous period's snapshot; empty if none (e.g. a simulated data set)
 * @param beforePrevious rows of the period before that; empty if none
 */
public record AnalysedPeerGroup(Methodology methodology, PeerGroupData data, FlagRules flagRules,
                                List<ScoreRow> previous, List<ScoreRow> beforePrevious) {

    public AnalysedPeerGroup {
        previous = previous == null ? List.of() : List.copyOf(previous);
        beforePrevious = beforePrevious == null ? List.of() : List.copyOf(beforePrevious);
    }
}

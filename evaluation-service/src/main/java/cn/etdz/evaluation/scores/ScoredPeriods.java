package cn.etdz.evaluation.scores;

import java.util.List;

/**
 * The periods a zone type has scores for.
 *
 * @param periods the years with a score snapshot, oldest first
 */
public record ScoredPeriods(String zoneType, List<String> periods) {
}

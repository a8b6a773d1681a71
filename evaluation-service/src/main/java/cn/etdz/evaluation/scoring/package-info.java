/**
 * The scoring engine: from a peer group's indicator values and a {@link cn.etdz.evaluation.scoring.Methodology}
 * to pillar scores, composites, ranks and a per-indicator explanation. Plain Java over records, lists and maps,
 * with no framework (an ArchUnit test keeps it so); entry point {@link cn.etdz.evaluation.scoring.ScoringEngine}.
 *
 * <p>Conventions shared by every function here:
 * <ul>
 *   <li>Scores are on a 0–100 scale and higher is better, whatever the direction of the indicator behind them.</li>
 *   <li>One step, one family of small pure functions: {@link cn.etdz.evaluation.scoring.DerivedIndicators},
 *       {@link cn.etdz.evaluation.scoring.Transforms}, {@link cn.etdz.evaluation.scoring.Normalisers},
 *       {@link cn.etdz.evaluation.scoring.Aggregators}, {@code PillarScorer} (the
 *       missing-data rule), {@link cn.etdz.evaluation.scoring.Ranking}.</li>
 *   <li>A column of one indicator over the zones of a peer group is a {@code double[]}; inside such a vector
 *       {@link java.lang.Double#NaN} marks a missing value, the role {@code NA} plays in R. It never leaves the
 *       engine as a value: results carry {@code null} plus an {@link cn.etdz.evaluation.scoring.Availability}.</li>
 *   <li>Missing data is never turned into a zero: it lowers coverage, and below the threshold the zone is
 *       unranked — unless the methodology's {@link cn.etdz.evaluation.scoring.Imputation} puts a value in its
 *       place, which the explanation marks.</li>
 * </ul>
 */
package cn.etdz.evaluation.scoring;

package cn.etdz.evaluation.scoring;

/**
 * A rule on bottom places over time: at least {@code places} bottom places in the last {@code periods} periods, the
 * current one included. {@code 1 of 1} is "bottom now", {@code 2 of 2} "two periods running", {@code 2 of 3} "twice in
 * three periods".
 *
 * @param places  bottom places needed, 1 ≤ places ≤ periods
 * @param periods periods looked at, 1–{@value FlagRules#MAX_PERIODS}
 */
public record BottomWindow(int places, int periods) {
}

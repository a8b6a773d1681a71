package cn.etdz.evaluation.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * The dynamic-management flag rules of a methodology, versioned with it. Flags are computed from stored rankings when
 * a snapshot is written and stored with it (docs/method.md, "Dynamic-management flags").
 *
 * <p>A zone is at a bottom place of a period when, among its peers ({@link PeerScope}), its rank is among the last
 * {@code bottomN}. Ties count as the rank they share, the better one (competition ranks): zones tied across the
 * boundary are all outside, and the list is shorter than {@code bottomN} rather than longer. A zone without a rank
 * (it sent nothing for the period, or too little to be ranked) takes a bottom place
 * only when {@code notReportedCountsAsBottom}: then it stands below every ranked peer and always takes one, and the
 * ranked peers keep the places left ({@code bottomN} minus the unranked peers, none when they are as many).
 *
 * @param preset                     the preset these rules are, unchanged; {@code null} for rules of one's own
 * @param peerScope                  where bottom places are counted
 * @param bottomN                    how many places at the bottom count, at least 1
 * @param warning                    bottom places that make a WARNING
 * @param exitCandidate              bottom places that make an EXIT_CANDIDATE
 * @param topShare                   EXPANSION_ELIGIBLE: national rank within this share of the ranked zones of the
 *                                   type, at least rank 1; 0 &lt; share ≤ 1
 * @param expansionPeriods           EXPANSION_ELIGIBLE: the top share held in each of this many last periods
 * @param notReportedCountsAsBottom  whether a zone without a rank takes a bottom place
 */
public record FlagRules(FlagPreset preset, PeerScope peerScope, int bottomN, BottomWindow warning,
                        BottomWindow exitCandidate, double topShare, int expansionPeriods,
                        boolean notReportedCountsAsBottom) {

    /** Longest window of a rule: the current period and the two before it. */
    public static final int MAX_PERIODS = 3;

    private static final BottomWindow NOW = new BottomWindow(1, 1);

    /** The rules of a preset. */
    public static FlagRules of(FlagPreset preset) {
        return switch (preset) {
            case PLAN_2012 -> new FlagRules(preset, PeerScope.REGION, 5, NOW, new BottomWindow(2, 3), 0.10, 2, false);
            case MOFCOM_2016 -> new FlagRules(preset, PeerScope.NATIONAL, 5, NOW, new BottomWindow(2, 2), 0.10, 2, true);
            case MOFCOM_2021 -> new FlagRules(preset, PeerScope.REGION, 5, NOW, new BottomWindow(2, 3), 0.10, 2, true);
        };
    }

    /** These rules named as the preset they equal, or unnamed ({@code preset} null) when they equal none. */
    public FlagRules named() {
        for (FlagPreset candidate : FlagPreset.values()) {
            FlagRules rules = of(candidate);
            if (rules.withPreset(null).equals(withPreset(null))) {
                return rules;
            }
        }
        return withPreset(null);
    }

    private FlagRules withPreset(FlagPreset name) {
        return new FlagRules(name, peerScope, bottomN, warning, exitCandidate, topShare, expansionPeriods,
                notReportedCountsAsBottom);
    }

    /** How many periods, the current one included, the rules look at. */
    public int periodsNeeded() {
        return Math.max(Math.max(warning.periods(), exitCandidate.periods()), expansionPeriods);
    }

    /** Every problem of the rules, with fields under {@code flagRules}; empty when they can be used. */
    List<MethodologyProblem> problems() {
        List<MethodologyProblem> problems = new ArrayList<>();
        if (peerScope == null) {
            problems.add(MethodologyProblem.of("flagRules.peerScope", "required", "evaluation.flag-rules.peer-scope"));
        }
        if (bottomN < 1) {
            problems.add(MethodologyProblem.of("flagRules.bottomN", "invalid-parameter", "evaluation.flag-rules.bottom-n",
                    bottomN));
        }
        window(problems, "flagRules.warning", warning);
        window(problems, "flagRules.exitCandidate", exitCandidate);
        if (!(topShare > 0 && topShare <= 1)) {
            problems.add(MethodologyProblem.of("flagRules.topShare", "invalid-parameter",
                    "evaluation.flag-rules.top-share", topShare));
        }
        if (expansionPeriods < 1 || expansionPeriods > MAX_PERIODS) {
            problems.add(MethodologyProblem.of("flagRules.expansionPeriods", "invalid-parameter",
                    "evaluation.flag-rules.periods", expansionPeriods, MAX_PERIODS));
        }
        return problems;
    }

    private static void window(List<MethodologyProblem> problems, String field, BottomWindow window) {
        if (window == null) {
            problems.add(MethodologyProblem.of(field, "required", "evaluation.flag-rules.window-required"));
            return;
        }
        if (window.periods() < 1 || window.periods() > MAX_PERIODS) {
            problems.add(MethodologyProblem.of(field + ".periods", "invalid-parameter", "evaluation.flag-rules.periods",
                    window.periods(), MAX_PERIODS));
        } else if (window.places() < 1 || window.places() > window.periods()) {
            problems.add(MethodologyProblem.of(field + ".places", "invalid-parameter", "evaluation.flag-rules.places",
                    window.places(), window.periods()));
        }
    }
}

package cn.etdz.indicator.review;

import java.util.Map;
import java.util.Set;

/** Which review decisions a revision may take: the workflow's rules as plain functions, without persistence. */
final class ReviewRules {

    private ReviewRules() {
    }

    /**
     * A submitted revision is approved or returned; an approved one may still be returned (the approval withdrawn,
     * with a reason). A returned revision takes no further decision: the province corrects it by a new revision.
     */
    static boolean mayMove(ReviewState from, ReviewState to) {
        return switch (from) {
            case SUBMITTED -> to == ReviewState.APPROVED || to == ReviewState.RETURNED;
            case APPROVED -> to == ReviewState.RETURNED;
            case RETURNED -> false;
        };
    }

    /** The decisions a request may ask for: every state but the one a revision starts in. */
    static final Set<ReviewState> DECISIONS = Set.of(ReviewState.APPROVED, ReviewState.RETURNED);

    /** A return says why: a comment on the whole return or on at least one value. */
    static boolean saysWhy(String comment, Map<String, String> valueComments) {
        return (comment != null && !comment.isBlank())
                || (valueComments != null && valueComments.values().stream().anyMatch(text -> text != null && !text.isBlank()));
    }
}

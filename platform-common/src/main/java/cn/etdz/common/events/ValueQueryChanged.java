package cn.etdz.common.events;

import java.time.OffsetDateTime;

/**
 * Payload of {@link EventTypes#QUERY_RAISED}, {@link EventTypes#QUERY_ANSWERED} and {@link EventTypes#QUERY_CLOSED} on
 * {@code queries.v1}, keyed by zone code: one step of a query on a value of a revision. A topic of its own, so a
 * consumer of review decisions ({@code reviews.v1}) never meets a type it does not know. Schema version
 * {@value #SCHEMA_VERSION}.
 *
 * @param queryId     the query's id, as {@code /api/v1/reviews/queries/{queryId}} names it
 * @param revision    the revision whose value is queried
 * @param indicator   the queried value's indicator code
 * @param status      the query's status after this step: {@code OPEN} or {@code CLOSED}
 * @param warningCode the plausibility warning the query was raised from, or null
 * @param text        what this step said (the question, the answer, the closing note), or null for a bare close
 * @param author      token subject of who took the step
 * @param writtenAt   when the step was stored
 */
public record ValueQueryChanged(long queryId, String zone, String period, int revision, String indicator, String status,
                                String warningCode, String text, String author, OffsetDateTime writtenAt) {

    public static final int SCHEMA_VERSION = 1;
}

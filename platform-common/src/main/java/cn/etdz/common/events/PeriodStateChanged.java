package cn.etdz.common.events;

import java.time.OffsetDateTime;

/**
 * Payload of {@link EventTypes#PERIOD_STATE_CHANGED} on the compacted topic {@code periods.v1}, keyed by period: the
 * period's state after an administrator closed it to new revisions or reopened it, and the transition that led there.
 * Schema version {@value #SCHEMA_VERSION}.
 *
 * @param period        the year, e.g. {@code "2015"}
 * @param state         CLOSED or REOPENED (a period never closed is OPEN and has no event)
 * @param previousState OPEN, CLOSED or REOPENED
 * @param reason        why the administrator closed or reopened it
 * @param changedBy     token subject of the administrator
 * @param changedAt     when the transition was stored
 */
public record PeriodStateChanged(String period, String state, String previousState, String reason, String changedBy,
                                 OffsetDateTime changedAt) {

    public static final int SCHEMA_VERSION = 1;
}

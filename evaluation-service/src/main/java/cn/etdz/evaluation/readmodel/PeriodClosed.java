package cn.etdz.evaluation.readmodel;

import java.time.OffsetDateTime;

/**
 * A period was closed (learned from {@code periods.v1}): its official rankings are published as they stand. Fired
 * synchronously inside the transaction that records the period's state; the snapshots observe it. An event rather than
 * a call, so the read model does not depend on the snapshots that read it.
 */
public record PeriodClosed(String period, OffsetDateTime closedAt) {
}

package cn.etdz.evaluation.readmodel;

import io.opentelemetry.api.trace.SpanContext;

/**
 * A change of the read model that alters the scores of a peer group (zone type × period): a new revision of a zone's
 * inputs, or a zone's reference data. Fired synchronously inside the changing transaction; the recomputation observes
 * it and marks the group once that transaction commits. An event rather than a call, so the read model does not
 * depend on the snapshots that read it.
 *
 * @param cause the span of the work that made the change, linked from the recomputation's span (may be invalid)
 */
public record PeerGroupChanged(String zoneType, String period, SpanContext cause) {
}

package cn.etdz.evaluation.methodology;

/**
 * A new methodology version became the active one of its zone type, so every period of that type is to be scored
 * again. Fired synchronously inside the creating transaction; the recomputation observes it and marks the groups once
 * that transaction commits. An event rather than a call, so methodologies do not depend on the snapshots that use them.
 */
public record MethodologyActivated(String zoneType) {
}

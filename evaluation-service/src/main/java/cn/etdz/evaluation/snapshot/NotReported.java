package cn.etdz.evaluation.snapshot;

/**
 * A zone of the peer group's type that sent nothing for the period when the snapshot was written, stored with the
 * snapshot so that its flags, and the bottom places it takes in later periods' windows, stay as written.
 *
 * @param regionGroup its region group under the snapshot's methodology
 */
public record NotReported(String zone, String province, String region, String regionGroup) {
}

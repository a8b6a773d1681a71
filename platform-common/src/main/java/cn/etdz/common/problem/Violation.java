package cn.etdz.common.problem;

/**
 * One thing wrong with a request: which field, a stable machine-readable code, and a message for people.
 *
 * @param field   JSON path of the offending value, e.g. {@code values[1].value} or {@code zone}
 * @param code    stable code clients can switch on, e.g. {@code out-of-range}
 * @param message human-readable explanation
 */
public record Violation(String field, String code, String message) {
}

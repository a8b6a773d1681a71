package cn.etdz.evaluation.scoring;

/**
 * One thing wrong with a methodology, shaped like the platform's problem+json violations so the service can map it
 * one to one.
 *
 * @param field   path of the offending value, e.g. {@code pillars[1].indicators[0].parameters.target}
 * @param code    stable machine-readable code, e.g. {@code unknown-indicator}
 * @param message explanation for people
 */
public record MethodologyProblem(String field, String code, String message) {
}

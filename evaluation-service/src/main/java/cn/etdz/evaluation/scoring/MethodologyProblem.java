package cn.etdz.evaluation.scoring;

import java.util.Arrays;
import java.util.List;

/**
 * One thing wrong with a methodology, shaped like the platform's problem+json violations so the service can map it
 * one to one. The explanation is a key of the evaluation service's message bundle with its arguments, put into the
 * reader's language by the service.
 *
 * @param field path of the offending value, e.g. {@code pillars[1].indicators[0].parameters.target}
 * @param code  stable machine-readable code, e.g. {@code unknown-indicator}
 * @param key   message key, e.g. {@code evaluation.methodology.indicator-unknown}
 * @param args  the message's arguments as text
 */
public record MethodologyProblem(String field, String code, String key, List<String> args) {

    public MethodologyProblem {
        args = List.copyOf(args);
    }

    static MethodologyProblem of(String field, String code, String key, Object... args) {
        return new MethodologyProblem(field, code, key, Arrays.stream(args).map(String::valueOf).toList());
    }
}

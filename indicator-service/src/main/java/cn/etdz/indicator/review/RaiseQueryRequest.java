package cn.etdz.indicator.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A query on one value of a revision, typed or made from one of the revision's plausibility warnings.
 *
 * @param indicator the value's indicator code; taken from the warning when one is named
 * @param warning   position (from 0) of a plausibility warning in the revision's warnings, to raise it as a query
 * @param text      the question (up to 2000 characters); a warning's own text when left out
 */
@Schema(name = "RaiseQueryRequest", description = "Raise a query on a value of a revision, or turn one of its "
        + "plausibility warnings into a query.")
public record RaiseQueryRequest(
        @Schema(required = true, example = "SUZHOU-IP") String zone,
        @Schema(required = true, example = "2016") String period,
        @Schema(required = true, example = "1") Integer revision,
        @Schema(example = "GDP") String indicator,
        @Schema(example = "0") Integer warning,
        @Schema(example = "GDP +214 % on 2015 — please confirm") String text) {
}

package cn.etdz.indicator.submission;

import cn.etdz.common.i18n.Localisable;
import cn.etdz.common.problem.Violation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of a batch: one result per submission, in the order sent.
 *
 * @param accepted how many submissions were stored
 * @param rejected how many were rejected (nothing of them stored)
 */
public record BatchResult(int accepted, int rejected, List<Item> results) implements Localisable<BatchResult> {

    @Override
    public BatchResult in(Locale locale) {
        return new BatchResult(accepted, rejected, results.stream().map(item -> item.in(locale)).toList());
    }

    /**
     * @param index      position of the submission in the batch (0-based; for CSV, in order of first appearance)
     * @param status     ACCEPTED (or VALID in a dry run) or REJECTED
     * @param id         stored submission id, when accepted
     * @param revision   revision given, when accepted
     * @param violations why it was rejected
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BatchItemResult", description = "The result of one submission of a batch: accepted with its id and "
            + "revision, or rejected with its violations.")
    public record Item(int index, String zone, String period, String status, Long id, Integer revision, Boolean late,
                       List<Violation> warnings, List<Violation> violations) {

        Item in(Locale locale) {
            return new Item(index, zone, period, status, id, revision, late, in(warnings, locale), in(violations, locale));
        }

        private static List<Violation> in(List<Violation> messages, Locale locale) {
            return messages == null ? null : messages.stream().map(violation -> violation.in(locale)).toList();
        }
    }
}

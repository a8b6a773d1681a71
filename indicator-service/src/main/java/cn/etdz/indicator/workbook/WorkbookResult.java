package cn.etdz.indicator.workbook;

import cn.etdz.common.i18n.Localisable;
import cn.etdz.common.i18n.Message;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of an uploaded workbook, in the shape of a batch's result: one result per zone row, and every problem
 * named by the cell it concerns as well as by zone and indicator.
 *
 * @param accepted how many rows were stored
 * @param rejected how many were rejected (nothing of them stored)
 */
@Schema(name = "WorkbookResult", description = "One result per zone row of the uploaded workbook; each violation and "
        + "warning names its cell (ETDZ!F7).")
public record WorkbookResult(int accepted, int rejected, List<Item> results) implements Localisable<WorkbookResult> {

    @Override
    public WorkbookResult in(Locale locale) {
        return new WorkbookResult(accepted, rejected, results.stream().map(item -> item.in(locale)).toList());
    }

    /**
     * @param index      position of the row among the workbook's zone rows (0-based, sheet by sheet)
     * @param cell       the row's zone-code cell, e.g. {@code ETDZ!A7}
     * @param status     ACCEPTED (or VALID in a dry run) or REJECTED
     * @param id         stored submission id, when accepted
     * @param revision   revision given, when accepted
     * @param violations why it was rejected
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "WorkbookRowResult", description = "The result of one zone row: accepted with its id and revision, "
            + "or rejected with its violations, each named by cell.")
    public record Item(int index, String zone, String period, String cell, String status, Long id, Integer revision,
                       Boolean late, List<CellViolation> warnings, List<CellViolation> violations) {

        Item in(Locale locale) {
            return new Item(index, zone, period, cell, status, id, revision, late, in(warnings, locale),
                    in(violations, locale));
        }

        private static List<CellViolation> in(List<CellViolation> violations, Locale locale) {
            return violations == null ? null : violations.stream().map(violation -> violation.in(locale)).toList();
        }
    }

    /**
     * A violation or warning of a batch result, with the cell it concerns.
     *
     * @param field     the field of the submission, as in a batch ({@code values[2].value})
     * @param cell      the workbook cell, e.g. {@code ETDZ!F7}
     * @param indicator the indicator code of the cell's column, when it concerns one value
     * @param text      the message as key and arguments, put into the answer's language; null for fixed text
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CellViolation", description = "A violation or warning of an uploaded workbook, named by its cell.")
    public record CellViolation(String field, String code, String message, String cell, String indicator,
                                @JsonIgnore Message text) {

        CellViolation in(Locale locale) {
            return text == null ? this : new CellViolation(field, code, text.in(locale), cell, indicator, text);
        }
    }
}

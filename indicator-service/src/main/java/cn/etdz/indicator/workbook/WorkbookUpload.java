package cn.etdz.indicator.workbook;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;
import cn.etdz.indicator.config.IndicatorConfig;
import cn.etdz.indicator.security.Caller;
import cn.etdz.indicator.submission.BatchResult;
import cn.etdz.indicator.submission.SubmissionIntake;
import cn.etdz.indicator.submission.SubmissionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes a filled workbook as a batch: each zone row is a submission, stored all or none with the batch's rules,
 * dry run and idempotency, and every problem is named by its cell.
 */
@ApplicationScoped
public class WorkbookUpload {

    private static final Pattern VALUE_FIELD = Pattern.compile("values\\[(\\d+)]\\..*");

    @Inject
    SubmissionIntake intake;
    @Inject
    Caller caller;
    @Inject
    IndicatorConfig config;

    /** A read workbook, ready to be submitted (and, after a lost race for its key, replayed). */
    public record Prepared(List<WorkbookReader.Located> rows, List<SubmissionRequest> requests,
                           Map<Integer, List<Violation>> readProblems) {
    }

    /** Reads the workbook and checks the caller may submit for its province (403 otherwise, nothing stored). */
    public Prepared prepare(byte[] body) {
        WorkbookReader.Read read = WorkbookReader.read(body, config.submissions().maxBatchSize());
        caller.requireProvince(read.province());
        List<SubmissionRequest> requests = new ArrayList<>();
        Map<Integer, List<Violation>> readProblems = new LinkedHashMap<>();
        for (WorkbookReader.Located row : read.rows()) {
            if (!row.readProblems().isEmpty()) {
                readProblems.put(requests.size(), row.readProblems());
            }
            requests.add(row.request());
        }
        return new Prepared(read.rows(), requests, readProblems);
    }

    /** The batch's result with each row's and problem's cell. */
    public static WorkbookResult located(Prepared prepared, BatchResult result) {
        List<WorkbookResult.Item> items = new ArrayList<>();
        for (BatchResult.Item item : result.results()) {
            WorkbookReader.Located row = prepared.rows().get(item.index());
            List<Violation> warnings = item.warnings() == null && row.notices().isEmpty() ? null : new ArrayList<>();
            if (warnings != null) {
                warnings.addAll(row.notices());
                if (item.warnings() != null) {
                    warnings.addAll(item.warnings());
                }
            }
            items.add(new WorkbookResult.Item(item.index(), item.zone(), item.period(), row.zoneCell(), item.status(),
                    item.id(), item.revision(), item.late(), cells(warnings, row), cells(item.violations(), row)));
        }
        return new WorkbookResult(result.accepted(), result.rejected(), items);
    }

    private static List<WorkbookResult.CellViolation> cells(List<Violation> violations, WorkbookReader.Located row) {
        if (violations == null) {
            return null;
        }
        return violations.stream().map(violation -> cell(violation, row)).toList();
    }

    /** A value's field names its cell; a missing required value the empty cell of its column; the rest the zone's. */
    private static WorkbookResult.CellViolation cell(Violation violation, WorkbookReader.Located row) {
        Matcher value = VALUE_FIELD.matcher(violation.field());
        if (value.matches()) {
            int index = Integer.parseInt(value.group(1));
            if (index < row.valueCells().size()) {
                return new WorkbookResult.CellViolation(violation.field(), violation.code(), violation.message(),
                        row.valueCells().get(index), row.request().values().get(index).indicator(), violation.text());
            }
        }
        if (violation.code().equals("missing-required")) {
            for (Map.Entry<String, String> column : row.columnCells().entrySet()) {
                if (!row.valueCells().contains(column.getValue()) && mentions(violation.message(), column.getKey())) {
                    return new WorkbookResult.CellViolation(violation.field(), violation.code(), violation.message(),
                            column.getValue(), column.getKey(), violation.text());
                }
            }
        }
        return new WorkbookResult.CellViolation(violation.field(), violation.code(), violation.message(), row.zoneCell(),
                null, violation.text());
    }

    private static boolean mentions(String message, String code) {
        return Pattern.compile("(?<![A-Z0-9_])" + Pattern.quote(code) + "(?![A-Z0-9_])").matcher(message).find();
    }

    public SubmissionIntake.BatchSubmitted submit(Prepared prepared, boolean dryRun, String idempotencyKey) {
        if (prepared.requests().isEmpty()) {
            throw ProblemException.badRequest(Message.of("indicator.workbook.no-rows"), List.of(
                    new Violation("$", "empty", Message.of("indicator.workbook.fill-one-zone"))));
        }
        return intake.submitBatch(prepared.requests(), dryRun, prepared.readProblems(), idempotencyKey);
    }

    public BatchResult replayAfterRace(Prepared prepared, String idempotencyKey) {
        return intake.replayBatchAfterRace(prepared.requests(), idempotencyKey);
    }
}

package cn.etdz.indicator.submission;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.text.Text;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the CSV form of a batch: header {@code zone,period,indicator,value,note} (or its Chinese names
 * {@code 开发区代码,年度,指标代码,数值,说明}), one value per line. Lines of the
 * same zone and period form one submission, in order of first appearance. A line whose value is not a number is kept
 * as a null value, so that submission is rejected naming the line, and the others go on.
 */
final class CsvSubmissions {

    static final List<String> HEADER = List.of("zone", "period", "indicator", "value", "note");
    /** The same columns by the Chinese names of the workbook template, as a statistics office labels them. */
    static final List<String> CHINESE_HEADER = List.of("开发区代码", "年度", "指标代码", "数值", "说明");
    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES).build();

    /** The submissions, and per submission index the lines whose value could not be read. */
    record Parsed(List<SubmissionRequest> submissions, Map<Integer, List<Violation>> lineViolations) {
    }

    private CsvSubmissions() {
    }

    /** As in JSON bodies: a control character (other than a line break in a note) fails the whole body. */
    private static void refuseControlCharacters(Map<String, String> row, int line) {
        row.forEach((column, text) -> {
            if (text != null && Text.hasControlCharacter(text, column.equals("note"))) {
                throw ProblemException.badRequest(Message.of("indicator.csv.control-character"), List.of(new Violation(
                        "line " + line, "control-character", Message.of("indicator.csv.control-character-in", column))));
            }
        });
    }

    static Parsed parse(String csv) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        Map<String, List<SubmissionRequest.Value>> groups = new LinkedHashMap<>();
        Map<String, List<Violation>> problems = new LinkedHashMap<>();
        try (MappingIterator<Map<String, String>> rows = MAPPER.readerForMapOf(String.class).with(schema).readValues(csv)) {
            List<String> header = ((CsvSchema) rows.getParserSchema()).getColumnNames();
            if (!header.equals(HEADER) && !header.equals(CHINESE_HEADER)) {
                throw ProblemException.badRequest(Message.of("indicator.csv.header", String.join(",", HEADER),
                        String.join(",", CHINESE_HEADER)), List.of(new Violation("line 1", "bad-header",
                        Message.of("indicator.csv.header-found", String.join(",", header)))));
            }
            boolean chinese = header.equals(CHINESE_HEADER);
            int line = 1;
            while (rows.hasNextValue()) {
                Map<String, String> row = chinese ? byCode(rows.nextValue()) : rows.nextValue();
                line++;
                refuseControlCharacters(row, line);
                String key = row.get("zone") + "|" + row.get("period");
                List<SubmissionRequest.Value> values = groups.computeIfAbsent(key, k -> new ArrayList<>());
                Double value = null;
                String text = row.get("value");
                try {
                    value = text == null || text.isBlank() ? null : Double.valueOf(text);
                } catch (NumberFormatException e) {
                    problems.computeIfAbsent(key, k -> new ArrayList<>()).add(new Violation("line " + line,
                            "not-a-number", Message.of("indicator.csv.not-a-number", text, row.get("indicator"))));
                }
                String note = row.get("note");
                values.add(new SubmissionRequest.Value(row.get("indicator"), value, null, null,
                        note == null || note.isBlank() ? null : note));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw ProblemException.badRequest(Message.of("indicator.csv.unreadable"),
                    List.of(new Violation("$", "unreadable", String.valueOf(e.getMessage()).lines().findFirst().orElse(""))));
        }
        List<SubmissionRequest> submissions = new ArrayList<>();
        Map<Integer, List<Violation>> lineViolations = new LinkedHashMap<>();
        groups.forEach((key, values) -> {
            String[] parts = key.split("\\|", 2);
            if (problems.containsKey(key)) {
                lineViolations.put(submissions.size(), problems.get(key));
            }
            submissions.add(new SubmissionRequest(nullIfBlank(parts[0]), nullIfBlank(parts[1]), values));
        });
        return new Parsed(submissions, lineViolations);
    }

    private static Map<String, String> byCode(Map<String, String> chineseRow) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < HEADER.size(); i++) {
            row.put(HEADER.get(i), chineseRow.get(CHINESE_HEADER.get(i)));
        }
        return row;
    }

    private static String nullIfBlank(String text) {
        return text == null || text.isBlank() || text.equals("null") ? null : text;
    }
}

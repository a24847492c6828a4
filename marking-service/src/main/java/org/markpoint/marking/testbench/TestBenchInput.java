package org.markpoint.marking.testbench;

import java.util.ArrayList;
import java.util.List;
import org.markpoint.marking.support.CsvRecords;
import org.markpoint.marking.support.InvalidRequestException;
import org.markpoint.marking.support.PayloadTooLargeException;
import org.markpoint.marking.testbench.TestBenchReport.RowProblem;

/**
 * Human-marked answers from a CSV ({@code answer} and {@code mark} columns, others ignored) or from JSON pairs. A
 * row with a malformed line or a mark that is not a whole number from 0 to the scheme's maximum is left out and
 * reported; the upload as a whole fails only when it has no usable shape (no such columns, no rows, too many).
 */
public final class TestBenchInput {

    public static final int MAX_ROWS = 2_000;

    /** The usable answers and the rows that were left out. */
    public record Parsed(List<HumanMark> answers, List<RowProblem> problems) {
    }

    /** One JSON pair; {@code mark} is text or a number as the client sent it. */
    public record Pair(String answer, String mark) {
    }

    private TestBenchInput() {
    }

    public static Parsed fromCsv(String csv, int maxMarks) {
        List<CsvRecords.Row> rows = CsvRecords.parse(csv);
        if (rows.isEmpty()) {
            throw new InvalidRequestException("csv", "give a CSV with a header row and an 'answer' and a 'mark' column");
        }
        List<String> header = rows.get(0).fields();
        int answer = CsvRecords.column(header, "answer");
        int mark = CsvRecords.column(header, "mark");
        if (answer < 0 || mark < 0) {
            throw new InvalidRequestException(answer < 0 ? "answer" : "mark",
                    "the CSV header needs an 'answer' and a 'mark' column");
        }
        checkCount(rows.size() - 1);
        List<Pair> pairs = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            CsvRecords.Row row = rows.get(i);
            if (row.malformed() || row.fields().size() != header.size()) {
                problems.add(new RowProblem(i, "row", "malformed CSV row at line " + row.line() + ": "
                        + (row.malformed() ? row.problem() : "it has " + row.fields().size()
                        + " fields but the header has " + header.size())));
                pairs.add(null);
            } else {
                pairs.add(new Pair(row.field(answer), row.field(mark)));
            }
        }
        return collect(pairs, maxMarks, problems);
    }

    public static Parsed fromPairs(List<Pair> pairs, int maxMarks) {
        checkCount(pairs.size());
        return collect(pairs, maxMarks, new ArrayList<>());
    }

    private static Parsed collect(List<Pair> pairs, int maxMarks, List<RowProblem> problems) {
        List<HumanMark> answers = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            Pair p = pairs.get(i);
            int row = i + 1;
            if (p == null) {
                continue;
            }
            if (p.answer() == null) {
                problems.add(new RowProblem(row, "answer", "is required"));
                continue;
            }
            Integer mark = wholeMark(p.mark(), maxMarks);
            if (mark == null) {
                problems.add(new RowProblem(row, "mark", "must be a whole number from 0 to " + maxMarks + " (got '"
                        + (p.mark() == null ? "" : p.mark()) + "')"));
                continue;
            }
            answers.add(new HumanMark(row, p.answer(), mark));
        }
        if (answers.isEmpty()) {
            throw new InvalidRequestException("mark", "no row has a usable answer and mark"
                    + (problems.isEmpty() ? "" : "; first problem, row " + problems.get(0).row() + ": "
                    + problems.get(0).field() + " " + problems.get(0).message()));
        }
        return new Parsed(answers, problems);
    }

    private static Integer wholeMark(String text, int maxMarks) {
        if (text == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(text.trim());
            if (d != Math.rint(d) || d < 0 || d > maxMarks) {
                return null;
            }
            return (int) d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void checkCount(int n) {
        if (n == 0) {
            throw new InvalidRequestException("answers", "give at least one human-marked answer");
        }
        if (n > MAX_ROWS) {
            throw new PayloadTooLargeException("answers: the test bench takes at most " + MAX_ROWS
                    + " answers at a time (got " + n + "); mark larger sets with a batch");
        }
    }
}

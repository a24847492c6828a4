package org.markpoint.marking.batch;

import java.util.ArrayList;
import java.util.List;
import org.markpoint.marking.support.CsvRecords;
import org.markpoint.marking.support.InvalidRequestException;
import org.markpoint.marking.support.PayloadTooLargeException;

/**
 * Turns a batch upload (JSON items or CSV rows) into items. What is wrong with the upload as a whole (no answer
 * column, too many items) is an exception; what is wrong with one item (no answer, a malformed CSV row, an answer
 * over the limit) stays with that item and is reported in its result, so one bad row never fails the batch.
 */
public final class BatchInput {

    public static final int MAX_ANSWER_CHARS = 20_000;
    static final int MAX_ID_CHARS = 200;

    private BatchInput() {
    }

    public static List<BatchItem> fromJson(List<BatchRequest.Item> items, int maxItems) {
        checkCount(items.size(), maxItems);
        List<BatchItem> out = new ArrayList<>(items.size());
        for (BatchRequest.Item i : items) {
            if (i == null) {
                out.add(BatchItem.rejected("", "item: must not be null"));
                continue;
            }
            BatchItem item = new BatchItem(i.answer(), i.learnerId(), i.questionId(), i.scheme(), i.ref(), "");
            String problem = i.answer() == null ? "answer: is required" : problem(item);
            out.add(problem.isEmpty() ? item : BatchItem.rejected(item.ref(), problem));
        }
        return out;
    }

    /**
     * CSV with a header row naming an {@code answer} column and optionally {@code questionId}, {@code learnerId} and
     * {@code ref} columns; without a questionId column every row uses {@code defaultQuestionId}.
     */
    public static List<BatchItem> fromCsv(String csv, boolean hasDefaultTarget, int maxItems) {
        List<CsvRecords.Row> rows = CsvRecords.parse(csv);
        if (rows.isEmpty()) {
            throw new InvalidRequestException("items", "a batch needs at least one answer (the CSV is empty)");
        }
        List<String> header = rows.get(0).fields();
        int answer = CsvRecords.column(header, "answer");
        if (answer < 0) {
            throw new InvalidRequestException("answer", "the CSV header needs an 'answer' column");
        }
        int question = CsvRecords.column(header, "questionId");
        if (question < 0 && !hasDefaultTarget) {
            throw new InvalidRequestException("questionId",
                    "give a questionId column or the questionId query parameter");
        }
        int learner = CsvRecords.column(header, "learnerId");
        int ref = CsvRecords.column(header, "ref");
        checkCount(rows.size() - 1, maxItems);
        List<BatchItem> out = new ArrayList<>(rows.size() - 1);
        for (CsvRecords.Row row : rows.subList(1, rows.size())) {
            String rowRef = row.field(ref);
            String problem = row.malformed() ? row.problem()
                    : row.fields().size() != header.size() ? "the row has " + row.fields().size()
                    + " fields but the header has " + header.size() : "";
            if (!problem.isEmpty()) {
                out.add(BatchItem.rejected(rowRef, "malformed CSV row at line " + row.line() + ": " + problem));
                continue;
            }
            BatchItem item = new BatchItem(row.field(answer), row.field(learner), row.field(question), null, rowRef,
                    "");
            String itemProblem = problem(item);
            out.add(itemProblem.isEmpty() ? item : BatchItem.rejected(rowRef, itemProblem));
        }
        return out;
    }

    private static void checkCount(int n, int maxItems) {
        if (n == 0) {
            throw new InvalidRequestException("items", "a batch needs at least one answer");
        }
        if (n > maxItems) {
            throw new PayloadTooLargeException("items: a batch takes at most " + maxItems + " answers (got " + n
                    + "); split it into several batches");
        }
    }

    private static String problem(BatchItem item) {
        if (item.answer().length() > MAX_ANSWER_CHARS) {
            return "answer: at most " + MAX_ANSWER_CHARS + " characters";
        }
        if (item.learnerId().length() > MAX_ID_CHARS) {
            return "learnerId: at most " + MAX_ID_CHARS + " characters";
        }
        if (item.questionId().length() > MAX_ID_CHARS) {
            return "questionId: at most " + MAX_ID_CHARS + " characters";
        }
        if (item.ref().length() > MAX_ID_CHARS) {
            return "ref: at most " + MAX_ID_CHARS + " characters";
        }
        return "";
    }
}

package org.markpoint.progress.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.markpoint.progress.mastery.eval.ItemLevelEvaluation;
import org.markpoint.progress.mastery.eval.KtEvaluation;

/**
 * {@code kt-items AS.csv}: the item-level check on raw ASSISTments rows with problem ids (pyBKT's {@code as.csv}
 * format). Graded credit, a heuristic from the log: 1 for right first time, 0.5 for right on the second try
 * without hints, 0.25 on the third, else 0.
 */
final class KtItemsCommand {

    void run(Path file, PrintStream out, PrintStream err) throws IOException {
        CsvTable csv = CsvTable.read(file);
        List<ItemLevelEvaluation.Row> rows = new ArrayList<>();
        for (int r = 0; r < csv.rows().size(); r++) {
            double correct = csv.number(r, "correct");
            double attempts = csv.number(r, "attempt_count");
            double hints = csv.number(r, "hint_count");
            double graded = correct >= 1 ? 1 : hints > 0 ? 0 : attempts == 2 ? 0.5 : attempts == 3 ? 0.25 : 0;
            rows.add(new ItemLevelEvaluation.Row(csv.get(r, "user_id"), csv.get(r, "skill_id"),
                    csv.get(r, "problem_id"), correct >= 1 ? 1 : 0, graded));
        }
        err.printf("read %d rows from %s%n", rows.size(), file);
        ItemLevelEvaluation.Report report = new ItemLevelEvaluation(5).run(rows, err::println);
        out.printf("kt-items: %d train / %d test responses, %d items, %d held-out learners%n",
                report.trainResponses(), report.testResponses(), report.items(), report.testLearners());
        out.printf("%-44s %8s %8s%n", "model", "AUC", "RMSE");
        StringJoiner models = new StringJoiner(",", "{", "}");
        for (KtEvaluation.Score s : report.scores()) {
            out.printf("%-44s %8.4f %8.4f%n", s.model(), s.auc(), s.rmse());
            models.add("\"%s\":{\"auc\":%.4f,\"rmse\":%.4f}".formatted(s.model(), s.auc(), s.rmse()));
        }
        out.printf("{\"command\":\"kt-items\",\"test_predictions\":%d,\"models\":%s}%n", report.testResponses(),
                models);
    }
}

package org.markpoint.progress.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.StringJoiner;
import org.markpoint.progress.mastery.eval.KtDataset;
import org.markpoint.progress.mastery.eval.KtEvaluation;
import org.markpoint.progress.mastery.eval.LogisticLayer;

/** {@code kt-eval}: reads both files, runs the benchmark, prints a table and a JSON line. */
final class KtEvalCommand {

    void run(Path trainFile, Path testFile, PrintStream out, PrintStream err) throws IOException {
        long start = System.nanoTime();
        KtFileReader reader = new KtFileReader();
        KtDataset train = reader.read(trainFile);
        KtDataset test = reader.read(testFile);
        err.printf("read %s and %s%n", trainFile, testFile);
        KtEvaluation.Report report = new KtEvaluation(KtEvaluation.Config.defaults()).run(train, test, err::println);

        out.printf("kt-eval: fit on %d train responses (%d skills), predicted %d test responses one step ahead%n",
                report.trainResponses(), report.skillsFitted(), report.testResponses());
        out.printf("fit time: plain BKT %.2f s, BKT+forgets %.2f s (all skills, %d threads available)%n",
                report.fitSecondsPlain(), report.fitSecondsForgets(), Runtime.getRuntime().availableProcessors());
        out.printf("%-30s %8s %8s%n", "model", "AUC", "RMSE");
        for (KtEvaluation.Score s : report.test()) {
            out.printf("%-30s %8.4f %8.4f%n", s.model(), s.auc(), s.rmse());
        }
        LogisticLayer layer = report.bestLayer();
        out.printf("best = %s (chosen on train folds, running-mean smoothing %.0f); weights:%n",
                report.bestModel(), report.bestSmoothing());
        for (int i = 0; i < layer.weights().length; i++) {
            out.printf("  %-24s %+.3f%n", layer.featureNames().get(i), layer.weights()[i]);
        }
        out.println(json(report, (System.nanoTime() - start) / 1e9));
    }

    private static String json(KtEvaluation.Report report, double seconds) {
        StringJoiner models = new StringJoiner(",", "{", "}");
        for (KtEvaluation.Score s : report.test()) {
            models.add("\"%s\":{\"auc\":%.4f,\"rmse\":%.4f}".formatted(s.model(), s.auc(), s.rmse()));
        }
        KtEvaluation.Score bkt = report.score(KtEvaluation.BKT_MODEL);
        KtEvaluation.Score forgets = report.score(KtEvaluation.BKT_FORGETS_MODEL);
        KtEvaluation.Score best = report.score(KtEvaluation.BEST_MODEL);
        return ("{\"command\":\"kt-eval\",\"test_predictions\":%d,\"train_responses\":%d,\"bkt_auc\":%.4f,"
                + "\"bkt_rmse\":%.4f,\"bkt_forgets_auc\":%.4f,\"bkt_forgets_rmse\":%.4f,\"best_model\":\"%s\","
                + "\"best_auc\":%.4f,\"best_rmse\":%.4f,\"fit_seconds_bkt\":%.2f,\"fit_seconds_bkt_forgets\":%.2f,"
                + "\"total_seconds\":%.1f,\"models\":%s}").formatted(report.testResponses(), report.trainResponses(),
                bkt.auc(), bkt.rmse(), forgets.auc(), forgets.rmse(), report.bestModel(), best.auc(), best.rmse(),
                report.fitSecondsPlain(), report.fitSecondsForgets(), seconds, models);
    }
}

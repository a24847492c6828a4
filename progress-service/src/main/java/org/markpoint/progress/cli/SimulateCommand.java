package org.markpoint.progress.cli;

import java.io.PrintStream;
import org.markpoint.progress.adaptive.QuizSimulation;

/** {@code simulate}: adaptive vs fixed-order quizzes on synthetic learners; figures, then one JSON line. */
final class SimulateCommand {

    void run(long seed, PrintStream out, PrintStream err) {
        run(QuizSimulation.Settings.defaults(seed), out, err);
    }

    void run(QuizSimulation.Settings settings, PrintStream out, PrintStream err) {
        err.printf("simulating %d learners x %d outcomes, %d questions per outcome, seed %d ...%n",
                settings.learners(), settings.outcomes(), settings.questionsPerOutcome(), settings.seed());
        long start = System.nanoTime();
        QuizSimulation.Result r = new QuizSimulation(settings).run();
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("simulate: %d synthetic learners, %d outcomes, bank of %d questions (1-%d marks each), "
                        + "guess %.2f slip %.2f, difficulty sd %.1f%n", settings.learners(), settings.outcomes(),
                settings.outcomes() * settings.questionsPerOutcome(), settings.maxMarks(), settings.guess(),
                settings.slip(), settings.difficultySpread());
        out.printf("stop rule: mastered >= %.2f, not mastered <= %.2f after >= %d answers, max %d items%n",
                settings.stopRule().masteredAt(), settings.stopRule().notMasteredAt(),
                settings.stopRule().minEvidence(), settings.stopRule().maxItems());
        out.printf("%-28s %10s %10s %14s%n", "strategy", "items", "accuracy", "all LOs right");
        print(out, r.adaptive());
        print(out, r.fixedOrderWithStop());
        double[] form = r.fixedFormAccuracy();
        for (int len = settings.outcomes(); len < form.length; len += settings.outcomes()) {
            out.printf("%-28s %10d %10.4f%n", "fixed_form", len, form[len]);
        }
        if (r.fixedFormNeverMatches()) {
            out.printf("fixed form never reaches adaptive accuracy %.4f, even with all %d items; adaptive uses %.1f "
                            + "items = at most %.0f%% of them (target <= 60%%)%n", r.adaptive().accuracy(),
                    form.length - 1, r.adaptive().meanItems(), 100 * r.itemRatio());
        } else {
            out.printf("fixed form needs %d items to match adaptive accuracy %.4f; adaptive uses %.1f items = %.0f%% "
                            + "(target <= 60%%)%n", r.fixedItemsForAdaptiveAccuracy(), r.adaptive().accuracy(),
                    r.adaptive().meanItems(), 100 * r.itemRatio());
        }
        out.printf(("{\"command\":\"simulate\",\"seed\":%d,\"learners\":%d,\"outcomes\":%d,\"adaptive_items\":%.2f,"
                + "\"adaptive_accuracy\":%.4f,\"fixed_order_stop_items\":%.2f,\"fixed_order_stop_accuracy\":%.4f,"
                + "\"fixed_form_items_for_same_accuracy\":%s,"
                + "\"fixed_form_accuracy_all_items\":%.4f,\"item_ratio\":%.3f,\"target_met\":%s,"
                + "\"seconds\":%.1f}%n"), settings.seed(), settings.learners(), settings.outcomes(),
                r.adaptive().meanItems(), r.adaptive().accuracy(), r.fixedOrderWithStop().meanItems(),
                r.fixedOrderWithStop().accuracy(),
                r.fixedFormNeverMatches() ? "null" : String.valueOf(r.fixedItemsForAdaptiveAccuracy()),
                form[form.length - 1], r.itemRatio(),
                r.itemRatio() <= 0.6, seconds);
    }

    private static void print(PrintStream out, QuizSimulation.StrategyResult s) {
        out.printf("%-28s %10.1f %10.4f %14.4f%n", s.strategy(), s.meanItems(), s.accuracy(), s.allCorrectShare());
    }
}

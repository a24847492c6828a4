package org.markpoint.progress.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Command-line entry for the mastery model's offline jobs.
 *
 * <pre>
 *   kt-eval TRAIN TEST   fit on TRAIN, one-step-ahead AUC/RMSE on TEST (DKT three-line format)
 *   kt-items AS.csv      item-level check: BKT+forgets with/without Elo item difficulty and graded credit
 *   simulate [SEED]      adaptive vs fixed-order quizzes on synthetic learners with known mastery
 *   refit LOG.csv        fit BKT per outcome and item difficulties from a response log
 * </pre>
 *
 * Progress goes to stderr; results to stdout, the last line one JSON object.
 */
public final class ProgressCli {

    private ProgressCli() {
    }

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(usage());
            return 2;
        }
        try {
            switch (args[0]) {
                case "kt-eval" -> {
                    if (args.length != 3) {
                        err.println(usage());
                        return 2;
                    }
                    new KtEvalCommand().run(Path.of(args[1]), Path.of(args[2]), out, err);
                }
                case "kt-items" -> {
                    if (args.length != 2) {
                        err.println(usage());
                        return 2;
                    }
                    new KtItemsCommand().run(Path.of(args[1]), out, err);
                }
                case "refit" -> {
                    if (args.length != 2) {
                        err.println(usage());
                        return 2;
                    }
                    new RefitCommand().run(Path.of(args[1]), out, err);
                }
                case "simulate" -> {
                    long seed = args.length > 1 ? Long.parseLong(args[1]) : 7L;
                    new SimulateCommand().run(seed, out, err);
                }
                default -> {
                    err.println("unknown command: " + args[0]);
                    err.println(usage());
                    return 2;
                }
            }
            return 0;
        } catch (java.io.IOException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static String usage() {
        return """
                usage: ProgressCli kt-eval TRAIN TEST
                       ProgressCli kt-items AS.csv
                       ProgressCli simulate [SEED]
                       ProgressCli refit LOG.csv   (columns learner_id,outcome_id,item_id,credit,at)""";
    }
}

package org.markpoint.marking.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.markpoint.marking.engine.EngineOptions;
import org.markpoint.marking.engine.MarkingEngine;

/**
 * Runs the engine in-process, no server: {@code eval mohler FILE}, {@code eval semeval DIR},
 * {@code mark --scheme scheme.json answers.csv [-o out.csv]}, {@code bench [N]}.
 */
public final class MarkingCli {

    private static final String USAGE = """
            usage:
              eval mohler <mohler_dataset_edited.csv> [--no-peers] [--no-semantic]
              eval semeval <semeval2013-sra-2way dir> [--no-peers] [--no-semantic]
              mark --scheme <scheme.json> <answers.csv> [-o <out.csv>]
              bench [answers] [threads] [--semantic]""";

    private MarkingCli() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        List<String> a = new ArrayList<>(List.of(args));
        if (a.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        boolean peers = !a.remove("--no-peers");
        boolean semantic = !a.remove("--no-semantic");
        switch (a.get(0)) {
            case "eval" -> {
                if (a.size() < 3) {
                    err.println(USAGE);
                    return 2;
                }
                MarkingEngine engine = MarkingEngine.create(EngineOptions.defaults().withSemanticTier(semantic));
                return switch (a.get(1)) {
                    case "mohler" -> new MohlerEval(engine, out, err).run(Path.of(a.get(2)), peers);
                    case "semeval" -> new SemEvalEval(engine, out, err).run(Path.of(a.get(2)), peers);
                    default -> {
                        err.println("unknown data set " + a.get(1) + "\n" + USAGE);
                        yield 2;
                    }
                };
            }
            case "mark" -> {
                return new MarkCommand(out, err).run(a.subList(1, a.size()));
            }
            case "bench" -> {
                boolean semanticBench = a.remove("--semantic");
                int n = a.size() > 1 ? Integer.parseInt(a.get(1)) : 20_000;
                int threads = a.size() > 2 ? Integer.parseInt(a.get(2)) : 1;
                return new BenchCommand(out, err).run(n, threads, semanticBench);
            }
            default -> {
                err.println(USAGE);
                return 2;
            }
        }
    }
}

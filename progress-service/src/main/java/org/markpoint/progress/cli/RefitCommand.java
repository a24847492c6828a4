package org.markpoint.progress.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.markpoint.progress.mastery.BktParameters;
import org.markpoint.progress.mastery.EloDifficultyCalibrator;
import org.markpoint.progress.mastery.ItemDifficulty;
import org.markpoint.progress.mastery.MasteryRefit;

/**
 * {@code refit LOG.csv}: fits BKT per outcome and Elo item difficulties from an exported response log with columns
 * {@code learner_id,outcome_id,item_id,credit,at} (credit in [0, 1], at an ISO-8601 instant); prints a table and one
 * JSON line with the parameters. The service's scheduled refit calls {@link MasteryRefit} on its stored log.
 */
final class RefitCommand {

    void run(Path logFile, PrintStream out, PrintStream err) throws IOException {
        CsvTable csv = CsvTable.read(logFile);
        List<EloDifficultyCalibrator.Response> log = new ArrayList<>();
        for (int r = 0; r < csv.rows().size(); r++) {
            double credit = csv.number(r, "credit");
            if (!(credit >= 0 && credit <= 1)) {
                throw new IllegalArgumentException("%s:%d: credit must be in [0, 1], was %s".formatted(logFile, r + 2,
                        credit));
            }
            Instant at;
            try {
                at = Instant.parse(csv.get(r, "at"));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("%s:%d: 'at' is not an ISO-8601 instant: '%s'".formatted(logFile,
                        r + 2, csv.get(r, "at")), e);
            }
            log.add(new EloDifficultyCalibrator.Response(csv.get(r, "learner_id"), csv.get(r, "outcome_id"),
                    csv.get(r, "item_id"), credit, at));
        }
        err.printf("refitting %d responses ...%n", log.size());
        long start = System.nanoTime();
        MasteryRefit.Result result = new MasteryRefit().refit(log);
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("%-20s %9s %7s %7s %7s %7s %7s%n", "outcome", "responses", "prior", "learn", "guess", "slip",
                "forget");
        StringJoiner outcomes = new StringJoiner(",", "{", "}");
        new TreeMap<>(result.outcomes()).forEach((id, p) -> {
            out.printf("%-20s %9d %7.3f %7.3f %7.3f %7.3f %7.3f%n", id, result.responses().get(id), p.prior(),
                    p.learn(), p.guess(), p.slip(), p.forget());
            outcomes.add(json(id, p));
        });
        StringJoiner items = new StringJoiner(",", "{", "}");
        new TreeMap<>(result.items()).forEach((id, d) -> items.add(json(id, d)));
        out.printf("forgetting period: one step of forgetting per %d days idle%n",
                result.forgettingPeriod().toDays());
        out.printf("{\"command\":\"refit\",\"responses\":%d,\"seconds\":%.2f,\"forgetting_period_days\":%d,"
                + "\"outcomes\":%s,\"items\":%s}%n", log.size(), seconds, result.forgettingPeriod().toDays(),
                outcomes, items);
    }

    private static String json(String id, BktParameters p) {
        return "\"%s\":{\"prior\":%.4f,\"learn\":%.4f,\"guess\":%.4f,\"slip\":%.4f,\"forget\":%.4f}".formatted(
                escape(id), p.prior(), p.learn(), p.guess(), p.slip(), p.forget());
    }

    private static String json(String id, ItemDifficulty d) {
        return "\"%s\":{\"difficulty\":%.4f,\"responses\":%d}".formatted(escape(id), d.difficulty(), d.responses());
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}

package org.markpoint.marking.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.markpoint.marking.engine.MarkResult;
import org.markpoint.marking.engine.MarkingEngine;
import org.markpoint.marking.engine.PointResult;
import org.markpoint.marking.engine.PointStatus;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.model.scheme.SchemeValidation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code mark --scheme scheme.json answers.csv [-o out.csv]}: marks every row's {@code answer} column, passes
 * the other columns through and adds mark, points_hit (ids joined by ;), confidence, feedback and flags.
 */
final class MarkCommand {

    static final List<String> ADDED = List.of("mark", "points_hit", "confidence", "feedback", "flags");

    private final PrintStream out;
    private final PrintStream err;

    MarkCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws IOException {
        Path schemePath = null;
        Path outPath = null;
        Path input = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--scheme" -> schemePath = Path.of(args.get(++i));
                case "-o", "--out" -> outPath = Path.of(args.get(++i));
                default -> input = Path.of(args.get(i));
            }
        }
        if (schemePath == null || input == null) {
            err.println("usage: mark --scheme <scheme.json> <answers.csv> [-o <out.csv>]");
            return 2;
        }
        JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        MarkingScheme scheme = json.readValue(Files.readString(schemePath), MarkingScheme.class);
        List<SchemeValidation.Violation> violations = SchemeValidation.validate(scheme, "scheme");
        if (!violations.isEmpty()) {
            violations.forEach(v -> err.println("invalid scheme: " + v.field() + " " + v.message()));
            return 2;
        }
        List<List<String>> rows = Csv.read(Files.newBufferedReader(input, StandardCharsets.UTF_8));
        if (rows.isEmpty() || !rows.get(0).contains("answer")) {
            err.println("the CSV needs a header row with an 'answer' column");
            return 2;
        }
        List<String> header = rows.get(0);
        int col = header.indexOf("answer");
        List<List<String>> body = rows.subList(1, rows.size());
        MarkingEngine engine = MarkingEngine.createDefault();
        long t0 = System.nanoTime();
        MarkResult[] results = new MarkResult[body.size()];
        IntStream.range(0, body.size()).parallel().forEach(i -> {
            List<String> row = body.get(i);
            results[i] = engine.mark(col < row.size() ? row.get(col) : "", scheme);
        });
        err.printf(Locale.ROOT, "marked %d answers in %.1f s%n", body.size(), (System.nanoTime() - t0) / 1e9);
        Writer w = outPath == null ? new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)
                : Files.newBufferedWriter(outPath, StandardCharsets.UTF_8);
        try {
            List<String> h = new ArrayList<>(header);
            h.addAll(ADDED);
            Csv.writeRow(w, h);
            for (int i = 0; i < body.size(); i++) {
                List<String> row = new ArrayList<>(body.get(i));
                while (row.size() < header.size()) {
                    row.add("");
                }
                MarkResult r = results[i];
                row.add(Integer.toString(r.mark()));
                row.add(String.join(";", r.points().stream().filter(p -> p.status() == PointStatus.HIT)
                        .map(PointResult::id).toList()));
                row.add(String.format(Locale.ROOT, "%.2f", r.confidence()));
                row.add(String.join(" ", r.feedback()));
                row.add(String.join(";", r.flags()));
                Csv.writeRow(w, row);
            }
        } finally {
            w.flush();
            if (outPath != null) {
                w.close();
            }
        }
        return 0;
    }
}

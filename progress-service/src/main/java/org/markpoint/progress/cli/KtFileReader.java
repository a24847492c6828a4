package org.markpoint.progress.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.markpoint.progress.mastery.eval.KtDataset;

/**
 * Reads the DKT benchmark format: three lines per learner (count; skill ids; 0/1 correctness), comma separated,
 * trailing commas allowed. Credits may also be fractions in [0, 1] for partial-credit logs.
 */
public final class KtFileReader {

    public KtDataset read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (lines.size() % 3 != 0) {
            throw new IllegalArgumentException(file + ": expected 3 lines per learner, found " + lines.size()
                    + " non-empty lines");
        }
        List<KtDataset.LearnerRecord> learners = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += 3) {
            int lineNo = i + 1;
            int count = parseInt(lines.get(i).replace(",", ""), file, lineNo);
            int[] skills = fields(lines.get(i + 1)).stream().mapToInt(s -> parseInt(s, file, lineNo + 1)).toArray();
            double[] credits = fields(lines.get(i + 2)).stream()
                    .mapToDouble(s -> parseCredit(s, file, lineNo + 2)).toArray();
            if (skills.length != count || credits.length != count) {
                throw new IllegalArgumentException("%s:%d: learner declares %d responses but has %d skills and %d "
                        .formatted(file, lineNo, count, skills.length, credits.length) + "answers");
            }
            learners.add(new KtDataset.LearnerRecord(skills, credits));
        }
        return new KtDataset(List.copyOf(learners));
    }

    private static List<String> fields(String line) {
        return Arrays.stream(line.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static int parseInt(String s, Path file, int line) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("%s:%d: not an integer: '%s'".formatted(file, line, s), e);
        }
    }

    private static double parseCredit(String s, Path file, int line) {
        double value;
        try {
            value = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("%s:%d: not a number: '%s'".formatted(file, line, s), e);
        }
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("%s:%d: credit must be in [0, 1], was %s".formatted(file, line, s));
        }
        return value;
    }
}

package org.markpoint.marking.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Developer aid: with {@code -Deval.dump=DIR}, writes feature matrices as CSV for offline analysis. */
final class Dump {

    private Dump() {
    }

    static void matrix(String name, double[][] x, double[] y, List<String> groups) {
        String dir = System.getProperty("eval.dump");
        if (dir == null) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            sb.append(groups.get(i)).append(',').append(y[i]);
            for (double v : x[i]) {
                sb.append(',').append(String.format(Locale.ROOT, "%.6g", v));
            }
            sb.append('\n');
        }
        try {
            Files.createDirectories(Path.of(dir));
            Files.writeString(Path.of(dir, name + ".csv"), sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.markpoint.progress.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A CSV file with a header row, read whole; quoted fields may hold commas and doubled quotes. */
record CsvTable(Path file, Map<String, Integer> columns, List<List<String>> rows) {

    static CsvTable read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty file, expected a header row");
        }
        List<String> header = split(lines.get(0));
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip(), i);
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                rows.add(split(lines.get(i)));
            }
        }
        return new CsvTable(file, columns, rows);
    }

    String get(int row, String column) {
        Integer index = columns.get(column);
        if (index == null) {
            throw new IllegalArgumentException(file + ": no column '" + column + "'");
        }
        List<String> r = rows.get(row);
        return index < r.size() ? r.get(index).strip() : "";
    }

    double number(int row, String column) {
        String s = get(row, column);
        try {
            return s.isEmpty() ? 0 : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("%s:%d: column %s is not a number: '%s'".formatted(file, row + 2,
                    column, s), e);
        }
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        out.add(field.toString());
        return out;
    }
}

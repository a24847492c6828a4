package org.markpoint.marking.support;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes, a leading BOM dropped, blank lines skipped)
 * that reads leniently but says what was wrong with each row, so one bad row of a large upload can be reported on
 * its own instead of failing the whole file.
 */
public final class CsvRecords {

    /** One row: its first line number in the file (1-based), its fields, and a problem or "". */
    public record Row(int line, List<String> fields, String problem) {

        public boolean malformed() {
            return !problem.isEmpty();
        }

        public String field(int column) {
            return column >= 0 && column < fields.size() ? fields.get(column) : "";
        }
    }

    private CsvRecords() {
    }

    public static List<Row> parse(String text) {
        try {
            return parse(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Row> parse(Reader reader) throws IOException {
        Reader in = reader.markSupported() ? reader : new java.io.BufferedReader(reader);
        List<Row> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String problem = "";
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int rowLine = 1;
        int c;
        while ((c = in.read()) != -1) {
            char ch = (char) c;
            any = true;
            if (quoted) {
                if (ch == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next == -1) {
                            break;
                        }
                        in.reset();
                        if (next != ',' && next != '\n' && next != '\r' && problem.isEmpty()) {
                            problem = "text after a closing quote in field " + (row.size() + 1);
                        }
                    }
                } else {
                    line += ch == '\n' ? 1 : 0;
                    field.append(ch);
                }
            } else if (ch == '"' && field.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                row.add(field.toString());
                field.setLength(0);
                add(rows, row, rowLine, problem);
                line++;
                rowLine = line;
                row = new ArrayList<>();
                problem = "";
                any = false;
            } else {
                field.append(ch);
            }
        }
        if (quoted && problem.isEmpty()) {
            problem = "a quoted field is never closed";
        }
        if (any || !field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            add(rows, row, rowLine, problem);
        }
        if (!rows.isEmpty() && !rows.get(0).fields().isEmpty() && rows.get(0).fields().get(0).startsWith("\uFEFF")) {
            rows.get(0).fields().set(0, rows.get(0).fields().get(0).substring(1));
        }
        return rows;
    }

    private static void add(List<Row> rows, List<String> fields, int line, String problem) {
        if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
            rows.add(new Row(line, fields, problem));
        }
    }

    /** The column index of a header name (trimmed, case-insensitive), or -1. */
    public static int column(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    public static void writeRow(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                out.write('"');
                out.write(f.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(f);
            }
        }
        out.write('\n');
    }
}

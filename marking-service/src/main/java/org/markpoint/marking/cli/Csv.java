package org.markpoint.marking.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.List;
import org.markpoint.marking.support.CsvRecords;

/** The CLI's view of {@link CsvRecords}: rows as field lists (a malformed row is read as well as it can be). */
final class Csv {

    private Csv() {
    }

    static List<List<String>> read(Reader in) throws IOException {
        return CsvRecords.parse(in).stream().map(CsvRecords.Row::fields).toList();
    }

    static void writeRow(Writer out, List<String> fields) throws IOException {
        CsvRecords.writeRow(out, fields);
    }
}

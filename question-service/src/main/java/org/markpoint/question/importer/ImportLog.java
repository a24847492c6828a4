package org.markpoint.question.importer;

import java.util.ArrayList;
import java.util.List;
import org.markpoint.question.bank.ImportIssue;

/** Collects, for one source, what was skipped (with the reason) and what was taken but needs a reader's eye. */
final class ImportLog {

    private final String source;
    private final List<ImportIssue> skipped = new ArrayList<>();
    private final List<ImportIssue> warnings = new ArrayList<>();

    ImportLog(String source) {
        this.source = source;
    }

    void skip(String item, String reason) {
        skipped.add(new ImportIssue(source, item, reason));
    }

    void warn(String item, String reason) {
        warnings.add(new ImportIssue(source, item, reason));
    }

    List<ImportIssue> skipped() {
        return List.copyOf(skipped);
    }

    List<ImportIssue> warnings() {
        return List.copyOf(warnings);
    }
}

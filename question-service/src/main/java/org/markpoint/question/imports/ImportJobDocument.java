package org.markpoint.question.imports;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import org.markpoint.question.bank.ImportIssue;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An import's progress and report: what was imported, what was skipped and why. {@code requestHash} (never sent to
 * clients) fingerprints the request that started a job under an {@code Idempotency-Key}, empty otherwise.
 */
@Document("import_jobs")
public record ImportJobDocument(@Id String id, @Indexed String tenantId, String format, String source,
                                String status, int total, int done, List<ItemReport> items,
                                List<ImportIssue> skipped, List<ImportIssue> warnings, Instant createdAt,
                                Instant finishedAt, @JsonIgnore String requestHash) {

    /** One item of the file and what happened to it: created, republished, unchanged or failed (with reason). */
    public record ItemReport(String kind, String id, String outcome, String reason) {
    }

    public ImportJobDocument {
        items = items == null ? List.of() : List.copyOf(items);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        requestHash = requestHash == null ? "" : requestHash;
    }
}

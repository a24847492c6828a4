package org.markpoint.marking.batch;

import java.time.Instant;
import org.markpoint.model.scheme.MarkingScheme;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A batch marking job: how far it got ({@code nextChunk} is the first chunk not finished, {@code done} the items
 * with a result) and the default question or scheme for items that name neither. Written after all its chunks, so
 * a batch that exists is complete. {@code runStartedAt}/{@code doneAtRunStart} measure the rate of the current run
 * (a resumed batch does not count the time it was down).
 */
@Document("batches")
public record BatchDocument(@Id String id, String tenantId, @Indexed String status, int total, int chunks,
                            int nextChunk, int done, int errors, String defaultQuestionId,
                            MarkingScheme defaultScheme, Instant createdAt, Instant runStartedAt,
                            int doneAtRunStart, Instant finishedAt) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";

    public BatchDocument {
        defaultQuestionId = defaultQuestionId == null ? "" : defaultQuestionId;
    }

    public boolean finished() {
        return DONE.equals(status);
    }
}

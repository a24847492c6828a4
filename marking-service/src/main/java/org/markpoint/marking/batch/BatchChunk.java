package org.markpoint.marking.batch;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A slice of a batch's items ({@code _id} = batch id + ":" + index), stored apart so no document nears the 16 MB
 * limit. {@code results} is written together with {@code done} in one update once every item of the chunk has its
 * mark stored: a chunk is either finished with all its results or not finished at all. Chunk documents written by
 * earlier versions may also hold a {@code started} flag; nothing reads it any more (see {@link BatchRunner}).
 */
@Document("batch_chunks")
@CompoundIndex(name = "batch_first", def = "{'batchId': 1, 'firstItem': 1}")
public record BatchChunk(@Id String id, String batchId, String tenantId, int index, int firstItem,
                         List<BatchItem> items, List<ItemResult> results, boolean done) {

    public BatchChunk {
        items = items == null ? List.of() : List.copyOf(items);
        results = results == null ? List.of() : List.copyOf(results);
    }

    static String key(String batchId, int index) {
        return batchId + ":" + index;
    }

    /** The stable idempotency key of one item: marking it again (after a restart) finds the same mark id. */
    static String itemKey(String batchId, int itemIndex) {
        return "batch:" + batchId + ":" + itemIndex;
    }
}

package org.markpoint.marking.batch;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.bson.Document;
import org.markpoint.marking.support.InvalidRequestException;
import org.markpoint.marking.support.NotFoundException;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.model.scheme.SchemeValidation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Accepts batches (stored in chunks before the batch is acknowledged, so an accepted batch survives a restart),
 * reports their progress and pages through their results in item order.
 */
@Service
public class BatchService {

    /** A page of results from item {@code cursor} on; {@code next} is where the next page starts, "" at the end. */
    public record ResultsPage(List<ItemResult> items, String next) {
    }

    private final MongoTemplate mongo;
    private final Consumer<String> queue;
    private final BatchProperties props;
    private final Clock clock;

    @Autowired
    public BatchService(MongoTemplate mongo, BatchWorkers workers, BatchProperties props, Clock clock) {
        this(mongo, workers::submit, props, clock);
    }

    /** {@code queue} is told the id of each batch accepted (tests hold it back to run the batch by hand). */
    BatchService(MongoTemplate mongo, Consumer<String> queue, BatchProperties props, Clock clock) {
        this.mongo = mongo;
        this.queue = queue;
        this.props = props;
        this.clock = clock;
    }

    public int maxItems() {
        return props.maxItems();
    }

    /**
     * Stores the batch and queues it. With an idempotency key, a retry of the same request gets the batch the first
     * try created (whatever the retry's body) instead of a second batch.
     */
    public BatchDocument create(String tenantId, List<BatchItem> items, String defaultQuestionId,
                                MarkingScheme defaultScheme, String idempotencyKey) {
        if (!defaultQuestionId.isBlank() && defaultScheme != null) {
            throw new InvalidRequestException("scheme", "give at most one of questionId or scheme for the batch");
        }
        if (defaultScheme != null) {
            SchemeValidation.validate(defaultScheme, "scheme").stream().findFirst().ifPresent(v -> {
                throw new InvalidRequestException(v.field(), v.message());
            });
        }
        String id = idempotencyKey.isBlank() ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("batch\u0000" + tenantId + "\u0000" + idempotencyKey)
                        .getBytes(StandardCharsets.UTF_8)).toString();
        if (!idempotencyKey.isBlank()) {
            Optional<BatchDocument> earlier = find(tenantId, id);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            // chunks left by an earlier try that died before the batch was stored
            mongo.remove(new Query(Criteria.where("batchId").is(id)), BatchChunk.class);
        }
        List<BatchChunk> chunks = chunk(id, tenantId, items);
        mongo.insertAll(chunks);
        BatchDocument batch = new BatchDocument(id, tenantId, BatchDocument.QUEUED, items.size(), chunks.size(), 0, 0,
                0, defaultQuestionId, defaultScheme, clock.instant(), null, 0, null);
        try {
            mongo.insert(batch);
        } catch (DuplicateKeyException raced) {
            return find(tenantId, id).orElseThrow(() -> raced);
        }
        queue.accept(id);
        return batch;
    }

    private List<BatchChunk> chunk(String batchId, String tenantId, List<BatchItem> items) {
        List<BatchChunk> chunks = new ArrayList<>();
        List<BatchItem> current = new ArrayList<>();
        int chars = 0;
        int first = 0;
        for (int i = 0; i < items.size(); i++) {
            BatchItem item = items.get(i);
            if (!current.isEmpty() && (current.size() >= props.chunkItems()
                    || chars + item.size() > props.chunkChars())) {
                chunks.add(new BatchChunk(BatchChunk.key(batchId, chunks.size()), batchId, tenantId, chunks.size(),
                        first, current, List.of(), false));
                current = new ArrayList<>();
                chars = 0;
                first = i;
            }
            current.add(item);
            chars += item.size();
        }
        chunks.add(new BatchChunk(BatchChunk.key(batchId, chunks.size()), batchId, tenantId, chunks.size(), first,
                current, List.of(), false));
        return chunks;
    }

    public Optional<BatchDocument> find(String tenantId, String batchId) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("_id").is(batchId).and("tenantId")
                .is(tenantId)), BatchDocument.class));
    }

    /** Results of finished chunks from item {@code cursor} on; stops early at the first chunk still being marked. */
    public ResultsPage results(String tenantId, String batchId, int cursor, int limit) {
        BatchDocument batch = find(tenantId, batchId).orElseThrow(() -> new NotFoundException("batch", batchId));
        if (cursor < 0 || cursor > batch.total()) {
            throw new InvalidRequestException("cursor", "must be between 0 and " + batch.total());
        }
        Query first = new Query(Criteria.where("batchId").is(batchId).and("firstItem").lte(cursor))
                .with(Sort.by(Sort.Direction.DESC, "firstItem")).limit(1);
        first.fields().include("index");
        Document start = mongo.findOne(first, Document.class, mongo.getCollectionName(BatchChunk.class));
        List<ItemResult> out = new ArrayList<>();
        int next = cursor;
        for (int index = start == null ? batch.chunks() : start.getInteger("index"); index < batch.chunks() && out.size() < limit;
             index++) {
            Query q = new Query(Criteria.where("_id").is(BatchChunk.key(batchId, index)));
            q.fields().exclude("items");
            BatchChunk chunk = mongo.findOne(q, BatchChunk.class);
            if (chunk == null || !chunk.done()) {
                break;
            }
            for (ItemResult r : chunk.results()) {
                if (r.index() >= next && out.size() < limit) {
                    out.add(r);
                    next = r.index() + 1;
                }
            }
        }
        return new ResultsPage(out, next < batch.total() ? Integer.toString(next) : "");
    }
}

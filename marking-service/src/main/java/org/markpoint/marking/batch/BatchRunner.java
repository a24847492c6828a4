package org.markpoint.marking.batch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.markpoint.marking.marks.MarkDocument;
import org.markpoint.marking.marks.MarkingService;
import org.markpoint.marking.marks.MarkingService.Target;
import org.markpoint.marking.support.ConflictException;
import org.markpoint.marking.support.InvalidRequestException;
import org.markpoint.marking.support.NotFoundException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Works through a batch one chunk at a time, from its first unfinished chunk, marking each chunk's items on a bounded
 * pool. Safe to stop anywhere: every item's mark id is derived from the batch id and the item's position, so marks
 * stored before a crash are found and kept (never marked twice); a chunk's results and its "done" flag are one
 * write, the only write to the (large) chunk document while the batch runs; the batch's progress is set from the
 * chunk it just finished, so a chunk finished just before a crash is counted once on resume.
 */
public final class BatchRunner {

    private final MongoTemplate mongo;
    private final MarkingService marking;
    private final ExecutorService workers;
    private final int parallelism;
    private final Clock clock;

    public BatchRunner(MongoTemplate mongo, MarkingService marking, ExecutorService workers, int parallelism,
                       Clock clock) {
        this.mongo = mongo;
        this.marking = marking;
        this.workers = workers;
        this.parallelism = Math.max(1, parallelism);
        this.clock = clock;
    }

    /** Runs the batch while {@code keepGoing} says so (checked between chunks); returns the batch as it stands. */
    public BatchDocument run(String batchId, BooleanSupplier keepGoing) {
        BatchDocument batch = mongo.findById(batchId, BatchDocument.class);
        if (batch == null || batch.finished()) {
            return batch;
        }
        batch = withProgress(batch, BatchDocument.RUNNING, batch.nextChunk(), batch.done(), batch.errors(), true);
        // Chunks are marked one after another, each only once the one before it is done, so an earlier run that
        // died left at most one chunk with some of its marks stored: the first unfinished one. Only that chunk
        // looks its marks up; a chunk this run reaches after marking another cannot have any yet.
        boolean firstToMark = true;
        while (batch.nextChunk() < batch.chunks() && keepGoing.getAsBoolean()) {
            BatchChunk chunk = chunk(batch);
            List<ItemResult> results = chunk.results();
            if (!chunk.done()) {
                results = mark(batch, chunk, firstToMark);
                firstToMark = false;
                mongo.updateFirst(new Query(Criteria.where("_id").is(chunk.id())),
                        new Update().set("results", results).set("done", true), BatchChunk.class);
            }
            int errors = (int) results.stream().filter(r -> ItemResult.ERROR.equals(r.status())).count();
            batch = withProgress(batch, BatchDocument.RUNNING, batch.nextChunk() + 1, batch.done() + results.size(),
                    batch.errors() + errors, false);
        }
        if (batch.nextChunk() >= batch.chunks()) {
            batch = withProgress(batch, BatchDocument.DONE, batch.nextChunk(), batch.done(), batch.errors(), false);
        }
        return batch;
    }

    private BatchChunk chunk(BatchDocument batch) {
        BatchChunk chunk = mongo.findById(BatchChunk.key(batch.id(), batch.nextChunk()), BatchChunk.class);
        if (chunk == null) {
            throw new IllegalStateException("batch " + batch.id() + " has no chunk " + batch.nextChunk());
        }
        return chunk;
    }

    private List<ItemResult> mark(BatchDocument batch, BatchChunk chunk, boolean mayHaveMarks) {
        String tenant = batch.tenantId();
        List<BatchItem> items = chunk.items();
        List<String> markIds = new ArrayList<>(items.size());
        for (int j = 0; j < items.size(); j++) {
            markIds.add(MarkingService.markId(tenant, BatchChunk.itemKey(batch.id(), chunk.firstItem() + j)));
        }
        Map<String, MarkDocument> earlierMarks = !mayHaveMarks ? Map.of() : marking.findAll(tenant, markIds).stream()
                .collect(Collectors.toMap(MarkDocument::id, Function.identity()));
        Map<String, Object> targets = new ConcurrentHashMap<>();
        ItemResult[] results = new ItemResult[items.size()];
        MarkDocument[] fresh = new MarkDocument[items.size()];
        List<Callable<Void>> slices = new ArrayList<>();
        for (int s = 0; s < parallelism; s++) {
            int from = s * items.size() / parallelism;
            int to = (s + 1) * items.size() / parallelism;
            slices.add(() -> {
                for (int j = from; j < to; j++) {
                    int index = chunk.firstItem() + j;
                    BatchItem item = items.get(j);
                    MarkDocument earlier = earlierMarks.get(markIds.get(j));
                    if (earlier != null) {
                        results[j] = ItemResult.marked(index, item, earlier);
                    } else if (!item.problem().isEmpty()) {
                        results[j] = ItemResult.failed(index, item, item.problem());
                    } else {
                        Object target = item.scheme() != null ? resolve(item, batch)
                                : targets.computeIfAbsent(storedKey(item, batch), k -> resolve(item, batch));
                        if (target instanceof Target t) {
                            fresh[j] = markOne(tenant, item, t, markIds.get(j), BatchChunk.itemKey(batch.id(), index));
                            results[j] = fresh[j] == null ? ItemResult.failed(index, item, "the engine could not "
                                    + "mark this answer") : ItemResult.marked(index, item, fresh[j]);
                        } else {
                            results[j] = ItemResult.failed(index, item, (String) target);
                        }
                    }
                }
                return null;
            });
        }
        try {
            for (Future<Void> f : workers.invokeAll(slices)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("batch " + batch.id() + " interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("batch " + batch.id() + " chunk " + chunk.index() + " failed", e);
        }
        List<MarkDocument> toStore = new ArrayList<>();
        for (MarkDocument d : fresh) {
            if (d != null) {
                toStore.add(d);
            }
        }
        marking.insertAll(toStore);
        return List.of(results);
    }

    private MarkDocument markOne(String tenant, BatchItem item, Target target, String markId, String answerId) {
        try {
            return marking.prepare(tenant, item.learnerId(), item.answer(), target, "", markId, answerId);
        } catch (RuntimeException e) {
            // one answer the engine chokes on must not stop the other 99,999
            return null;
        }
    }

    /** Items naming the same stored question (or using the batch default) share one lookup. */
    private static String storedKey(BatchItem item, BatchDocument batch) {
        String q = item.questionId().isBlank() ? batch.defaultQuestionId() : item.questionId();
        return q.isBlank() && batch.defaultScheme() != null ? "default-scheme" : "question:" + q;
    }

    /** The item's target, or why it has none (unknown or retired question, broken scheme) as a message. */
    private Object resolve(BatchItem item, BatchDocument batch) {
        boolean ownTarget = item.scheme() != null || !item.questionId().isBlank();
        String questionId = ownTarget ? item.questionId() : batch.defaultQuestionId();
        var scheme = ownTarget ? item.scheme() : batch.defaultScheme();
        try {
            return marking.target(batch.tenantId(), questionId, scheme);
        } catch (InvalidRequestException | NotFoundException | ConflictException e) {
            return e.getMessage();
        }
    }

    private BatchDocument withProgress(BatchDocument b, String status, int nextChunk, int done, int errors,
                                       boolean newRun) {
        var now = clock.instant();
        BatchDocument next = new BatchDocument(b.id(), b.tenantId(), status, b.total(), b.chunks(), nextChunk, done,
                errors, b.defaultQuestionId(), b.defaultScheme(), b.createdAt(), newRun ? now : b.runStartedAt(),
                newRun ? done : b.doneAtRunStart(), BatchDocument.DONE.equals(status) ? now : b.finishedAt());
        mongo.updateFirst(new Query(Criteria.where("_id").is(b.id())), new Update().set("status", status)
                .set("nextChunk", nextChunk).set("done", done).set("errors", errors)
                .set("runStartedAt", next.runStartedAt()).set("doneAtRunStart", next.doneAtRunStart())
                .set("finishedAt", next.finishedAt()), BatchDocument.class);
        return next;
    }
}

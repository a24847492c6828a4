package org.markpoint.marking.batch;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.markpoint.marking.marks.MarkingService;
import org.markpoint.marking.webhooks.WebhookService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Runs batches one after another (first come, first served) on a bounded pool of {@code markpoint.batch.workers}
 * threads, and at start-up picks up every batch a previous run left queued or half done. A batch that fails (the
 * database went away) is tried again after a pause, from its last finished chunk.
 */
@Component
public class BatchWorkers {

    private static final Logger log = LoggerFactory.getLogger(BatchWorkers.class);
    private static final long RETRY_SECONDS = 5;

    private final MongoTemplate mongo;
    private final ExecutorService pool;
    private final ScheduledExecutorService dispatcher;
    private final BatchRunner runner;
    private final WebhookService webhooks;
    private volatile boolean stopping;

    public BatchWorkers(MongoTemplate mongo, MarkingService marking, Clock clock, BatchProperties props,
                        WebhookService webhooks) {
        this.mongo = mongo;
        this.webhooks = webhooks;
        this.pool = Executors.newFixedThreadPool(props.workers(), named("batch-worker-"));
        this.dispatcher = Executors.newSingleThreadScheduledExecutor(named("batch-dispatcher-"));
        this.runner = new BatchRunner(mongo, marking, pool, props.workers(), clock);
    }

    public void submit(String batchId) {
        if (!stopping) {
            dispatcher.execute(() -> run(batchId));
        }
    }

    /** Resume what a previous run of the service accepted but did not finish: the API never loses a batch. */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeUnfinished() {
        List<BatchDocument> unfinished = mongo.find(new Query(Criteria.where("status")
                .in(BatchDocument.QUEUED, BatchDocument.RUNNING)).with(Sort.by("createdAt")), BatchDocument.class);
        for (BatchDocument b : unfinished) {
            log.info("batch {}: resuming at chunk {} of {} ({} of {} items done)", b.id(), b.nextChunk(), b.chunks(),
                    b.done(), b.total());
            submit(b.id());
        }
    }

    private void run(String batchId) {
        try {
            BatchDocument b = runner.run(batchId, () -> !stopping);
            if (b != null && b.finished()) {
                log.info("batch {}: {} items marked, {} errors", b.id(), b.done() - b.errors(), b.errors());
                completed(b);
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                log.warn("batch {} failed, trying again from its last finished chunk in {} s: {}", batchId,
                        RETRY_SECONDS, e.toString());
                dispatcher.schedule(() -> run(batchId), RETRY_SECONDS, TimeUnit.SECONDS);
            }
        }
    }

    /** Tells the tenant's webhooks; the event id is the batch's, so a batch reported twice is delivered once. */
    private void completed(BatchDocument b) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("batchId", b.id());
        data.put("status", b.status());
        data.put("total", b.total());
        data.put("marked", b.done() - b.errors());
        data.put("errors", b.errors());
        data.put("finishedAt", String.valueOf(b.finishedAt()));
        data.put("results", "/api/v1/marking/batches/" + b.id() + "/results");
        webhooks.emit(b.tenantId(), WebhookService.BATCH_COMPLETED, "batch.completed:" + b.id(), data);
    }

    /** Stops between chunks; a chunk cut off mid-way is redone on the next start without marking anything twice. */
    @PreDestroy
    public void stop() {
        stopping = true;
        dispatcher.shutdown();
        try {
            if (!dispatcher.awaitTermination(10, TimeUnit.SECONDS)) {
                dispatcher.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

package org.markpoint.marking.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.markpoint.marking.engine.MarkingEngine;
import org.markpoint.marking.marks.MarkDocument;
import org.markpoint.marking.marks.MarkingService;
import org.markpoint.marking.privacy.Tombstones;
import org.markpoint.marking.scheme.SchemeReadModel;
import org.markpoint.marking.support.OutboxRelay;
import org.markpoint.marking.support.TestMongo;
import org.markpoint.marking.webhooks.WebhookProperties;
import org.markpoint.marking.webhooks.WebhookService;
import org.markpoint.model.event.QuestionPublished;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A batch survives a restart of marking-service: stopped part-way (one chunk half marked, one chunk's progress never
 * recorded), a new service instance over the same database resumes it, and every item ends with exactly one mark.
 * Runs against the MongoDB-wire server, no Spring: the service instances are built by hand, as a restart would.
 */
class BatchResumeIT {

    private static final MarkingEngine ENGINE = MarkingEngine.createDefault();
    private static final MongoClient CLIENT = MongoClients.create(TestMongo.uri());
    private static final Clock CLOCK = Clock.systemUTC();
    private static final MarkingScheme SCHEME = new MarkingScheme("Explain how training improves customer service.",
            "explain", 2, "", List.of(MarkingPoint.of("a", "training closes skills gaps", "skills gap"),
            MarkingPoint.of("b", "customers get consistent service", "consistent")), List.of(), List.of());
    private static final int ITEMS = 400;
    private static final BatchProperties PROPS = new BatchProperties(2, 40, null, null);

    private final String database = "batch-resume-" + UUID.randomUUID();

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    private MongoTemplate mongo() {
        return new MongoTemplate(CLIENT, database);
    }

    /** No broker here: the relay only collects which marks owe events (asserted on the documents instead). */
    private static MarkingService marking(MongoTemplate mongo) {
        return new MarkingService(ENGINE, new SchemeReadModel(mongo), mongo, CLOCK,
                new OutboxRelay(mongo, null, List.of("marks"), 30_000), new Tombstones(mongo));
    }

    /** Every 100th item (from 7) names an unknown question, item 13 has no answer, item 21 has its own scheme. */
    private static List<BatchItem> items() {
        List<BatchItem> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            String learner = i % 10 == 0 ? "learner-" + i : "";
            String answer = (i % 3 == 0 ? "Training closes the skills gap, so customers get consistent service."
                    : i % 3 == 1 ? "Training closes the skills gap for new staff." : "The canteen food improved.")
                    + " Answer " + i + ".";
            if (i == 13) {
                items.add(BatchItem.rejected("r13", "answer: is required"));
            } else if (i == 21) {
                items.add(new BatchItem(answer, learner, "", SCHEME, "r21", ""));
            } else {
                items.add(new BatchItem(answer, learner, i % 100 == 7 ? "q-missing" : "", null, "r" + i, ""));
            }
        }
        return items;
    }

    @Test
    void givenABatchStoppedMidway_whenANewServiceInstanceStarts_thenItResumesAndEachItemHasExactlyOneMark() {
        MongoTemplate firstDb = mongo();
        new SchemeReadModel(firstDb).apply("demo", new QuestionPublished("q-resume", 4, "u1", List.of("lo-1"),
                SCHEME));
        List<String> queued = new ArrayList<>();
        BatchService first = new BatchService(firstDb, queued::add, PROPS, CLOCK);
        BatchDocument batch = first.create("demo", items(), "q-resume", null, "");
        assertThat(batch.chunks()).isEqualTo(10);
        assertThat(queued).containsExactly(batch.id());

        // the first instance marks three chunks, then stops
        MarkingService firstMarking = marking(firstDb);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicInteger chunks = new AtomicInteger();
        BatchDocument stopped = new BatchRunner(firstDb, firstMarking, pool, 2, CLOCK)
                .run(batch.id(), () -> chunks.getAndIncrement() < 3);
        pool.shutdownNow();
        assertThat(stopped.status()).isEqualTo(BatchDocument.RUNNING);
        assertThat(stopped.nextChunk()).isEqualTo(3);
        assertThat(stopped.done()).isEqualTo(120);
        // ...and dies while marking chunk 3: 16 of its marks are stored, its results are not. Item 120's stored mark
        // is made different from what marking it again would give (0 of 2 instead of 2), to see which one counts
        MarkingService.Target target = firstMarking.target("demo", "q-resume", null);
        List<MarkDocument> early = new ArrayList<>();
        for (int i = 120; i < 136; i++) {
            String key = BatchChunk.itemKey(batch.id(), i);
            BatchItem item = items().get(i);
            String answer = i == 120 ? "The canteen food improved." : item.answer();
            if (!item.questionId().equals("q-missing")) {
                early.add(firstMarking.prepare("demo", item.learnerId(), answer, target, "",
                        MarkingService.markId("demo", key), key));
            }
        }
        firstMarking.insertAll(early);
        // ...and chunk 2's progress never reached the batch document (items 7 and 13 are the errors before it)
        firstDb.updateFirst(new Query(Criteria.where("_id").is(batch.id())),
                new Update().set("nextChunk", 2).set("done", 80).set("errors", 2), BatchDocument.class);

        // a new service instance over the same database picks it up at start-up
        MongoTemplate secondDb = mongo();
        BatchWorkers restarted = new BatchWorkers(secondDb, marking(secondDb), CLOCK, PROPS,
                new WebhookService(secondDb, CLOCK, new WebhookProperties(null, null, null, null, null)));
        try {
            restarted.resumeUnfinished();
            await().atMost(Duration.ofSeconds(90)).until(() -> secondDb.findById(batch.id(), BatchDocument.class)
                    .finished());
        } finally {
            restarted.stop();
        }

        BatchDocument finished = secondDb.findById(batch.id(), BatchDocument.class);
        assertThat(finished.done()).isEqualTo(ITEMS);
        assertThat(finished.errors()).isEqualTo(5);
        assertThat(finished.nextChunk()).isEqualTo(10);
        assertThat(finished.finishedAt()).isNotNull();

        BatchService reader = new BatchService(secondDb, id -> { }, PROPS, CLOCK);
        List<ItemResult> results = reader.results("demo", batch.id(), 0, ITEMS).items();
        assertThat(results).extracting(ItemResult::index).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, ITEMS).boxed().toList());
        List<ItemResult> marked = results.stream().filter(r -> r.status().equals(ItemResult.MARKED)).toList();
        Set<String> markIds = new HashSet<>(marked.stream().map(ItemResult::markId).toList());
        assertThat(marked).hasSize(ITEMS - 5);
        assertThat(markIds).hasSize(ITEMS - 5);
        assertThat(secondDb.count(new Query(), MarkDocument.class)).isEqualTo(ITEMS - 5);
        // the marks stored before the crash were kept, not replaced
        MarkDocument kept = secondDb.findById(early.get(0).id(), MarkDocument.class);
        assertThat(kept.createdAt()).isEqualTo(early.get(0).createdAt().truncatedTo(ChronoUnit.MILLIS));
        assertThat(markIds).containsAll(early.stream().map(MarkDocument::id).toList());
        // ...and the results report them: the chunk cut off mid-way looked its stored marks up instead of marking again
        assertThat(results.get(120).markId()).isEqualTo(early.get(0).id());
        assertThat(results.get(120).mark()).isZero();
        assertThat(results.get(123).mark()).isEqualTo(2);
        marking(secondDb).insertAll(early);
        assertThat(secondDb.count(new Query(), MarkDocument.class)).as("a second insert of the same marks is dropped")
                .isEqualTo(ITEMS - 5);

        assertThat(results.get(7).error()).contains("q-missing");
        assertThat(results.get(13).error()).isEqualTo("answer: is required");
        assertThat(results.get(13).ref()).isEqualTo("r13");
        assertThat(results.get(21).questionId()).isEmpty();
        assertThat(results.get(21).status()).isEqualTo(ItemResult.MARKED);
        assertThat(results.get(0).questionVersion()).isEqualTo(4);
        assertThat(results.get(0).mark()).isEqualTo(2);
        assertThat(results.get(2).mark()).isZero();
        MarkDocument withLearner = secondDb.findById(results.get(250).markId(), MarkDocument.class);
        assertThat(withLearner.learnerId()).isEqualTo("learner-250");
        assertThat(withLearner.outbox()).hasSize(1);
        assertThat(withLearner.outbox().get(0).payload()).contains("AnswerMarked");
    }

    @Test
    void givenAFinishedBatch_whenPaged_thenPagesFollowTheCursorAndAKeyedRetryGetsTheSameBatch() {
        MongoTemplate db = mongo();
        List<String> queued = new ArrayList<>();
        BatchService service = new BatchService(db, queued::add, PROPS, CLOCK);
        List<BatchItem> items = items().subList(20, 270);
        BatchDocument batch = service.create("demo", items, "", SCHEME, "lms-upload-1");
        assertThat(service.create("demo", items, "", SCHEME, "lms-upload-1").id()).isEqualTo(batch.id());
        assertThat(queued).containsExactly(batch.id());
        assertThat(service.results("demo", batch.id(), 0, 10).items()).isEmpty();

        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            new BatchRunner(db, marking(db), pool, 1, CLOCK).run(batch.id(), () -> true);
        } finally {
            pool.shutdownNow();
        }

        BatchService.ResultsPage page = service.results("demo", batch.id(), 0, 120);
        assertThat(page.items()).hasSize(120);
        assertThat(page.next()).isEqualTo("120");
        BatchService.ResultsPage last = service.results("demo", batch.id(), 240, 120);
        assertThat(last.items()).extracting(ItemResult::index).startsWith(240).endsWith(249);
        assertThat(last.next()).isEmpty();
        assertThat(last.items().get(0).ref()).isEqualTo("r260");
    }
}

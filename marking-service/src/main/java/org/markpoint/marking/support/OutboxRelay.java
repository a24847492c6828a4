package org.markpoint.marking.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the events that documents owe (their {@code outbox} array) and removes each once the broker acknowledged
 * it. At-least-once: a crash between send and removal republishes, and consumers drop the duplicate by event id.
 * <p>
 * Writers tell the relay which documents they just wrote with events owed ({@link #owed}); those are fetched by id
 * on the next poll. A full sweep for any document with a non-empty outbox (left by a crash or by another instance)
 * runs at start-up and then every {@code markpoint.outbox.sweep-ms} (5 min): the embedded MongoDB-wire server has no
 * secondary indexes, so that query scans and locks the whole collection, and scanning every 100 ms starved every
 * write to it (a 10,000-answer batch took 350 s instead of 33 s).
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String FIELD = "outbox";
    private static final int MAX_IDS_PER_POLL = 2_000;
    private static final long RETRY_MS = 5_000;
    private static final int SWEEP_PAGE = 200;

    private record Owed(String collection, Object id) {
    }

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final List<String> collections;
    private final long sweepMs;
    private final Queue<Owed> owed = new ConcurrentLinkedQueue<>();
    private long nextSweep;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka,
                       @Value("${markpoint.outbox.collections}") List<String> collections,
                       @Value("${markpoint.outbox.sweep-ms:300000}") long sweepMs) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.sweepMs = sweepMs;
    }

    /** The document {@code id} of {@code collection} was written with events owed: publish them soon. */
    public void owed(String collection, Object id) {
        owed.add(new Owed(collection, id));
    }

    @Scheduled(fixedDelayString = "${markpoint.outbox.poll-ms:100}")
    public synchronized void relay() {
        relayOwed();
        if (System.currentTimeMillis() >= nextSweep) {
            nextSweep = System.currentTimeMillis() + sweepMs;
            for (String collection : collections) {
                relay(collection);
            }
        }
    }

    /** Publishes pending events of one collection found by a full sweep; returns how many documents were done. */
    public synchronized int relay(String collection) {
        Query pending = new Query(Criteria.where(FIELD + ".0").exists(true)).limit(SWEEP_PAGE);
        List<Document> docs = mongo.find(pending, Document.class, collection);
        int done = publish(collection, docs);
        if (done < docs.size()) {
            nextSweep = Math.min(nextSweep, System.currentTimeMillis() + RETRY_MS);
        } else if (docs.size() == SWEEP_PAGE) {
            nextSweep = 0; // a full page: there may be more, sweep again on the next poll
        }
        return done;
    }

    private void relayOwed() {
        Map<String, List<Object>> ids = new LinkedHashMap<>();
        Owed next;
        for (int i = 0; i < MAX_IDS_PER_POLL && (next = owed.poll()) != null; i++) {
            ids.computeIfAbsent(next.collection(), c -> new ArrayList<>()).add(next.id());
        }
        ids.forEach((collection, docIds) -> {
            List<Document> docs = new ArrayList<>();
            for (Object id : docIds) {
                Document doc = mongo.findById(id, Document.class, collection);
                if (doc != null && !doc.getList(FIELD, Document.class, List.of()).isEmpty()) {
                    docs.add(doc);
                }
            }
            int done = publish(collection, docs);
            // the broker did not take them: try again on a later poll
            docs.subList(done, docs.size()).forEach(d -> owed(collection, d.get("_id")));
        });
    }

    /**
     * Sends every entry of the documents (in order, so per-key order holds), waits for the broker, then removes the
     * sent entries. Returns how many documents were done; on a failure nothing from that document on is removed.
     */
    private int publish(String collection, List<Document> docs) {
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>();
        for (Document doc : docs) {
            for (Document entry : doc.getList(FIELD, Document.class, List.of())) {
                sends.add(kafka.send(entry.getString("topic"), entry.getString("key"), entry.getString("payload")));
            }
        }
        int i = 0;
        for (int d = 0; d < docs.size(); d++) {
            Document doc = docs.get(d);
            for (Document entry : doc.getList(FIELD, Document.class, List.of())) {
                try {
                    sends.get(i++).get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    log.warn("outbox: publishing {} failed, will retry: {}", entry.getString("eventId"), e.toString());
                    return d;
                }
                mongo.updateFirst(new Query(Criteria.where("_id").is(doc.get("_id"))),
                        new Update().pull(FIELD, new Document("eventId", entry.getString("eventId"))), collection);
            }
        }
        return docs.size();
    }
}

package org.markpoint.marking.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the events that documents owe (their {@code outbox} array) and removes each once the broker acknowledged
 * it. At-least-once: a crash between send and removal republishes, and consumers drop the duplicate by event id.
 *
 * <p>Writers tell the relay which documents they just wrote with events owed ({@link #owed}); those are fetched by id
 * on the next poll. A full sweep for any document with a non-empty outbox (left by a crash or by another instance)
 * runs at start-up and then every {@code markpoint.outbox.sweep-ms} (5 min): the embedded MongoDB-wire server has no
 * secondary indexes, so that query scans and locks the whole collection, and scanning every 100 ms starved every
 * write to it (a 10,000-answer batch took 350 s instead of 33 s).
 *
 * <p>A page of entries is sent without waiting for each acknowledgement (the producer is idempotent and keeps
 * per-partition order), then each document gives up the entries acknowledged in order, up to its first failure. On
 * shutdown the relay flushes once more after the web server and listeners have stopped, before the producer closes.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String FIELD = "outbox";
    private static final int PAGE = 200;
    private static final int MAX_IDS_PER_POLL = 2_000;
    private static final long RETRY_MS = 5_000;
    /** Longer than the producer's delivery timeout, so each send ends as delivered or failed, never "unknown". */
    private static final Duration ACK_WAIT = Duration.ofSeconds(40);
    private static final Duration FLUSH_ON_STOP = Duration.ofSeconds(10);
    /** How long a request waits for the broker in {@link #publishNow} before leaving the rest to the poll. */
    private static final Duration PUBLISH_NOW_WAIT = Duration.ofSeconds(2);

    private record Owed(String collection, Object id) {
    }

    private record Pending(Object docId, String eventId, CompletableFuture<?> ack) {
    }

    /** What one pass did: documents it finished, entries it published. */
    private record Outcome(int documentsDone, int published) {
    }

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final List<String> collections;
    private final long sweepMs;
    private final Queue<Owed> owed = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private long nextSweep;
    private volatile boolean running;
    /** False from a failed send until the next acknowledged one: requests then leave publishing to the poll. */
    private volatile boolean brokerTakingSends = true;

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

    /**
     * Publishes {@code entries}, the events document {@code id} was just written with (or just read with), on the
     * caller's thread, waiting up to 2 s for the broker, so that a client sending a learner's next answer only after
     * this one was accepted finds the two on the learner's partition in that order, whichever instance marked each
     * (the poll alone runs on its own schedule per instance, and could let a later answer marked elsewhere overtake
     * this one). The caller hands the entries over rather than the relay reading the document back: one database
     * round trip less per request. If the poll already published some of them, they go out twice, which consumers
     * drop by event id (at-least-once, as everywhere here). While the broker refuses sends, or if it does not
     * acknowledge in time, the document stays owed and the poll publishes it. Returns whether all of it went out.
     */
    public boolean publishNow(String collection, Object id, List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return true;
        }
        if (!brokerTakingSends) {
            owed(collection, id);
            return false;
        }
        List<Document> owedEntries = entries.stream().map(e -> new Document("eventId", e.eventId())
                .append("topic", e.topic()).append("key", e.key()).append("payload", e.payload())).toList();
        Document doc = new Document("_id", id).append(FIELD, owedEntries);
        if (publish(collection, List.of(doc), PUBLISH_NOW_WAIT).documentsDone() == 1) {
            return true;
        }
        owed(collection, id);
        return false;
    }

    @Scheduled(fixedDelayString = "${markpoint.outbox.poll-ms:100}")
    public void relay() {
        lock.lock();
        try {
            relayOwed(ACK_WAIT);
            if (System.currentTimeMillis() >= nextSweep) {
                nextSweep = System.currentTimeMillis() + sweepMs;
                for (String collection : collections) {
                    sweep(collection, ACK_WAIT);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Publishes pending events of one collection found by a full sweep; returns how many were published. */
    public int relay(String collection) {
        lock.lock();
        try {
            return sweep(collection, ACK_WAIT).published();
        } finally {
            lock.unlock();
        }
    }

    private Outcome sweep(String collection, Duration ackWait) {
        Query pending = new Query(Criteria.where(FIELD + ".0").exists(true)).limit(PAGE);
        List<Document> docs = mongo.find(pending, Document.class, collection);
        Outcome outcome = publish(collection, docs, ackWait);
        if (outcome.documentsDone() < docs.size()) {
            nextSweep = Math.min(nextSweep, System.currentTimeMillis() + RETRY_MS);
        } else if (docs.size() == PAGE) {
            nextSweep = 0; // a full page: there may be more, sweep again on the next poll
        }
        return outcome;
    }

    private int relayOwed(Duration ackWait) {
        Map<String, List<Object>> ids = new LinkedHashMap<>();
        Owed next;
        for (int i = 0; i < MAX_IDS_PER_POLL && (next = owed.poll()) != null; i++) {
            ids.computeIfAbsent(next.collection(), c -> new ArrayList<>()).add(next.id());
        }
        int published = 0;
        for (Map.Entry<String, List<Object>> e : ids.entrySet()) {
            String collection = e.getKey();
            List<Document> docs = new ArrayList<>();
            for (Object id : e.getValue()) {
                Document doc = mongo.findById(id, Document.class, collection);
                if (doc != null && !doc.getList(FIELD, Document.class, List.of()).isEmpty()) {
                    docs.add(doc);
                }
            }
            Outcome outcome = publish(collection, docs, ackWait);
            // the broker did not take them: try again on a later poll
            docs.subList(outcome.documentsDone(), docs.size()).forEach(d -> owed(collection, d.get("_id")));
            published += outcome.published();
        }
        return published;
    }

    /**
     * Sends the documents' entries (in order, so per-key order holds) without waiting for each, then removes each
     * acknowledged entry; a document's entries after its first failure stay owed, as do the documents after it.
     */
    private Outcome publish(String collection, List<Document> docs, Duration ackWait) {
        List<List<Pending>> byDocument = new ArrayList<>();
        boolean brokerRefused = false;
        for (Document doc : docs) {
            List<Pending> sends = new ArrayList<>();
            for (Document entry : doc.getList(FIELD, Document.class, List.of())) {
                CompletableFuture<?> ack = send(entry);
                sends.add(new Pending(doc.get("_id"), entry.getString("eventId"), ack));
                // a send refused at once (no metadata: the broker is away) would block the next ones just as long
                if (ack.isCompletedExceptionally()) {
                    brokerRefused = true;
                    break;
                }
            }
            byDocument.add(sends);
            if (brokerRefused) {
                break;
            }
        }
        long deadline = System.nanoTime() + ackWait.toNanos();
        int published = 0;
        int done = 0;
        for (List<Pending> sends : byDocument) {
            for (Pending p : sends) {
                if (!acknowledged(p, deadline)) {
                    return new Outcome(done, published);
                }
                mongo.updateFirst(new Query(Criteria.where("_id").is(p.docId())),
                        new Update().pull(FIELD, new Document("eventId", p.eventId())), collection);
                published++;
            }
            done++;
        }
        return new Outcome(done, published);
    }

    private int relayAll(Duration ackWait) {
        lock.lock();
        try {
            int published = relayOwed(ackWait);
            for (String collection : collections) {
                published += sweep(collection, ackWait).published();
            }
            return published;
        } finally {
            lock.unlock();
        }
    }

    private CompletableFuture<?> send(Document entry) {
        try {
            return kafka.send(entry.getString("topic"), entry.getString("key"), entry.getString("payload"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private boolean acknowledged(Pending p, long deadline) {
        try {
            p.ack().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            brokerTakingSends = true;
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            brokerTakingSends = false;
            log.warn("outbox: publishing {} failed, will retry: {}", p.eventId(), e.toString());
            return false;
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Last flush: whatever is still owed after in-flight requests and listeners finished goes out now. */
    @Override
    public void stop() {
        running = false;
        // bounded: a broker or database already gone must not hold the shutdown up
        Thread flush = Thread.ofVirtual().name("outbox-flush").start(this::flush);
        try {
            if (!flush.join(FLUSH_ON_STOP.plusSeconds(1))) {
                log.warn("outbox: flush on shutdown did not finish; what is owed goes out on the next start");
                flush.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void flush() {
        long deadline = System.nanoTime() + FLUSH_ON_STOP.toNanos();
        try {
            if (!lock.tryLock(FLUSH_ON_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("outbox: no flush on shutdown (a pass is still waiting for the broker); "
                        + "what is owed goes out on the next start");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            int published;
            do {
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                published = relayAll(left);
            } while (published > 0 && System.nanoTime() < deadline);
        } catch (RuntimeException e) {
            log.warn("outbox: flush on shutdown stopped early; the rest goes out on the next start: {}", e.toString());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (graceful shutdown) and listener containers, before the Kafka producer. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}

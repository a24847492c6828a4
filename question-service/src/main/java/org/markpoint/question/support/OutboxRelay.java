package org.markpoint.question.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 * <p>A page of entries is sent without waiting for each acknowledgement (the producer is idempotent and keeps
 * per-partition order), then each document gives up the entries acknowledged in order, up to its first failure. On
 * shutdown the relay flushes once more after the web server and listeners have stopped, before the producer closes.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String FIELD = "outbox";
    private static final int PAGE = 200;
    /** Longer than the producer's delivery timeout, so each send ends as delivered or failed, never "unknown". */
    private static final Duration ACK_WAIT = Duration.ofSeconds(40);
    private static final Duration FLUSH_ON_STOP = Duration.ofSeconds(10);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final List<String> collections;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean running;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka,
                       @Value("${markpoint.outbox.collections}") List<String> collections) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
    }

    @Scheduled(fixedDelayString = "${markpoint.outbox.poll-ms:100}")
    public void relay() {
        relayAll(ACK_WAIT);
    }

    /** Publishes pending events of one collection; returns how many were published. */
    public int relay(String collection) {
        lock.lock();
        try {
            return relayPage(collection, ACK_WAIT);
        } finally {
            lock.unlock();
        }
    }

    private int relayAll(Duration ackWait) {
        lock.lock();
        try {
            int published = 0;
            for (String collection : collections) {
                published += relayPage(collection, ackWait);
            }
            return published;
        } finally {
            lock.unlock();
        }
    }

    private record Pending(Object docId, String eventId, CompletableFuture<?> ack) {
    }

    private int relayPage(String collection, Duration ackWait) {
        Query due = new Query(Criteria.where(FIELD + ".0").exists(true)).limit(PAGE);
        List<List<Pending>> byDocument = new ArrayList<>();
        boolean brokerRefused = false;
        for (Document doc : mongo.find(due, Document.class, collection)) {
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
        for (List<Pending> sends : byDocument) {
            for (Pending p : sends) {
                if (!acknowledged(p, deadline)) {
                    break; // the rest of this document stays owed and goes again after it (consumers drop repeats)
                }
                mongo.updateFirst(new Query(Criteria.where("_id").is(p.docId())),
                        new Update().pull(FIELD, new Document("eventId", p.eventId())), collection);
                published++;
            }
        }
        return published;
    }

    private CompletableFuture<?> send(Document entry) {
        try {
            return kafka.send(entry.getString("topic"), entry.getString("key"), entry.getString("payload"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static boolean acknowledged(Pending p, long deadline) {
        try {
            p.ack().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
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

package org.markpoint.progress.support;

import java.time.Clock;
import java.util.Date;
import java.util.List;
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
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the events that documents owe (their {@code outbox} array) and removes each once the broker acknowledged
 * it. At-least-once: a crash between send and removal republishes, and consumers drop the duplicate by event id.
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String FIELD = "outbox";

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final List<String> collections;
    private final Clock clock;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka,
                       @Value("${markpoint.outbox.collections}") List<String> collections, Clock clock) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${markpoint.outbox.poll-ms:100}")
    public void relay() {
        for (String collection : collections) {
            relay(collection);
        }
    }

    /** Publishes pending events of one collection; returns how many were published. */
    public int relay(String collection) {
        Date now = Date.from(clock.instant());
        // only documents owing an entry that is due, so held-back entries cannot crowd the due ones out of the page
        Query pending = new Query(Criteria.where(FIELD).elemMatch(new Criteria().orOperator(
                Criteria.where("notBefore").exists(false), Criteria.where("notBefore").lte(now)))).limit(200);
        int published = 0;
        for (Document doc : mongo.find(pending, Document.class, collection)) {
            for (Document entry : doc.getList(FIELD, Document.class, List.of())) {
                Date notBefore = entry.getDate("notBefore");
                if (notBefore != null && notBefore.after(now)) {
                    continue;
                }
                try {
                    kafka.send(entry.getString("topic"), entry.getString("key"), entry.getString("payload"))
                            .get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    log.warn("outbox: publishing {} failed, will retry: {}", entry.getString("eventId"), e.toString());
                    return published;
                }
                mongo.updateFirst(new Query(Criteria.where("_id").is(doc.get("_id"))),
                        new Update().pull(FIELD, new Document("eventId", entry.getString("eventId"))), collection);
                published++;
            }
        }
        return published;
    }
}

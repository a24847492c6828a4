package org.markpoint.marking.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.markpoint.marking.support.ServiceUnavailableException;
import org.markpoint.model.event.Topics;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Service;

/**
 * Dead letters of every {@code .dlt} topic in the cluster (whichever service's listener gave up on them): list,
 * inspect, replay. A replay publishes the same payload under the same key to the original topic, so every consumer
 * group sees it again; consumers are idempotent, so a group that had applied it drops it and one that failed on it
 * applies it once. Each dead letter is replayed at most once through this API (recorded in
 * {@code dead_letter_replays}); a second request answers with the first replay.
 */
@Service
public class DeadLetters {

    static final List<String> TOPICS = Topics.ALL.stream().map(Topics::deadLetter).toList();
    private static final Pattern ID = Pattern.compile("^(.+\\.dlt)-(\\d{1,9})-(\\d{1,18})$");
    static final String REPLAYED_FROM_HEADER = "markpoint_replayed-from";

    /** The outcome of a replay request; {@code alreadyReplayed} when an earlier request did it. */
    public record ReplayOutcome(DeadLetter deadLetter, boolean alreadyReplayed) {
    }

    private final DeadLetterReader reader;
    private final KafkaTemplate<String, String> kafka;
    private final MongoTemplate mongo;
    private final Clock clock;

    DeadLetters(DeadLetterReader reader, KafkaTemplate<String, String> kafka, MongoTemplate mongo, Clock clock) {
        this.reader = reader;
        this.kafka = kafka;
        this.mongo = mongo;
        this.clock = clock;
    }

    static String id(String topic, int partition, long offset) {
        return topic + "-" + partition + "-" + offset;
    }

    static String originalTopic(String deadLetterTopic) {
        return deadLetterTopic.endsWith(".dlt")
                ? deadLetterTopic.substring(0, deadLetterTopic.length() - 4) : deadLetterTopic;
    }

    /** The known dead-letter topic for {@code topic} (given as the original or the {@code .dlt} name), if any. */
    public static Optional<String> deadLetterTopic(String topic) {
        String dlt = topic.endsWith(".dlt") ? topic : Topics.deadLetter(topic);
        return TOPICS.contains(dlt) ? Optional.of(dlt) : Optional.empty();
    }

    public List<DeadLetter> list(Optional<String> topic, int limit) {
        List<String> topics = topic.map(List::of).orElse(TOPICS);
        List<DeadLetter> found = kafka(() -> reader.newest(topics, limit));
        Map<String, DeadLetterReplay> replays = replays(found.stream().map(DeadLetter::id).toList());
        return found.stream().map(d -> Optional.ofNullable(replays.get(d.id()))
                .map(r -> d.withReplay(r.view())).orElse(d).summary()).toList();
    }

    public Optional<DeadLetter> find(String id) {
        Matcher m = ID.matcher(id);
        if (!m.matches() || !TOPICS.contains(m.group(1))) {
            return Optional.empty();
        }
        Optional<DeadLetter> found = kafka(() -> reader.find(m.group(1), Integer.parseInt(m.group(2)),
                Long.parseLong(m.group(3))));
        return found.map(d -> Optional.ofNullable(mongo.findById(id, DeadLetterReplay.class))
                .map(r -> d.withReplay(r.view())).orElse(d));
    }

    public Optional<ReplayOutcome> replay(String id) {
        Optional<DeadLetter> found = find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DeadLetter dead = found.get();
        if (dead.replay() != null) {
            return Optional.of(new ReplayOutcome(dead, true));
        }
        ProducerRecord<String, String> copy = new ProducerRecord<>(dead.originalTopic(), dead.key(), dead.payload());
        copy.headers().add(REPLAYED_FROM_HEADER, id.getBytes(StandardCharsets.UTF_8));
        SendResult<String, String> sent = kafka(() -> {
            try {
                return kafka.send(copy).get(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException(e);
            } catch (Exception e) {
                throw new KafkaException("replay of " + id + " was not acknowledged", e);
            }
        });
        DeadLetterReplay replay = new DeadLetterReplay(id, sent.getRecordMetadata().topic(),
                sent.getRecordMetadata().partition(), sent.getRecordMetadata().offset(), clock.instant());
        try {
            mongo.insert(replay);
        } catch (DuplicateKeyException raced) {
            // a concurrent request replayed it too; consumers drop the second copy by event id
            DeadLetterReplay first = mongo.findById(id, DeadLetterReplay.class);
            return Optional.of(new ReplayOutcome(dead.withReplay(first.view()), true));
        }
        return Optional.of(new ReplayOutcome(dead.withReplay(replay.view()), false));
    }

    private Map<String, DeadLetterReplay> replays(List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return mongo.find(new Query(Criteria.where("_id").in(ids)), DeadLetterReplay.class).stream()
                .collect(Collectors.toMap(DeadLetterReplay::id, Function.identity()));
    }

    private static <T> T kafka(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (KafkaException e) {
            throw new ServiceUnavailableException("the Kafka broker is not answering: " + e.getMessage(), e);
        }
    }
}

package org.markpoint.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;
import org.bson.Document;
import org.markpoint.model.event.AnswerMarked;
import org.markpoint.model.event.EventCodec;
import org.markpoint.model.event.Topics;

/**
 * The services' side of the ledger, read straight from their databases and from the topic: for the answers the
 * driver saw accepted, how many have a mark, how many count in mastery, and how many count twice.
 */
final class Ledger implements AutoCloseable {

    private static final String TENANT = "demo";
    private static final EventCodec CODEC = new EventCodec();

    /** sent/accepted from the driver; the rest from marking- and progress-service's stores. */
    record Counts(int sent, int accepted, int marked, int inMastery, int lost, int duplicated,
                  int answerMarkedRecords, int answerMarkedDistinct) {

        String line(String scenario) {
            return String.format("%s: sent %d, accepted %d, marked %d, in mastery %d, lost %d, duplicated %d"
                    + " (AnswerMarked on the topic: %d records for %d marks, %d duplicate records absorbed)", scenario, sent,
                    accepted, marked, inMastery, lost, duplicated, answerMarkedRecords, answerMarkedDistinct,
                    answerMarkedRecords - answerMarkedDistinct);
        }
    }

    private final MongoClient mongo;
    private final String kafkaBootstrap;

    Ledger(String mongoUri, String kafkaBootstrap) {
        this.mongo = MongoClients.create(mongoUri);
        this.kafkaBootstrap = kafkaBootstrap;
    }

    Counts count(LoadDriver.Report report, Collection<LoadDriver.Accepted> accepted, boolean readTopic) {
        Set<String> markIds = accepted.stream().map(LoadDriver.Accepted::markId).collect(Collectors.toSet());
        Set<String> learners = accepted.stream().map(LoadDriver.Accepted::learnerId).collect(Collectors.toSet());

        // marks: one document per accepted answer, and none besides them for these learners
        List<Document> marks = mongo.getDatabase("markpoint-marking").getCollection("marks")
                .find(Filters.in("learnerId", learners)).projection(new Document("_id", 1)).into(new ArrayList<>());
        Set<String> markDocs = marks.stream().map(d -> d.getString("_id")).collect(Collectors.toSet());
        int marked = (int) markIds.stream().filter(markDocs::contains).count();
        int extraMarks = marks.size() - marked;

        // mastery: each accepted mark is evidence exactly once
        Map<String, Integer> evidence = new HashMap<>();
        List<String> progressIds = learners.stream().map(l -> TENANT + ":" + l).toList();
        for (Document doc : mongo.getDatabase("markpoint-progress").getCollection("learner_progress")
                .find(Filters.in("_id", progressIds))) {
            Document progress = doc.get("progress", Document.class);
            for (Document response : progress.getList("responses", Document.class, List.of())) {
                evidence.merge(response.getString("markId"), 1, Integer::sum);
            }
        }
        int inMastery = (int) markIds.stream().filter(evidence::containsKey).count();
        int doubleCounted = evidence.values().stream().mapToInt(n -> n - 1).sum();
        int unknownEvidence = (int) evidence.keySet().stream().filter(id -> !markIds.contains(id)).count();

        int records = 0;
        int distinct = 0;
        if (readTopic) {
            List<String> marked2 = answerMarkedFor(new HashSet<>(learners));
            records = marked2.size();
            distinct = new HashSet<>(marked2).size();
        }
        return new Counts(report.sent(), report.accepted(), marked, inMastery, report.accepted() - inMastery,
                extraMarks + doubleCounted + unknownEvidence, records, distinct);
    }

    /** Waits until the ledger stops moving (every accepted answer in mastery, or 4 minutes), then counts and prints. */
    Counts settle(String scenario, LoadDriver.Report report, Map<String, LoadDriver.Accepted> accepted) {
        try {
            await(scenario + ": every accepted answer in mastery").atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> count(report, accepted.values(), false).inMastery() == report.accepted());
        } catch (ConditionTimeoutException e) {
            System.out.println(scenario + ": the ledger did not balance in time");
        }
        Counts counts = count(report, accepted.values(), true);
        System.out.println(counts.line(scenario));
        return counts;
    }

    /** Every answer sent was accepted and marked once, and counts in mastery exactly once. */
    static void assertBalanced(Counts counts, LoadDriver.Report report) {
        assertThat(report.gaveUp()).as("answers the driver gave up on").isZero();
        assertThat(report.refused()).as("answers refused").isZero();
        assertThat(counts.accepted()).as("accepted").isEqualTo(counts.sent());
        assertThat(counts.marked()).as("marked").isEqualTo(counts.accepted());
        assertThat(counts.lost()).as("lost").isZero();
        assertThat(counts.duplicated()).as("duplicated").isZero();
    }

    /**
     * Learners whose mastery history (the marks in the order progress-service applied them) is not the order the
     * driver sent their answers in, each with both orders; empty when every history is in answer order.
     */
    List<String> outOfOrder(Collection<LoadDriver.Accepted> accepted) {
        Map<String, List<String>> sent = accepted.stream()
                .sorted(java.util.Comparator.comparingInt(LoadDriver.Accepted::sequence))
                .collect(Collectors.groupingBy(LoadDriver.Accepted::learnerId, java.util.LinkedHashMap::new,
                        Collectors.mapping(LoadDriver.Accepted::markId, Collectors.toList())));
        List<String> wrong = new ArrayList<>();
        for (Document doc : mongo.getDatabase("markpoint-progress").getCollection("learner_progress")
                .find(Filters.in("_id", sent.keySet().stream().map(l -> TENANT + ":" + l).toList()))) {
            Document progress = doc.get("progress", Document.class);
            List<String> applied = progress.getList("responses", Document.class, List.of()).stream()
                    .map(r -> r.getString("markId")).toList();
            List<String> expected = sent.get(progress.getString("learnerId"));
            if (!applied.equals(expected)) {
                wrong.add(progress.getString("learnerId") + ": applied " + applied + ", answered " + expected);
            }
        }
        return wrong;
    }

    /** How many marks marking-service holds for these learners. */
    long marksOf(Collection<String> learners) {
        return mongo.getDatabase("markpoint-marking").getCollection("marks")
                .countDocuments(Filters.in("learnerId", learners));
    }

    /** Mark ids of every AnswerMarked record on the topic for these learners, duplicates included. */
    private List<String> answerMarkedFor(Set<String> learners) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(Topics.ANSWER_MARKED, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    if (learners.contains(r.key()) && CODEC.decode(r.value()).body() instanceof AnswerMarked m) {
                        ids.add(m.markId());
                    }
                }
            }
        }
        return ids;
    }

    @Override
    public void close() {
        mongo.close();
    }
}

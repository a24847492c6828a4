package org.markpoint.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three-broker KRaft cluster {@code ./markpoint start --scale N} runs: topics replicated three times with
 * min.insync.replicas 2 keep taking writes with one broker stopped, and nothing acknowledged is lost.
 */
class DevKafkaClusterIT {

    private static final String TOPIC = "markpoint.cluster-check.v1";
    private static final int RECORDS = 2_000;
    private static final int LEARNERS = 50;

    @TempDir
    Path dataDir;

    @Test
    void givenThreeBrokers_whenOneStopsMidLoad_thenEveryAcknowledgedRecordIsReadOnceInKeyOrder() throws Exception {
        int[] ports = FreePorts.pick(6);
        String voters = "1@127.0.0.1:" + ports[1] + ",2@127.0.0.1:" + ports[3] + ",3@127.0.0.1:" + ports[5];
        // each node's startup waits for a controller quorum, so they start together
        List<CompletableFuture<DevKafkaBroker>> starting = IntStream.range(0, 3)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> startNode(ports[2 * i], ports[2 * i + 1],
                        new DevKafkaBroker.Cluster(i + 1, voters, 3))))
                .toList();
        List<DevKafkaBroker> brokers = new ArrayList<>();
        for (CompletableFuture<DevKafkaBroker> f : starting) {
            brokers.add(f.get(180, TimeUnit.SECONDS));
        }
        String bootstrap = String.join(",", brokers.stream().map(DevKafkaBroker::bootstrapServers).toList());
        try {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 3))).all().get(60, TimeUnit.SECONDS);
                TopicDescription topic = describeOnceKnown(admin);
                assertThat(topic.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
            }

            List<Future<RecordMetadata>> acks = new ArrayList<>();
            try (var producer = new KafkaProducer<String, String>(producerConfig(bootstrap))) {
                for (int i = 0; i < RECORDS; i++) {
                    if (i == RECORDS / 2) {
                        producer.flush();
                        brokers.get(1).close(); // one of three stops mid-load
                    }
                    acks.add(producer.send(new ProducerRecord<>(TOPIC, "learner-" + i % LEARNERS, String.valueOf(i))));
                }
                producer.flush();
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(60, TimeUnit.SECONDS); // every send acknowledged by the in-sync replicas
            }

            Map<String, List<Integer>> byLearner = readAll(bootstrap);
            List<Integer> all = byLearner.values().stream().flatMap(List::stream).sorted().toList();
            assertThat(all).as("lost or duplicated records").isEqualTo(IntStream.range(0, RECORDS).boxed().toList());
            assertThat(byLearner.values()).as("per-learner order").allSatisfy(seq -> assertThat(seq).isSorted());
        } finally {
            // The last node of a combined broker+controller cluster cannot finish a controlled shutdown: fencing
            // itself needs a controller quorum that has just gone, and Kafka waits five minutes for it. The data is
            // on disk already, so the test waits a bounded time and leaves that wait to run out in the background.
            List<CompletableFuture<Void>> closing = brokers.stream()
                    .map(b -> CompletableFuture.runAsync(b::close)).toList();
            try {
                CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException stillFencing) {
                // expected for the last node; see above
            }
        }
    }

    private DevKafkaBroker startNode(int port, int controllerPort, DevKafkaBroker.Cluster cluster) {
        try {
            return DevKafkaBroker.start(port, controllerPort, dataDir.resolve("kafka-" + cluster.nodeId()), cluster);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The topic's description once the broker that answers knows it: a new topic reaches each broker's metadata a
     * moment after the controller created it, and until then describing it fails with UnknownTopicOrPartition.
     */
    private static TopicDescription describeOnceKnown(Admin admin) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return admin.describeTopics(List.of(TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS).get(TOPIC);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static Map<String, Object> producerConfig(String bootstrap) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
    }

    /** Reads the topic from the start with a fresh group until every record arrived or a minute passed. */
    private static Map<String, List<Integer>> readAll(String bootstrap) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        Map<String, List<Integer>> seen = new HashMap<>();
        int count = 0;
        try (var consumer = new KafkaConsumer<String, String>(config)) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (count < RECORDS && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    seen.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(Integer.parseInt(r.value()));
                    count++;
                }
            }
        }
        return seen;
    }
}

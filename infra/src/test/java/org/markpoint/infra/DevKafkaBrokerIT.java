package org.markpoint.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevKafkaBrokerIT {

    private static final String TOPIC = "markpoint.it-check.v1";

    @TempDir
    Path dataDir;

    @Test
    void givenFreshDataDir_whenStartedProducedAndRestarted_thenRecordAndTopicSurvive() throws Exception {
        int[] ports = FreePorts.pick(2);

        try (DevKafkaBroker broker = DevKafkaBroker.start(ports[0], ports[1], dataDir)) {
            try (var producer = new KafkaProducer<String, String>(producerConfig(broker.bootstrapServers()))) {
                // the topic does not exist yet: the broker creates it (auto.create.topics.enable)
                producer.send(new ProducerRecord<>(TOPIC, "learner-1", "hello")).get(30, TimeUnit.SECONDS);
            }
            assertThat(readAll(broker.bootstrapServers())).containsExactly("learner-1=hello");
        }

        assertThat(dataDir.resolve("log/meta.properties")).exists();
        assertThat(dataDir.resolve("cluster.id")).exists();

        try (DevKafkaBroker restarted = DevKafkaBroker.start(ports[0], ports[1], dataDir);
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, restarted.bootstrapServers()))) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertThat(topics).contains(TOPIC);
            assertThat(admin.describeTopics(List.of(TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(TOPIC).partitions()).hasSize(3);
            assertThat(readAll(restarted.bootstrapServers())).containsExactly("learner-1=hello");
        }
    }

    private static Map<String, Object> producerConfig(String bootstrap) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all");
    }

    /** Reads the topic from the start with a fresh group until one record arrives (bounded). */
    private static List<String> readAll(String bootstrap) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(config)) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(record.key() + "=" + record.value());
                }
            }
        }
        return seen;
    }
}

package org.markpoint.question.api;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.markpoint.model.event.EventCodec;
import org.markpoint.model.event.MarkpointEvent;
import org.markpoint.model.event.Topics;
import org.markpoint.question.support.TestMongo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One running question-service (real Kafka broker, MongoDB-wire server, empty bank) shared by the API tests that
 * extend this, so they pay for one context. Tests keep to their own ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=question-service", "markpoint.bank.load-sample=false"})
@EmbeddedKafka(partitions = 1, topics = Topics.QUESTION)
abstract class BankApiTestBase {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("spring.mongodb.uri", TestMongo::uri);
        r.add("spring.mongodb.database", () -> "question-api-it");
        r.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    static JsonNode body(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    static String etag(HttpResponse<String> r) {
        return r.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + r));
    }

    /** Waits until at least {@code count} events keyed {@code key} are on the question topic; returns them in order. */
    List<MarkpointEvent> events(String key, int count) {
        try (Consumer<String, String> consumer = new KafkaConsumer<>(
                KafkaTestUtils.consumerProps(broker, "it-" + UUID.randomUUID(), true), new StringDeserializer(),
                new StringDeserializer())) {
            broker.consumeFromAnEmbeddedTopic(consumer, Topics.QUESTION);
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500)).forEach(seen::add);
                return seen.stream().filter(r -> key.equals(r.key())).count() >= count;
            });
            EventCodec codec = new EventCodec();
            return seen.stream().filter(r -> key.equals(r.key())).map(r -> (MarkpointEvent) codec.decode(r.value())
                    .body()).toList();
        }
    }
}

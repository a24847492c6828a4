package org.markpoint.marking.api;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.markpoint.marking.support.TestMongo;
import org.markpoint.model.event.EventCodec;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * marking-service running against a real Kafka broker and the MongoDB-wire server. The API test classes extend it so
 * they share one application context (one start-up) instead of each starting its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=marking-service")
@EmbeddedKafka(partitions = 1, topics = {Topics.QUESTION, Topics.ANSWER_MARKED})
abstract class RunningService {

    protected static final EventCodec CODEC = new EventCodec();
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("spring.mongodb.uri", TestMongo::uri);
        r.add("spring.mongodb.database", () -> "marking-it");
        r.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        r.add("markpoint.webhooks.poll-ms", () -> "100");
        r.add("markpoint.webhooks.first-retry", () -> "200ms");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @Autowired
    protected EmbeddedKafkaBroker broker;

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    protected static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    protected void publish(EventEnvelope<?> e) throws Exception {
        kafka.send(e.topic(), e.key(), CODEC.encode(e)).get();
    }

    /** Reads {@code answer-marked} events (from the start, as consumer group {@code group}) until {@code done}. */
    protected List<Object> awaitMarkEvents(String group, Predicate<List<Object>> done) {
        try (Consumer<String, String> c = new KafkaConsumer<>(KafkaTestUtils.consumerProps(broker, group, true),
                new StringDeserializer(), new StringDeserializer())) {
            broker.consumeFromAnEmbeddedTopic(c, Topics.ANSWER_MARKED);
            List<Object> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                KafkaTestUtils.getRecords(c, Duration.ofMillis(500))
                        .forEach(r -> seen.add(CODEC.decode(r.value()).body()));
                return done.test(seen);
            });
            return seen;
        }
    }
}

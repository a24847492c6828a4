package org.markpoint.progress.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.markpoint.model.event.AnswerMarked;
import org.markpoint.model.event.EventCodec;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.MarkOverridden;
import org.markpoint.model.event.MarkpointEvent;
import org.markpoint.model.event.OutcomeEvidence;
import org.markpoint.model.event.Topics;
import org.markpoint.progress.support.Http;
import org.markpoint.progress.support.TestMongo;
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

/** progress-service against a real Kafka broker and the MongoDB-wire server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=progress-service")
@EmbeddedKafka(partitions = 1, topics = {Topics.ANSWER_MARKED, Topics.ANSWER_MARKED + ".dlt", Topics.MASTERY})
class MarkEventsIT {

    private static final EventCodec CODEC = new EventCodec();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("spring.mongodb.uri", TestMongo::uri);
        r.add("spring.mongodb.database", () -> "progress-it");
        r.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EmbeddedKafkaBroker broker;

    private static AnswerMarked marked(String markId, String learner, int mark, int max) {
        return new AnswerMarked(markId, markId, learner, "q1", 1, mark, max, List.of(), List.of(),
                List.of(new OutcomeEvidence("lo-1", mark, max)), 0.8, "");
    }

    private void send(EventEnvelope<?> envelope) throws Exception {
        kafka.send(envelope.topic(), envelope.key(), CODEC.encode(envelope)).get();
    }

    private JsonNode masteryOf(String learner) {
        HttpResponse<String> r = Http.get("http://127.0.0.1:" + port + "/api/v1/progress/learners/" + learner
                + "/mastery");
        return r.statusCode() == 200 ? JSON.readTree(r.body()).at("/outcomes/0") : JSON.missingNode();
    }

    @Test
    void givenTheSameEventTwice_whenConsumed_thenCountedOnce() throws Exception {
        EventEnvelope<AnswerMarked> event = EventEnvelope.wrap("demo", marked("m-dup", "dup-learner", 2, 2),
                Instant.now());
        send(event);
        send(event);
        send(EventEnvelope.wrap("demo", marked("m-after", "dup-learner", 2, 2), Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> masteryOf("dup-learner").path("evidence").asInt() == 2);
        assertThat(masteryOf("dup-learner").path("evidence").asInt()).isEqualTo(2);
    }

    @Test
    void givenPartialAndFullCredit_whenConsumed_thenPartialMovesMasteryLess() throws Exception {
        send(EventEnvelope.wrap("demo", marked("m-full", "full-learner", 5, 5), Instant.now()));
        send(EventEnvelope.wrap("demo", marked("m-part", "part-learner", 3, 5), Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> masteryOf("full-learner").has("mastery")
                && masteryOf("part-learner").has("mastery"));
        assertThat(masteryOf("part-learner").get("mastery").asDouble())
                .isLessThan(masteryOf("full-learner").get("mastery").asDouble());
    }

    @Test
    void givenAnOverride_whenConsumed_thenItReplacesTheEvidenceInsteadOfAdding() throws Exception {
        send(EventEnvelope.wrap("demo", marked("m-low", "appeal-learner", 0, 4), Instant.now()));
        send(EventEnvelope.wrap("demo", marked("m-ref", "reference-learner", 4, 4), Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> masteryOf("appeal-learner").has("mastery")
                && masteryOf("reference-learner").has("mastery"));
        double before = masteryOf("appeal-learner").get("mastery").asDouble();

        send(EventEnvelope.wrap("demo", new MarkOverridden("m-low", "appeal-learner", "q1", 0, 4, 4,
                List.of(new OutcomeEvidence("lo-1", 4, 4)), "missed a point", "tutor-1"), Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> masteryOf("appeal-learner").get("mastery").asDouble()
                > before);
        JsonNode after = masteryOf("appeal-learner");
        assertThat(after.get("evidence").asInt()).isEqualTo(1);
        assertThat(after.get("mastery").asDouble()).isEqualTo(masteryOf("reference-learner").get("mastery").asDouble());
    }

    @Test
    void givenAPoisonMessage_whenConsumed_thenDeadLetteredWithReasonAndThePartitionKeepsFlowing() throws Exception {
        kafka.send(Topics.ANSWER_MARKED, "poison-learner", "{not json").get();
        send(EventEnvelope.wrap("demo", marked("m-next", "poison-learner", 1, 1), Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> masteryOf("poison-learner").has("mastery"));
        try (Consumer<String, String> dlt = new KafkaConsumer<>(KafkaTestUtils.consumerProps(broker, "dlt-it", true),
                new StringDeserializer(), new StringDeserializer())) {
            broker.consumeFromAnEmbeddedTopic(dlt, Topics.deadLetter(Topics.ANSWER_MARKED));
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                KafkaTestUtils.getRecords(dlt, Duration.ofMillis(500)).forEach(seen::add);
                return !seen.isEmpty();
            });
            ConsumerRecord<String, String> dead = seen.getFirst();
            assertThat(dead.value()).isEqualTo("{not json");
            assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value()))
                    .contains("not JSON");
        }
    }

    @Test
    void givenAMark_whenApplied_thenMasteryUpdatedIsPublished() throws Exception {
        send(EventEnvelope.wrap("demo", marked("m-pub", "pub-learner", 1, 2), Instant.now()));
        try (Consumer<String, String> c = new KafkaConsumer<>(KafkaTestUtils.consumerProps(broker, "mastery-it", true),
                new StringDeserializer(), new StringDeserializer())) {
            broker.consumeFromAnEmbeddedTopic(c, Topics.MASTERY);
            List<EventEnvelope<MarkpointEvent>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                KafkaTestUtils.getRecords(c, Duration.ofMillis(500)).forEach(r -> seen.add(CODEC.decode(r.value())));
                return seen.stream().anyMatch(e -> e.key().equals("pub-learner"));
            });
        }
    }

    @Test
    void givenAnUnknownLearner_whenMasteryRequested_then404Problem() {
        HttpResponse<String> r = Http.get("http://127.0.0.1:" + port + "/api/v1/progress/learners/nobody/mastery");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
    }
}

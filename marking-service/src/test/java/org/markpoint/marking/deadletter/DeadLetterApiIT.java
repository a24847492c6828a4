package org.markpoint.marking.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.markpoint.marking.marks.MarkingService;
import org.markpoint.marking.support.Http;
import org.markpoint.marking.support.TestMongo;
import org.markpoint.model.event.AnswerMarked;
import org.markpoint.model.event.AnswerSubmitted;
import org.markpoint.model.event.EventCodec;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.QuestionPublished;
import org.markpoint.model.event.Topics;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Poison messages end to end: a malformed event and an answer to a question not published yet land on the dead-letter
 * topic with their reason while the partition keeps flowing; once the question is published, a replay through the
 * admin API marks the answer exactly once, and a second replay changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=marking-service")
@EmbeddedKafka(partitions = 1, topics = Topics.ANSWER_MARKED)
class DeadLetterApiIT {

    private static final EventCodec CODEC = new EventCodec();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MarkingScheme SCHEME = new MarkingScheme("State one benefit of feedback.", "state", 1, "",
            List.of(MarkingPoint.of("a", "improvement")), List.of(), List.of());

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("spring.mongodb.uri", TestMongo::uri);
        r.add("spring.mongodb.database", () -> "marking-dlt-it");
        r.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MarkingService marking;

    @Autowired
    MongoTemplate mongo;

    private String admin() {
        return "http://127.0.0.1:" + port + "/api/v1/admin/dead-letters";
    }

    @BeforeEach
    void questionPublished() {
        publish(EventEnvelope.wrap("demo", new QuestionPublished("q-known", 1, "u1", List.of("lo-1"), SCHEME),
                Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> marking.scheme("demo", "q-known").isPresent());
    }

    private void publish(EventEnvelope<?> e) {
        send(e.topic(), e.key(), CODEC.encode(e));
    }

    private void send(String topic, String key, String value) {
        try {
            kafka.send(topic, key, value).get();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private long marksOf(String learner) {
        return mongo.count(new Query(Criteria.where("learnerId").is(learner)), "marks");
    }

    private List<JsonNode> deadLettersWithKey(String key) {
        HttpResponse<String> r = Http.get(admin() + "?topic=" + Topics.ANSWER_SUBMITTED + "&limit=500");
        assertThat(r.statusCode()).isEqualTo(200);
        List<JsonNode> mine = new ArrayList<>();
        JSON.readTree(r.body()).get("items").forEach(i -> {
            if (key.equals(i.path("key").asString(""))) {
                mine.add(i);
            }
        });
        return mine;
    }

    private static EventEnvelope<AnswerSubmitted> submitted(String answerId, String learner, String question) {
        return EventEnvelope.wrap("demo", new AnswerSubmitted(answerId, learner, question,
                "Feedback drives improvement.", ""), Instant.now());
    }

    @Test
    void givenAMalformedEvent_whenConsumed_thenDeadLetteredWithItsReason_andTheNextEventOnThePartitionIsMarked() {
        String learner = "poison-" + UUID.randomUUID();
        send(Topics.ANSWER_SUBMITTED, learner, "{\"eventId\": not json");
        publish(submitted("after-" + learner, learner, "q-known"));

        await().atMost(Duration.ofSeconds(30)).until(() -> marksOf(learner) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLettersWithKey(learner).size() == 1);
        JsonNode listed = deadLettersWithKey(learner).getFirst();
        assertThat(listed.get("originalTopic").asString()).isEqualTo(Topics.ANSWER_SUBMITTED);
        assertThat(listed.at("/reason/message").asString()).contains("not JSON");
        assertThat(listed.has("payload")).as("the list leaves payloads out").isFalse();

        HttpResponse<String> one = Http.get(admin() + "/" + listed.get("id").asString());
        assertThat(one.statusCode()).isEqualTo(200);
        JsonNode detail = JSON.readTree(one.body());
        assertThat(detail.get("payload").asString()).isEqualTo("{\"eventId\": not json");
        assertThat(detail.at("/headers/kafka_dlt-original-topic").asString()).isEqualTo(Topics.ANSWER_SUBMITTED);
        assertThat(detail.at("/headers/kafka_dlt-exception-stacktrace").asString()).isNotEmpty();
        assertThat(detail.get("consumerGroup").asString()).isEqualTo("marking-service");
    }

    @Test
    void givenAnAnswerToAQuestionNotYetPublished_whenPublishedAndReplayed_thenMarkedExactlyOnce() {
        String learner = "replay-" + UUID.randomUUID();
        String question = "q-later-" + UUID.randomUUID();
        EventEnvelope<AnswerSubmitted> answer = submitted("answer-" + learner, learner, question);
        publish(answer);
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLettersWithKey(learner).size() == 1);
        JsonNode dead = deadLettersWithKey(learner).getFirst();
        assertThat(dead.get("eventId").asString()).isEqualTo(answer.eventId().toString());
        assertThat(dead.at("/reason/message").asString()).contains(question).contains("not published");
        assertThat(dead.has("replay")).isFalse();
        assertThat(marksOf(learner)).isZero();

        // the fix: the question is published after all
        publish(EventEnvelope.wrap("demo", new QuestionPublished(question, 1, "u1", List.of("lo-1"), SCHEME),
                Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> marking.scheme("demo", question).isPresent());

        String replay = admin() + "/" + dead.get("id").asString() + "/replay";
        HttpResponse<String> first = Http.postJson(replay, "");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).get("alreadyReplayed").asBoolean()).isFalse();
        assertThat(JSON.readTree(first.body()).at("/replay/topic").asString()).isEqualTo(Topics.ANSWER_SUBMITTED);
        await().atMost(Duration.ofSeconds(30)).until(() -> marksOf(learner) == 1);

        HttpResponse<String> second = Http.postJson(replay, "");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(second.body()).get("alreadyReplayed").asBoolean()).isTrue();
        assertThat(deadLettersWithKey(learner)).singleElement()
                .satisfies(d -> assertThat(d.at("/replay/at").asString()).isNotEmpty());

        // the same answer once more (a replay of a replay, a producer retry): still one mark, one AnswerMarked
        publish(submitted(answer.body().answerId(), learner, question));
        publish(submitted("sentinel-" + learner, learner, "q-known"));
        List<AnswerMarked> marks = answerMarkedUpTo("sentinel-" + learner);
        assertThat(marks).filteredOn(m -> m.answerId().equals(answer.body().answerId())).hasSize(1);
        assertThat(marksOf(learner)).isEqualTo(2); // the replayed answer and the sentinel
    }

    @Test
    void givenBadRequests_whenAsked_thenProblemsNamingTheField() {
        HttpResponse<String> unknown = Http.get(admin() + "/markpoint.answer-submitted.v1.dlt-0-999999");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                c -> assertThat(c).contains("application/problem+json"));
        assertThat(Http.get(admin() + "/not-an-id").statusCode()).isEqualTo(404);
        assertThat(Http.postJson(admin() + "/markpoint.nowhere.dlt-0-0/replay", "").statusCode()).isEqualTo(404);

        HttpResponse<String> badLimit = Http.get(admin() + "?limit=0");
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badLimit.body()).contains("limit");
        HttpResponse<String> badTopic = Http.get(admin() + "?topic=markpoint.nowhere.v1");
        assertThat(badTopic.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badTopic.body()).at("/errors/0/field").asString()).isEqualTo("topic");
    }

    private List<AnswerMarked> answerMarkedUpTo(String sentinel) {
        try (Consumer<String, String> c = new KafkaConsumer<>(KafkaTestUtils.consumerProps(broker,
                "marked-" + UUID.randomUUID(), true), new StringDeserializer(), new StringDeserializer())) {
            broker.consumeFromAnEmbeddedTopic(c, Topics.ANSWER_MARKED);
            List<AnswerMarked> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                KafkaTestUtils.getRecords(c, Duration.ofMillis(300))
                        .forEach(r -> seen.add((AnswerMarked) CODEC.decode(r.value()).body()));
                return seen.stream().anyMatch(m -> m.answerId().equals(sentinel));
            });
            return seen;
        }
    }
}

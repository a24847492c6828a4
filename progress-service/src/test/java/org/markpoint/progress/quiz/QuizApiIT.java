package org.markpoint.progress.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.markpoint.model.event.AnswerMarked;
import org.markpoint.model.event.AnswerSubmitted;
import org.markpoint.model.event.EventCodec;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.MarkOverridden;
import org.markpoint.model.event.OutcomeEvidence;
import org.markpoint.model.event.QuestionPublished;
import org.markpoint.model.event.QuestionRetired;
import org.markpoint.model.event.Topics;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.progress.catalog.QuestionCatalog;
import org.markpoint.progress.support.Http;
import org.markpoint.progress.support.StubMarkingService;
import org.markpoint.progress.support.StubMarkingService.Mode;
import org.markpoint.progress.support.StubMarkingService.Question;
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

/**
 * The quiz API over real HTTP, against a real Kafka broker, the MongoDB-wire server and a stand-in marking-service:
 * the catalog fills from {@code QuestionPublished}, answers are marked synchronously, marks and mastery arrive as
 * events, and slow marking falls back to {@code AnswerSubmitted}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.config.name=progress-service",
    "resilience4j.timelimiter.instances.marking.timeout-duration=800ms"})
@EmbeddedKafka(partitions = 1, topics = {Topics.QUESTION, Topics.ANSWER_SUBMITTED, Topics.ANSWER_MARKED,
    Topics.MASTERY})
class QuizApiIT {

    private static final EventCodec CODEC = new EventCodec();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Question> BANK = Map.of(
            "qa-state", new Question("lo-a", 1), "qa-describe", new Question("lo-a", 2),
            "qa-explain", new Question("lo-a", 3), "qb-state", new Question("lo-b", 1),
            "qb-describe", new Question("lo-b", 2), "qb-explain", new Question("lo-b", 3));
    private static final StubMarkingService MARKING = new StubMarkingService(BANK);

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("spring.mongodb.uri", TestMongo::uri);
        r.add("spring.mongodb.database", () -> "progress-quiz-it");
        r.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        r.add("markpoint.marking.url", MARKING::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    QuestionCatalog catalog;

    @AfterAll
    static void stopStub() {
        MARKING.close();
    }

    @BeforeEach
    void bankPublishedAndMarkingHealthy() {
        MARKING.mode(Mode.NORMAL);
        breakers.circuitBreaker("marking").reset();
        MARKING.announceWith(e -> kafka.send(e.topic(), e.key(), CODEC.encode(e)));
        BANK.forEach((id, q) -> {
            String word = id.substring(id.indexOf('-') + 1);
            MarkingScheme scheme = new MarkingScheme(word + " something about " + q.outcome(), word, q.maxMarks(), "",
                    List.of(MarkingPoint.of("a", "the key idea")), List.of(), List.of());
            send(EventEnvelope.wrap("demo", new QuestionPublished(id, 1, "unit-quiz", List.of(q.outcome()), scheme),
                    Instant.now()));
        });
        send(EventEnvelope.wrap("demo", new QuestionPublished("qc-only", 1, "unit-other", List.of("lo-c"),
                new MarkingScheme("State c.", "state", 1, "", List.of(MarkingPoint.of("a", "c")), List.of(),
                        List.of())), Instant.now()));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private void send(EventEnvelope<?> e) {
        try {
            kafka.send(e.topic(), e.key(), CODEC.encode(e)).get();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + "/api/v1/progress" + path;
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> answer(String quizId, String itemId, String text, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("/quizzes/" + quizId + "/items/" + itemId
                + "/answer"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("answer", text).toString()));
        if (!key.isEmpty()) {
            b.header("Idempotency-Key", key);
        }
        return Http.send(b.build());
    }

    /** Starts a quiz once the catalog has caught up with the bank events. */
    private JsonNode startQuiz(String body) {
        List<HttpResponse<String>> last = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            last.add(0, Http.postJson(url("/quizzes"), body));
            return last.getFirst().statusCode() == 201;
        });
        HttpResponse<String> created = last.getFirst();
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .isEqualTo("/api/v1/progress/quizzes/" + json(created).get("quizId").asString()));
        return json(created);
    }

    private JsonNode quiz(String quizId) {
        return json(Http.get(url("/quizzes/" + quizId)));
    }

    private int evidenceOf(String learner) {
        HttpResponse<String> r = Http.get(url("/learners/" + learner + "/mastery"));
        if (r.statusCode() != 200) {
            return 0;
        }
        int sum = 0;
        for (JsonNode o : json(r).get("outcomes")) {
            sum += o.get("evidence").asInt();
        }
        return sum;
    }

    private static void assertProblem(HttpResponse<String> r, int status, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        if (field != null) {
            assertThat(json(r).at("/errors/0/field").asString()).as(r.body()).isEqualTo(field);
        }
    }

    // ---- the quiz ------------------------------------------------------------------------------------------------

    @Test
    void givenAUnitWithPublishedQuestions_whenALearnerAnswersWell_thenTheQuizRunsToTheEndWithASummary() {
        String learner = "quiz-learner-" + UUID.randomUUID();
        JsonNode quiz = startQuiz("{\"learnerId\": \"" + learner + "\", \"unitId\": \"unit-quiz\"}");
        String quizId = quiz.get("quizId").asString();
        assertThat(quiz.get("status").asString()).isEqualTo("active");
        assertThat(quiz.at("/scope/outcomes")).extracting(JsonNode::asString).containsExactly("lo-a", "lo-b");
        assertThat(quiz.at("/current/commandWord").asString()).isEqualTo("state");
        assertThat(quiz.at("/current/commandWordGuidance").asString()).startsWith("State:");
        assertThat(quiz.at("/current/stem").asString()).contains("something about");

        List<String> asked = new ArrayList<>();
        for (int n = 1; quiz.get("status").asString().equals("active"); n++) {
            assertThat(n).as("items asked").isLessThanOrEqualTo(10);
            JsonNode current = quiz.get("current");
            asked.add(current.get("questionId").asString());
            HttpResponse<String> marked = answer(quizId, current.get("itemId").asString(), "the right answer",
                    "tab-1-" + n);
            assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);
            assertThat(json(marked).get("status").asString()).isEqualTo("marked");
            assertThat(json(marked).at("/mark/mark").asInt()).isEqualTo(json(marked).at("/mark/maxMarks").asInt());
            assertThat(json(marked).at("/mastery/0/outcomeId").asString()).startsWith("lo-");
            int answered = n;
            // mastery moves by event; the next choice should see this answer
            await().atMost(Duration.ofSeconds(20)).until(() -> evidenceOf(learner) == answered);
            quiz = json(Http.post(url("/quizzes/" + quizId + "/next"), "application/json", ""));
        }

        assertThat(asked).hasSize(6).doesNotHaveDuplicates();
        assertThat(asked.subList(0, 2)).allMatch(q -> q.endsWith("-state"));
        assertThat(quiz.get("current")).isNull();
        assertThat(quiz.at("/summary/stopReason").asString()).isEqualTo("all-classified");
        assertThat(quiz.at("/summary/mastered")).extracting(JsonNode::asString).containsExactly("lo-a", "lo-b");
        assertThat(quiz.at("/summary/reviews")).hasSize(2);
        assertThat(quiz.get("items")).allSatisfy(i -> assertThat(i.get("status").asString()).isEqualTo("marked"));
        await().atMost(Duration.ofSeconds(20)).until(() -> quiz(quizId).at("/items/0/markId").asString()
                .equals("mark-" + quizId + ":item-1"));

        String lastItem = quiz.at("/items/5/itemId").asString();
        assertProblem(answer(quizId, lastItem, "again", "tab-2"), 409, null);
        assertThat(json(answer(quizId, lastItem, "again", "tab-2")).get("detail").asString()).contains("finished");
        assertThat(json(Http.post(url("/quizzes/" + quizId + "/next"), "application/json", ""))
                .get("status").asString()).isEqualTo("finished");
    }

    @Test
    void givenSlowMarking_whenAnswered_thenAcceptedAsPendingAnswerSubmittedIsPublishedAndTheMarkArrivesLater() {
        String learner = "slow-learner-" + UUID.randomUUID();
        JsonNode quiz = startQuiz("{\"learnerId\": \"" + learner + "\", \"outcomes\": [\"lo-b\"], \"maxItems\": 3}");
        String quizId = quiz.get("quizId").asString();
        String itemId = quiz.at("/current/itemId").asString();
        MARKING.mode(Mode.SLOW);

        HttpResponse<String> pending = answer(quizId, itemId, "the right answer, slowly", "slow-1");

        assertThat(pending.statusCode()).as(pending.body()).isEqualTo(202);
        assertThat(json(pending).get("status").asString()).isEqualTo("pending");
        assertThat(json(pending).get("message").asString()).contains("saved");
        assertThat(answer(quizId, itemId, "the right answer, slowly", "slow-1").statusCode()).isEqualTo(202);
        assertProblem(answer(quizId, itemId, "a different answer", "slow-2"), 409, null);
        assertThat(quiz(quizId).at("/items/0/status").asString()).isEqualTo("mark-pending");

        AnswerSubmitted submitted = awaitSubmitted(quizId + ":" + itemId);
        assertThat(submitted.answer()).isEqualTo("the right answer, slowly");
        assertThat(submitted.learnerId()).isEqualTo(learner);
        assertThat(submitted.quizId()).isEqualTo(quizId);

        // marking-service marks it from the event and announces the mark
        send(EventEnvelope.wrap("demo", new AnswerMarked("async-mark-1", submitted.answerId(), learner,
                submitted.questionId(), 1, 1, 1, List.of("a"), List.of(), List.of(new OutcomeEvidence("lo-b", 1, 1)),
                0.9, quizId), Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> quiz(quizId).at("/items/0/status").asString()
                .equals("marked"));
        JsonNode item = quiz(quizId).at("/items/0");
        assertThat(item.get("markId").asString()).isEqualTo("async-mark-1");
        assertThat(item.get("mark").asInt()).isEqualTo(1);
        assertThat(item.get("pointsHit")).extracting(JsonNode::asString).containsExactly("a");
        HttpResponse<String> retry = answer(quizId, itemId, "the right answer, slowly", "slow-1");
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(json(retry).at("/mark/markId").asString()).isEqualTo("async-mark-1");
    }

    private AnswerSubmitted awaitSubmitted(String answerId) {
        try (Consumer<String, String> c = new KafkaConsumer<>(KafkaTestUtils.consumerProps(broker,
                "submitted-" + UUID.randomUUID(), true), new StringDeserializer(), new StringDeserializer())) {
            broker.consumeFromAnEmbeddedTopic(c, Topics.ANSWER_SUBMITTED);
            List<AnswerSubmitted> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                KafkaTestUtils.getRecords(c, Duration.ofMillis(300))
                        .forEach(r -> seen.add((AnswerSubmitted) CODEC.decode(r.value()).body()));
                return seen.stream().anyMatch(s -> s.answerId().equals(answerId));
            });
            assertThat(seen.stream().filter(s -> s.answerId().equals(answerId))).hasSize(1);
            return seen.stream().filter(s -> s.answerId().equals(answerId)).findFirst().orElseThrow();
        }
    }

    @Test
    void givenMarkingDown_whenAnswered_thenPendingAndTheCircuitOpensAfterRepeatedFailures() {
        MARKING.mode(Mode.DOWN);
        for (int i = 0; i < 10; i++) {
            JsonNode quiz = startQuiz("{\"learnerId\": \"down-" + i + "-" + UUID.randomUUID()
                    + "\", \"outcomes\": [\"lo-a\"]}");
            HttpResponse<String> r = answer(quiz.get("quizId").asString(), quiz.at("/current/itemId").asString(),
                    "right", "");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        }
        int callsWhenOpen = MARKING.calls();
        JsonNode quiz = startQuiz("{\"learnerId\": \"down-open\", \"outcomes\": [\"lo-a\"]}");

        HttpResponse<String> r = answer(quiz.get("quizId").asString(), quiz.at("/current/itemId").asString(),
                "right", "");

        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(breakers.circuitBreaker("marking").getState().name()).isEqualTo("OPEN");
        assertThat(MARKING.calls()).as("an open circuit does not call marking-service").isEqualTo(callsWhenOpen);
    }

    @Test
    void givenMarkingRefusesTheAnswer_whenAnswered_then409AndTheItemCanBeAnsweredAgain() {
        JsonNode quiz = startQuiz("{\"learnerId\": \"refused-" + UUID.randomUUID() + "\", \"outcomes\": [\"lo-a\"]}");
        String quizId = quiz.get("quizId").asString();
        String itemId = quiz.at("/current/itemId").asString();
        MARKING.mode(Mode.REFUSING);

        HttpResponse<String> refused = answer(quizId, itemId, "right", "r-1");

        assertProblem(refused, 409, null);
        assertThat(json(refused).get("detail").asString()).contains("retired");
        assertThat(quiz(quizId).at("/current/itemId").asString()).isEqualTo(itemId);
        MARKING.mode(Mode.NORMAL);
        assertThat(answer(quizId, itemId, "right", "r-2").statusCode()).isEqualTo(200);
    }

    // ---- bad input -----------------------------------------------------------------------------------------------

    @Test
    void givenBadQuizRequests_whenPosted_then400ProblemsNamingTheField() {
        startQuiz("{\"learnerId\": \"warm-up\", \"unitId\": \"unit-quiz\"}");
        Map<String, String> cases = Map.of(
                "{\"learnerId\": \"" + "l".repeat(201) + "\", \"unitId\": \"unit-quiz\"}", "learnerId",
                "{\"learnerId\": \"l\"}", "unitId",
                "{\"learnerId\": \"l\", \"unitId\": \"unit-quiz\", \"outcomes\": [\"lo-a\"]}", "outcomes",
                "{\"learnerId\": \"l\", \"unitId\": \"unit-quiz\", \"maxItems\": 0}", "maxItems",
                "{\"learnerId\": \"l\", \"unitId\": \"unit-quiz\", \"maxItems\": 51}", "maxItems",
                "{\"learnerId\": \"l\", \"unitId\": \"unit-quiz\", \"targetMastery\": 0.2}", "targetMastery",
                "{\"learnerId\": \"l\", \"unitId\": \"unit-quiz\", \"maxItems\": \"many\"}", "maxItems",
                "{\"learnerId\": \"l\", \"outcomes\": [\"\"]}", "outcomes[0]");
        cases.forEach((body, field) -> assertProblem(Http.postJson(url("/quizzes"), body), 400, field));
        assertProblem(Http.postJson(url("/quizzes"), "{not json"), 400, null);
        assertThat(Http.post(url("/quizzes"), "text/plain", "hi").statusCode()).isEqualTo(415);
    }

    @Test
    void givenAScopeWithoutPublishedQuestions_whenAQuizIsStarted_then404() {
        startQuiz("{\"learnerId\": \"warm-up\", \"unitId\": \"unit-other\"}");

        assertProblem(Http.postJson(url("/quizzes"), "{\"learnerId\": \"l\", \"unitId\": \"no-such-unit\"}"), 404,
                null);
        HttpResponse<String> r = Http.postJson(url("/quizzes"),
                "{\"learnerId\": \"l\", \"outcomes\": [\"lo-a\", \"lo-nowhere\"]}");
        assertProblem(r, 404, null);
        assertThat(json(r).get("detail").asString()).contains("lo-nowhere");
    }

    @Test
    void givenUnknownQuizOrItem_whenUsed_then404Problems() {
        assertProblem(Http.get(url("/quizzes/no-such-quiz")), 404, null);
        assertProblem(Http.post(url("/quizzes/no-such-quiz/next"), "application/json", ""), 404, null);
        assertProblem(answer("no-such-quiz", "item-1", "x", ""), 404, null);
        JsonNode quiz = startQuiz("{\"learnerId\": \"unknown-item\", \"unitId\": \"unit-quiz\"}");
        HttpResponse<String> r = answer(quiz.get("quizId").asString(), "item-99", "x", "");
        assertProblem(r, 404, null);
        assertThat(json(r).get("detail").asString()).contains("item-99");
    }

    @Test
    void givenAnAnsweredItem_whenAnsweredAgain_thenSameKeyGetsTheSameMarkAndAnotherKeyA409() {
        JsonNode quiz = startQuiz("{\"learnerId\": \"twice-" + UUID.randomUUID() + "\", \"unitId\": \"unit-quiz\"}");
        String quizId = quiz.get("quizId").asString();
        String itemId = quiz.at("/current/itemId").asString();
        assertProblem(answer(quizId, itemId, "  ", "k"), 400, "answer");
        assertProblem(answer(quizId, itemId, "x".repeat(20_001), "k"), 400, "answer");

        HttpResponse<String> first = answer(quizId, itemId, "the right answer", "tab-1");
        HttpResponse<String> retry = answer(quizId, itemId, "the right answer", "tab-1");
        HttpResponse<String> otherTab = answer(quizId, itemId, "another answer", "tab-2");
        HttpResponse<String> noKey = answer(quizId, itemId, "another answer", "");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(json(retry).at("/mark/markId").asString()).isEqualTo(json(first).at("/mark/markId").asString());
        assertProblem(otherTab, 409, null);
        assertProblem(noKey, 409, null);
        assertThat(quiz(quizId).get("items")).hasSize(1);
    }

    @Test
    void givenTheCurrentQuestionRetired_whenNextIsCalled_thenAnotherLiveQuestionReplacesIt() {
        for (String id : List.of("qr-1", "qr-2")) {
            send(EventEnvelope.wrap("demo", new QuestionPublished(id, 1, "unit-retire", List.of("lo-r"),
                    new MarkingScheme("State " + id + ".", "state", 1, "", List.of(MarkingPoint.of("a", "r")),
                            List.of(), List.of()), "Scenario for " + id), Instant.now()));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> catalog.live("demo", "qr-1").isPresent()
                && catalog.live("demo", "qr-2").isPresent());
        JsonNode quiz = startQuiz("{\"learnerId\": \"retire-" + UUID.randomUUID()
                + "\", \"unitId\": \"unit-retire\"}");
        String quizId = quiz.get("quizId").asString();
        String first = quiz.at("/current/questionId").asString();
        assertThat(quiz.at("/current/context").asString()).isEqualTo("Scenario for " + first);

        send(EventEnvelope.wrap("demo", new QuestionRetired(first, 1), Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> !json(Http.post(url("/quizzes/" + quizId + "/next"),
                "application/json", "")).at("/current/questionId").asString().equals(first));

        JsonNode after = quiz(quizId);
        assertThat(after.at("/current/questionId").asString()).isIn("qr-1", "qr-2").isNotEqualTo(first);
        assertThat(after.get("items")).hasSize(1);
        assertThat(after.at("/items/0/itemId").asString()).isEqualTo("item-2");
    }

    @Test
    void givenAnUnansweredItem_whenNextIsCalledAgain_thenTheSameItemStays() {
        JsonNode quiz = startQuiz("{\"learnerId\": \"idle-" + UUID.randomUUID() + "\", \"unitId\": \"unit-quiz\"}");
        String quizId = quiz.get("quizId").asString();

        JsonNode again = json(Http.post(url("/quizzes/" + quizId + "/next"), "application/json", ""));

        assertThat(again.at("/current/itemId").asString()).isEqualTo(quiz.at("/current/itemId").asString());
        assertThat(again.get("items")).hasSize(1);
    }

    @Test
    void givenAMarkedItem_whenATutorOverridesTheMark_thenTheQuizShowsTheTutorsMark() {
        String learner = "override-" + UUID.randomUUID();
        JsonNode quiz = startQuiz("{\"learnerId\": \"" + learner + "\", \"outcomes\": [\"lo-a\"], \"maxItems\": 3}");
        String quizId = quiz.get("quizId").asString();
        HttpResponse<String> marked = answer(quizId, quiz.at("/current/itemId").asString(), "a wrong answer", "ov-1");
        assertThat(json(marked).at("/mark/mark").asInt()).isZero();
        String markId = json(marked).at("/mark/markId").asString();
        int max = json(marked).at("/mark/maxMarks").asInt();

        send(EventEnvelope.wrap("demo", new MarkOverridden(markId, learner, quiz.at("/current/questionId").asString(),
                0, max, max, List.of(new OutcomeEvidence("lo-a", max, max)), "the key idea is there", "tutor-1"),
                Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> quiz(quizId).at("/items/0/mark").asInt() == max);
        assertThat(quiz(quizId).at("/items/0/overridden").asBoolean()).isTrue();
        assertThat(quiz(quizId).at("/items/0/markId").asString()).isEqualTo(markId);
    }
}

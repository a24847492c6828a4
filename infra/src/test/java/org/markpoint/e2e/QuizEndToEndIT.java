package org.markpoint.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.markpoint.testing.TestCredentials.sendAsStaff;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.markpoint.marking.MarkingApplication;
import org.markpoint.model.event.Topics;
import org.markpoint.progress.ProgressApplication;
import org.markpoint.question.QuestionApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.markpoint.testing.TestCredentials;

/**
 * An adaptive quiz taken end to end across the three real services over a real Kafka broker: questions authored in
 * question-service reach progress-service's catalog and marking-service's schemes by events; each answer is marked
 * synchronously by marking-service, except one sent while progress-service's circuit to marking is held open, which
 * travels as {@code AnswerSubmitted} and comes back as {@code AnswerMarked}; mastery moves and the quiz ends with a
 * summary.
 */
class QuizEndToEndIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String UNIT = "unit-e2e-quiz";
    /** question id -> {outcome, command word, stem, marking points JSON, an answer that earns the marks}. */
    private static final Map<String, String[]> BANK = new LinkedHashMap<>();

    static {
        BANK.put("e2e-listen-state", new String[] {"lo-listening", "state", "State one active listening technique.",
            "[{\"id\": \"a\", \"text\": \"paraphrasing\", \"accept\": [\"paraphrase\", \"paraphrasing\"],"
                + " \"marks\": 1}]",
            "Paraphrasing what the customer said."});
        BANK.put("e2e-listen-describe", new String[] {"lo-listening", "describe",
            "Describe how you show a customer you are listening.",
            "[{\"id\": \"a\", \"text\": \"eye contact\", \"accept\": [\"eye contact\"], \"marks\": 1},"
                + " {\"id\": \"b\", \"text\": \"summarise\", \"accept\": [\"summarise\", \"summarising\"],"
                + " \"marks\": 1}]",
            "I keep eye contact with the customer and I summarise what they told me at the end."});
        BANK.put("e2e-listen-explain", new String[] {"lo-listening", "explain",
            "Explain why active listening improves customer service.",
            "[{\"id\": \"a\", \"text\": \"understand needs\", \"accept\": [\"needs\"], \"marks\": 1},"
                + " {\"id\": \"b\", \"text\": \"feel valued\", \"accept\": [\"valued\"], \"marks\": 1}]",
            "Listening helps staff understand the customer's needs, because they hear the whole problem, so the "
                + "customer feels valued and therefore trusts the service."});
        BANK.put("e2e-complaint-state", new String[] {"lo-complaints", "state",
            "State one step in handling a complaint.",
            "[{\"id\": \"a\", \"text\": \"apologise\", \"accept\": [\"apologise\", \"apology\"], \"marks\": 1}]",
            "Apologise to the customer."});
        BANK.put("e2e-complaint-describe", new String[] {"lo-complaints", "describe",
            "Describe what happens after a complaint is resolved.",
            "[{\"id\": \"a\", \"text\": \"record\", \"accept\": [\"record\"], \"marks\": 1},"
                + " {\"id\": \"b\", \"text\": \"follow up\", \"accept\": [\"follow up\"], \"marks\": 1}]",
            "The complaint is recorded in the log and a colleague will follow up with the customer a week later."});
        BANK.put("e2e-complaint-explain", new String[] {"lo-complaints", "explain",
            "Explain why handling complaints well matters.",
            "[{\"id\": \"a\", \"text\": \"loyalty\", \"accept\": [\"loyal\", \"loyalty\"], \"marks\": 1},"
                + " {\"id\": \"b\", \"text\": \"reputation\", \"accept\": [\"reputation\"], \"marks\": 1}]",
            "A complaint handled well keeps the customer loyal because they see we care, so the business protects "
                + "its reputation and therefore keeps more customers."});
    }

    private static EmbeddedKafkaKraftBroker kafka;
    private static MongoServer mongo;
    private static final List<ConfigurableApplicationContext> services = new ArrayList<>();
    private static String question;
    private static String marking;
    private static String progress;
    private static CircuitBreaker progressToMarking;

    @BeforeAll
    static void startStack() {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        List<String> topics = new ArrayList<>(Topics.ALL);
        Topics.ALL.forEach(t -> topics.add(Topics.deadLetter(t)));
        kafka = new EmbeddedKafkaKraftBroker(1, 3, topics.toArray(String[]::new));
        kafka.afterPropertiesSet();
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        List<String> common = List.of(
            "--server.port=0",
            "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort(),
            "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
            "--markpoint.bank.load-sample=false",
            "--markpoint.security.internal-secret=" + TestCredentials.SECRET);
        question = url(start(QuestionApplication.builder(), common));
        marking = url(start(MarkingApplication.builder(), common));
        List<String> progressArgs = new ArrayList<>(common);
        progressArgs.add("--markpoint.marking.url=" + marking);
        ConfigurableApplicationContext progressContext = start(ProgressApplication.builder(), progressArgs);
        progress = url(progressContext);
        progressToMarking = progressContext.getBean(CircuitBreakerRegistry.class).circuitBreaker("marking");
    }

    private static ConfigurableApplicationContext start(SpringApplicationBuilder builder, List<String> args) {
        ConfigurableApplicationContext context = builder.run(args.toArray(String[]::new));
        services.add(context);
        return context;
    }

    private static String url(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stopStack() {
        Collections.reverse(services);
        services.forEach(ConfigurableApplicationContext::close);
        mongo.shutdownNow();
        kafka.destroy();
    }

    private static HttpResponse<String> post(String url, String json, String idempotencyKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (!idempotencyKey.isEmpty()) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return sendAsStaff(b);
    }

    private static JsonNode get(String url) {
        return JSON.readTree(sendAsStaff(HttpRequest.newBuilder(URI.create(url)).GET()).body());
    }

    private static int evidence(String learner) {
        HttpResponse<String> r = sendAsStaff(HttpRequest.newBuilder(URI.create(progress + "/api/v1/progress/learners/"
                + learner + "/mastery")).GET());
        int sum = 0;
        if (r.statusCode() == 200) {
            for (JsonNode o : JSON.readTree(r.body()).get("outcomes")) {
                sum += o.get("evidence").asInt();
            }
        }
        return sum;
    }

    private static void authorBank() {
        BANK.forEach((id, q) -> {
            HttpResponse<String> created = post(question + "/api/v1/questions", """
                {"id": "%s", "unitId": "%s", "learningOutcomes": ["%s"],
                 "scheme": {"stem": "%s", "commandWord": "%s", "maxMarks": %d, "markingPoints": %s}}
                """.formatted(id, UNIT, q[0], q[2], q[1], JSON.readTree(q[3]).size(), q[3]), "");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        });
        // both readers learn the bank from QuestionPublished: marking-service can mark each question ...
        BANK.keySet().forEach(id -> await().atMost(Duration.ofSeconds(30)).until(() -> post(marking
                + "/api/v1/marking/mark", "{\"answer\": \"probe\", \"questionId\": \"" + id + "\"}", "")
                .statusCode() == 200));
    }

    @Test
    void givenAUnitAuthoredInTheBank_whenALearnerTakesAnAdaptiveQuiz_thenEveryAnswerIsMarkedAndTheQuizEnds() {
        authorBank();
        String learner = "e2e-quiz-learner";
        // ... and progress-service has them in its catalog: it learns them from QuestionPublished on partitions
        // keyed by question id, so a quiz started too early could meet a "describe" before its "state" arrived and
        // rightly begin deeper. A probe learner's quiz shows when the shallow question is there.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> probe = post(progress + "/api/v1/progress/quizzes", "{\"learnerId\": \"e2e-probe-"
                    + System.nanoTime() + "\", \"unitId\": \"" + UNIT + "\", \"maxItems\": 1}", "");
            return probe.statusCode() == 201
                    && JSON.readTree(probe.body()).at("/current/commandWord").asString().equals("state");
        });
        List<HttpResponse<String>> started = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            started.add(0, post(progress + "/api/v1/progress/quizzes", "{\"learnerId\": \"" + learner
                    + "\", \"unitId\": \"" + UNIT + "\", \"maxItems\": 8}", ""));
            return started.getFirst().statusCode() == 201;
        });
        JsonNode quiz = JSON.readTree(started.getFirst().body());
        String quizId = quiz.get("quizId").asString();
        assertThat(quiz.at("/current/commandWord").asString()).isEqualTo("state");

        List<Integer> statuses = new ArrayList<>();
        for (int n = 1; quiz.get("status").asString().equals("active"); n++) {
            assertThat(n).as("items").isLessThanOrEqualTo(8);
            String itemId = quiz.at("/current/itemId").asString();
            String answer = BANK.get(quiz.at("/current/questionId").asString())[4];
            boolean viaKafka = n == 2;
            if (viaKafka) {
                progressToMarking.transitionToForcedOpenState(); // marking "down": the fallback path
            }
            HttpResponse<String> r = post(progress + "/api/v1/progress/quizzes/" + quizId + "/items/" + itemId
                    + "/answer", JSON.createObjectNode().put("answer", answer).toString(), "e2e-" + n);
            statuses.add(r.statusCode());
            if (viaKafka) {
                progressToMarking.transitionToClosedState();
                assertThat(JSON.readTree(r.body()).get("status").asString()).isEqualTo("pending");
            }
            int answered = n;
            await().atMost(Duration.ofSeconds(30)).until(() -> get(progress + "/api/v1/progress/quizzes/" + quizId)
                    .at("/items/" + (answered - 1) + "/status").asString().equals("marked")
                    && evidence(learner) == answered);
            quiz = JSON.readTree(post(progress + "/api/v1/progress/quizzes/" + quizId + "/next", "", "").body());
        }

        assertThat(statuses.get(1)).isEqualTo(202);
        assertThat(statuses).contains(200);
        JsonNode items = quiz.get("items");
        assertThat(items.size()).isBetween(2, 8);
        assertThat(items).allSatisfy(i -> {
            assertThat(i.get("status").asString()).isEqualTo("marked");
            assertThat(i.get("markId").asString()).isNotBlank();
        });
        assertThat(items.get(1).get("mark").asInt()).as("the answer marked from AnswerSubmitted").isPositive();
        assertThat(quiz.at("/summary/stopReason").asString()).isIn("all-classified", "item-limit",
                "no-more-questions");
        List<String> classified = new ArrayList<>();
        quiz.at("/summary/mastered").forEach(o -> classified.add(o.asString()));
        quiz.at("/summary/toRevise").forEach(o -> classified.add(o.asString()));
        assertThat(classified).containsExactlyInAnyOrder("lo-complaints", "lo-listening");
        assertThat(quiz.at("/summary/reviews").size()).isEqualTo(quiz.at("/summary/mastered").size());
        System.out.printf("e2e quiz: %d items, stop %s, mastered %s, answer statuses %s%n", items.size(),
                quiz.at("/summary/stopReason").asString(), quiz.at("/summary/mastered"), statuses);
    }
}

package org.markpoint.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.markpoint.testing.TestCredentials.sendAsStaff;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.markpoint.marking.MarkingApplication;
import org.markpoint.progress.ProgressApplication;
import org.markpoint.question.QuestionApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.markpoint.testing.TestCredentials;

/**
 * The walking skeleton end to end: question-, marking- and progress-service, each its own Spring context with its own
 * database, talking only over a real Kafka broker. A question is created, an answer marked, and mastery appears.
 * Subclasses say which broker and database: the embedded ones here, real images where Docker runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AnswerToMasteryScenario {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<ConfigurableApplicationContext> services = new ArrayList<>();
    private String question;
    private String marking;
    private String progress;

    /** Starts the broker and database; returns {mongoUri, kafkaBootstrap}. */
    abstract String[] startInfrastructure();

    abstract void stopInfrastructure();

    @BeforeAll
    void startStack() {
        // infra's own classpath carries slf4j-simple for the dev stack; let the services log through it
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        String[] infrastructure = startInfrastructure();
        String[] common = {
            "--server.port=0",
            "--spring.mongodb.uri=" + infrastructure[0],
            "--spring.kafka.bootstrap-servers=" + infrastructure[1],
            "--markpoint.bank.load-sample=false",
            "--markpoint.security.internal-secret=" + TestCredentials.SECRET,
        };
        question = start(QuestionApplication.builder(), common);
        marking = start(MarkingApplication.builder(), common);
        progress = start(ProgressApplication.builder(), common);
    }

    private String start(SpringApplicationBuilder builder, String[] args) {
        ConfigurableApplicationContext context = builder.run(args);
        services.add(context);
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    void stopStack() {
        Collections.reverse(services);
        services.forEach(ConfigurableApplicationContext::close);
        stopInfrastructure();
    }

    private static HttpResponse<String> post(String url, String json) {
        return sendAsStaff(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> get(String url) {
        return sendAsStaff(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private JsonNode mastery(String learner) {
        HttpResponse<String> r = get(progress + "/api/v1/progress/learners/" + learner + "/mastery");
        return r.statusCode() == 200 ? JSON.readTree(r.body()) : JSON.missingNode();
    }

    @Test
    void givenTheRunningServices_whenTheirOpenApiDocumentsAreRead_thenEachMatchesItsCommittedContract() {
        for (String[] service : new String[][] {{"question-service", question}, {"marking-service", marking},
            {"progress-service", progress}}) {
            HttpResponse<String> doc = get(service[1] + "/v3/api-docs");
            assertThat(doc.statusCode()).as(service[0]).isEqualTo(200);
            assertThat(JSON.readTree(doc.body()).get("openapi").asString()).startsWith("3.1");
            OpenApiContract.check(service[0], doc.body());
        }
    }

    @Test
    void givenAPublishedQuestion_whenALearnerAnswers_thenMasteryOfItsOutcomeAppears() {
        HttpResponse<String> created = post(question + "/api/v1/questions", """
            {"id": "e2e-q1", "unitId": "unit-cs", "learningOutcomes": ["lo-feedback"],
             "scheme": {"stem": "Explain why customer feedback matters.", "commandWord": "explain", "maxMarks": 2,
               "markingPoints": [{"id": "a", "text": "identify improvements", "accept": ["improve"], "marks": 1},
                                 {"id": "b", "text": "customer loyalty", "accept": ["loyal"], "marks": 1}]}}
            """);
        assertThat(created.statusCode()).isEqualTo(201);
        String answer = "{\"answer\": \"Feedback shows what to improve, because it tells us what customers need.\","
                + " \"learnerId\": \"e2e-learner\", \"questionId\": \"e2e-q1\"}";

        // marking-service learns the scheme from QuestionPublished, not from a call to question-service
        await().atMost(Duration.ofSeconds(30)).until(() -> post(marking + "/api/v1/marking/mark", answer)
                .statusCode() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> mastery("e2e-learner").has("outcomes"));

        JsonNode outcome = mastery("e2e-learner").at("/outcomes/0");
        assertThat(outcome.get("outcomeId").asString()).isEqualTo("lo-feedback");
        assertThat(outcome.get("evidence").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(outcome.get("mastery").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void givenTwentyAnswers_whenEachIsMarked_thenMasteryFollows_andLatencyIsReported() {
        String scheme = """
            {"stem": "State one purpose of a complaints procedure.", "commandWord": "state", "maxMarks": 1,
             "markingPoints": [{"id": "a", "text": "resolve complaints", "accept": ["resolve"], "marks": 1,
                                "learningOutcome": "lo-complaints"}]}
            """;
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String learner = "latency-" + i;
            long t0 = System.nanoTime();
            HttpResponse<String> r = post(marking + "/api/v1/marking/mark", "{\"answer\": \"To resolve problems"
                    + " fairly.\", \"learnerId\": \"" + learner + "\", \"scheme\": " + scheme + "}");
            assertThat(r.statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                    .until(() -> mastery(learner).has("outcomes"));
            millis.add((System.nanoTime() - t0) / 1_000_000);
        }
        Collections.sort(millis);
        System.out.printf("answer-to-mastery latency over 20 answers: median %d ms, max %d ms%n",
                millis.get(10), millis.getLast());
        assertThat(millis).hasSize(20);
    }
}

package org.markpoint.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.markpoint.testing.TestCredentials;

/**
 * Faults under load against the real stack in separate processes (Kafka broker, MongoDB-wire server,
 * question-, marking- and progress-service and the gateway, from their exec jars): answers go through the gateway with an
 * {@code Idempotency-Key} each, while the broker is stopped for 10 s, marking-service is killed with {@code kill -9},
 * progress-service is killed with {@code kill -9}, and marking-service is frozen past the quiz's time limit. After
 * each, every accepted answer must have exactly one mark and count exactly once in mastery; each prints its ledger.
 *
 * <p>Sizes scale with system properties: {@code reliability.answers} (broker restart, default 400),
 * {@code reliability.crash.answers} (each crash, default 300), {@code reliability.rate} (answers/s, default 25). The
 * issue's run: {@code -Dreliability.answers=5000 -Dreliability.crash.answers=5000 -Dreliability.rate=100}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilityIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String QUESTION = "rel-training";
    private static final String UNIT = "rel-unit";
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final String QUESTION_JSON = """
        {"id": "%s", "unitId": "%s", "learningOutcomes": ["lo-rel"],
         "scheme": {"stem": "Explain how training improves customer service.", "commandWord": "explain", "maxMarks": 2,
           "markingPoints": [
             {"id": "a", "text": "training closes skills gaps", "accept": ["skills gap", "skills gaps"], "marks": 1},
             {"id": "b", "text": "customers get consistent service", "accept": ["consistent"], "marks": 1}]}}
        """;

    private final int answers = Integer.getInteger("reliability.answers", 400);
    private final int crashAnswers = Integer.getInteger("reliability.crash.answers", 300);
    private final double rate = Double.parseDouble(System.getProperty("reliability.rate", "25"));

    private ProcessStack stack;
    private Ledger ledger;

    @BeforeAll
    void startStack() throws Exception {
        ProcessStack.requireBuiltJars();
        Path data = Files.createDirectories(ProcessStack.REPO.resolve("infra/target/reliability"))
                .resolve("data-" + System.currentTimeMillis());
        stack = new ProcessStack(data);
        stack.startTogether(List.of("kafka", "mongo"));
        stack.startTogether(List.of("question-service", "marking-service", "progress-service", "gateway"));
        ledger = new Ledger(stack.mongoUri(), stack.kafkaBootstrap());
        createQuestions();
        await("marking-service knows " + QUESTION).atMost(Duration.ofSeconds(60))
                .until(() -> post("/api/v1/marking/mark", "{\"answer\": \"warm-up\", \"questionId\": \"" + QUESTION
                        + "\"}", "").statusCode() == 200);
    }

    @AfterAll
    void stopStack() {
        if (ledger != null) {
            ledger.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    /** Two questions in one unit, authored through the gateway like any client would. */
    private void createQuestions() {
        for (String id : List.of(QUESTION, QUESTION + "-2")) {
            HttpResponse<String> created = post("/api/v1/questions", QUESTION_JSON.formatted(id, UNIT), "");
            assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
        }
    }

    private LoadDriver driver(String runId, int n) {
        return new LoadDriver(new LoadDriver.Config(stack.url("gateway"), runId, QUESTION, n, Duration.ZERO, rate, 64,
                Math.max(1, Math.min(50, n / 10)), Duration.ofMinutes(4), 0));
    }

    @Test
    @Order(0)
    void givenRandomAndMutatedBodies_whenSentToEveryPublicJsonEndpoint_thenNo5xxAndNoHang() {
        HttpResponse<String> mark = post("/api/v1/marking/mark", "{\"answer\": \"Training closes the skills gap.\","
                + " \"learnerId\": \"fuzz-learner\", \"questionId\": \"" + QUESTION + "\"}", "");
        // progress-service learns the question from QuestionPublished on its own schedule: wait until it can quiz
        List<HttpResponse<String>> started = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            started.add(0, post("/api/v1/progress/quizzes", "{\"learnerId\": \"fuzz-learner\", \"unitId\": \""
                    + UNIT + "\", \"maxItems\": 5}", ""));
            return started.getFirst().statusCode() != 404;
        });
        HttpResponse<String> quiz = started.getFirst();
        assertThat(quiz.statusCode()).as(quiz.body()).isEqualTo(201);
        Map<String, String> ids = Map.of("markId", JSON.readTree(mark.body()).get("markId").asString(),
                "questionId", QUESTION, "unitId", UNIT, "learnerId", "fuzz-learner",
                "quizId", JSON.readTree(quiz.body()).get("quizId").asString(),
                "itemId", JSON.readTree(quiz.body()).at("/current/itemId").asString());
        String inline = "{\"answer\": \"Complaints show us what to fix.\", \"learnerId\": \"fuzz-learner\", \"scheme\":"
                + " {\"stem\": \"State one benefit of complaints.\", \"commandWord\": \"state\", \"maxMarks\": 1,"
                + " \"modelAnswer\": \"Complaints show the business what to improve.\", \"markingPoints\": [{\"id\": \"a\","
                + " \"text\": \"improve\", \"accept\": [\"fix\"], \"marks\": 1, \"learningOutcome\": \"lo-x\"}]}}";
        List<ApiFuzzer.Endpoint> endpoints = List.of(
                ApiFuzzer.Endpoint.post("/api/v1/marking/mark", "{\"answer\": \"Training closes the skills gap.\","
                        + " \"learnerId\": \"fuzz-learner\", \"questionId\": \"" + QUESTION + "\", \"quizId\": \"\"}"),
                ApiFuzzer.Endpoint.post("/api/v1/marking/mark", inline),
                ApiFuzzer.Endpoint.post("/api/v1/marking/marks/{markId}/override",
                        "{\"mark\": 1, \"reason\": \"second reading\", \"tutorId\": \"t1\"}"),
                ApiFuzzer.Endpoint.post("/api/v1/marking/marks/{markId}/appeal", "{\"reason\": \"please look again\"}"),
                ApiFuzzer.Endpoint.post("/api/v1/marking/marks/{markId}/accept", "{\"tutorId\": \"t1\"}"),
                ApiFuzzer.Endpoint.get("/api/v1/marking/marks/{markId}"),
                ApiFuzzer.Endpoint.get("/api/v1/marking/review-queue?questionId={questionId}&cursor=&limit=10"),
                ApiFuzzer.Endpoint.get("/api/v1/marking/agreement?questionId={questionId}"),
                ApiFuzzer.Endpoint.post("/api/v1/questions", QUESTION_JSON.formatted("fuzz-q", UNIT)),
                ApiFuzzer.Endpoint.get("/api/v1/questions?unit={unitId}&limit=5&cursor="),
                ApiFuzzer.Endpoint.get("/api/v1/questions/{questionId}"),
                ApiFuzzer.Endpoint.get("/api/v1/units/{unitId}"),
                ApiFuzzer.Endpoint.post("/api/v1/progress/quizzes", "{\"learnerId\": \"fuzz-learner\", \"unitId\": \""
                        + UNIT + "\", \"maxItems\": 3, \"targetMastery\": 0.9}"),
                ApiFuzzer.Endpoint.post("/api/v1/progress/quizzes", "{\"learnerId\": \"fuzz-learner\","
                        + " \"outcomes\": [\"lo-rel\"]}"),
                ApiFuzzer.Endpoint.post("/api/v1/progress/quizzes/{quizId}/items/{itemId}/answer",
                        "{\"answer\": \"Training closes the skills gap.\"}"),
                new ApiFuzzer.Endpoint("POST", "/api/v1/progress/quizzes/{quizId}/next", null, null),
                ApiFuzzer.Endpoint.get("/api/v1/progress/quizzes/{quizId}"),
                ApiFuzzer.Endpoint.get("/api/v1/progress/learners/{learnerId}/mastery"));
        // what the fuzzer first found: a multipart content type without a boundary was a 500 in every service
        for (String path : List.of("/api/v1/marking/mark", "/api/v1/progress/quizzes", "/api/v1/questions")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(stack.url("gateway") + path))
                    .header("Authorization", TestCredentials.authorization(stack.url("gateway")))
                    .header("Content-Type", "multipart/form-data").POST(HttpRequest.BodyPublishers.ofString("x"))
                    .build());
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(400);
        }
        long seed = Long.getLong("fuzz.seed", 20261126L);
        int cases = Integer.getInteger("fuzz.cases", 2000);
        ApiFuzzer fuzzer = new ApiFuzzer(stack.url("gateway"), seed, Duration.ofSeconds(20));
        long t0 = System.nanoTime();
        List<ApiFuzzer.Finding> findings = fuzzer.run(endpoints, ids, cases);
        System.out.printf("fuzz: %d requests over %d endpoints in %.1f s (seed %d): %d answered 5xx or hung%n",
                fuzzer.sent(), endpoints.size(), (System.nanoTime() - t0) / 1e9, seed, findings.size());
        findings.stream().limit(30).forEach(f -> System.out.println("  " + f));
        assertThat(findings).as("requests answered with 5xx or not at all (seed %d)", seed).isEmpty();
    }

    @Test
    @Order(1)
    void givenLoad_whenTheBrokerIsStoppedFor10sAndRestarted_thenEveryAcceptedAnswerIsMarkedAndCountedOnce()
            throws Exception {
        LoadDriver driver = driver("broker-" + System.currentTimeMillis(), answers).start();
        await().atMost(Duration.ofMinutes(2)).until(() -> driver.acceptedSoFar() >= answers / 8);

        stack.stop("kafka");
        int acceptedAtStop = driver.acceptedSoFar();
        // marking needs only its database to accept an answer: the outbox holds the events while the broker is away
        await("answers accepted while the broker is down").pollDelay(OUTAGE).atMost(OUTAGE.plusSeconds(5))
                .untilAsserted(() -> assertThat(driver.acceptedSoFar()).isGreaterThan(acceptedAtStop));
        int acceptedDuringOutage = driver.acceptedSoFar() - acceptedAtStop;
        stack.start("kafka");

        LoadDriver.Report report = driver.await(Duration.ofMinutes(10));
        Ledger.Counts counts = settle("broker restart", report, driver.accepted());
        System.out.printf("broker restart: %d answers accepted during the %d s outage; %s%n", acceptedDuringOutage,
                OUTAGE.toSeconds(), report.summary());
        assertNothingLostOrDoubled(counts, report, driver.accepted());
    }

    @Test
    @Order(2)
    void givenLoad_whenMarkingServiceIsKilled9AndRestarted_thenNothingIsLostOrCountedTwice() throws Exception {
        crash("marking-service");
    }

    @Test
    @Order(3)
    void givenLoad_whenProgressServiceIsKilled9AndRestarted_thenNothingIsLostOrCountedTwice() throws Exception {
        crash("progress-service");
    }

    private void crash(String service) throws Exception {
        LoadDriver driver = driver(service.replace("-service", "") + "-kill-" + System.currentTimeMillis(),
                crashAnswers).start();
        await().atMost(Duration.ofMinutes(2)).until(() -> driver.acceptedSoFar() >= crashAnswers / 4);
        stack.kill(service);
        int acceptedAtKill = driver.acceptedSoFar();
        long t0 = System.nanoTime();
        stack.start(service);
        System.out.printf("%s: kill -9 after %d accepted answers, back up in %.1f s%n", service, acceptedAtKill,
                (System.nanoTime() - t0) / 1e9);

        LoadDriver.Report report = driver.await(Duration.ofMinutes(10));
        Ledger.Counts counts = settle("kill -9 " + service, report, driver.accepted());
        System.out.println("kill -9 " + service + ": " + report.summary());
        assertNothingLostOrDoubled(counts, report, driver.accepted());
    }

    @Test
    @Order(4)
    void givenMarkingFrozenPastTheQuizTimeLimit_whenLearnersAnswer_thenAcceptedAsPending_andTheMarkArrivesOnce()
            throws Exception {
        String run = "slow-" + System.currentTimeMillis();
        Map<String, String[]> quizzes = new java.util.LinkedHashMap<>(); // learner -> {quizId, itemId}
        for (int i = 0; i < 3; i++) {
            String learner = run + "-L" + i;
            HttpResponse<String> created = post("/api/v1/progress/quizzes", "{\"learnerId\": \"" + learner
                    + "\", \"unitId\": \"" + UNIT + "\", \"maxItems\": 1}", "");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode quiz = JSON.readTree(created.body());
            quizzes.put(learner, new String[] {quiz.get("quizId").asString(), quiz.at("/current/itemId").asString()});
        }

        stack.freeze("marking-service");
        try {
            for (var q : quizzes.entrySet()) {
                HttpResponse<String> answered = post("/api/v1/progress/quizzes/" + q.getValue()[0] + "/items/"
                        + q.getValue()[1] + "/answer", "{\"answer\": \"Training closes the skills gap, so customers"
                        + " get consistent service.\"}", q.getKey() + "-answer");
                assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);
                assertThat(JSON.readTree(answered.body()).get("status").asString()).isEqualTo("pending");
            }
        } finally {
            stack.thaw("marking-service");
        }

        for (var q : quizzes.entrySet()) {
            String quizUrl = "/api/v1/progress/quizzes/" + q.getValue()[0];
            await(q.getKey() + " sees the mark").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> JSON.readTree(get(quizUrl).body()).at("/items/0/status").asString()
                            .equals("marked"));
            JsonNode item = JSON.readTree(get(quizUrl).body()).at("/items/0");
            assertThat(item.get("mark").asInt()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(60)).until(() -> evidence(q.getKey()) == 1);
        }
        // the late synchronous mark and the AnswerSubmitted fallback agree on one mark per answer
        assertThat(ledger.marksOf(quizzes.keySet())).isEqualTo(quizzes.size());
        System.out.printf("slow marking: %d quiz answers accepted as pending while marking-service was frozen, each "
                + "marked once afterwards%n", quizzes.size());
    }

    private Ledger.Counts settle(String scenario, LoadDriver.Report report, Map<String, LoadDriver.Accepted> accepted) {
        return ledger.settle(scenario, report, accepted);
    }

    private void assertNothingLostOrDoubled(Ledger.Counts counts, LoadDriver.Report report,
                                            Map<String, LoadDriver.Accepted> accepted) {
        Ledger.assertBalanced(counts, report);
        // and what a learner sees through the public API: evidence per learner = answers accepted for them
        Map<String, Long> perLearner = accepted.values().stream()
                .collect(Collectors.groupingBy(LoadDriver.Accepted::learnerId, Collectors.counting()));
        List<String> wrong = new ArrayList<>();
        perLearner.forEach((learner, n) -> {
            int seen = evidence(learner);
            if (seen != n) {
                wrong.add(learner + ": " + seen + " != " + n);
            }
        });
        assertThat(wrong).as("mastery evidence that differs from the accepted answers").isEmpty();
    }

    private int evidence(String learner) {
        HttpResponse<String> r = get("/api/v1/progress/learners/" + learner + "/mastery");
        return r.statusCode() == 200 ? JSON.readTree(r.body()).at("/outcomes/0/evidence").asInt(0) : 0;
    }

    private HttpResponse<String> post(String path, String json, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.url("gateway") + path))
                    .header("Authorization", TestCredentials.authorization(stack.url("gateway")))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (!key.isEmpty()) {
            b.header("Idempotency-Key", key);
        }
        return send(b.build());
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(stack.url("gateway") + path))
                    .header("Authorization", TestCredentials.authorization(stack.url("gateway")))
                    .timeout(Duration.ofSeconds(30))
                .build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

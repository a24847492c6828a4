package org.markpoint.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.markpoint.testing.TestCredentials.sendAsStaff;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.markpoint.progress.lti.LtiTestPlatform;
import org.markpoint.testing.TestCredentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An adaptive quiz taken end to end across the three real services over a real Kafka broker: questions authored in
 * question-service reach progress-service's catalog and marking-service's schemes by events; each answer is marked
 * synchronously by marking-service, except one sent while progress-service's circuit to marking is held open, which
 * travels as {@code AnswerSubmitted} and comes back as {@code AnswerMarked}; mastery moves and the quiz ends with a
 * summary. The same quiz launched from an LMS (LTI 1.3, the test platform on loopback) through the real gateway: the
 * learner takes it with the launch's session token alone and the LMS's gradebook gets the score.
 */
class QuizEndToEndIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
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

    private static InProcessStack stack;
    private static String question;
    private static String marking;
    private static String progress;
    private static CircuitBreaker progressToMarking;

    @BeforeAll
    static void startStack() {
        stack = InProcessStack.withGateway();
        question = stack.question;
        marking = stack.marking;
        progress = stack.progress;
        progressToMarking = stack.progressContext.getBean(CircuitBreakerRegistry.class).circuitBreaker("marking");
        authorBank();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
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
        // ... and progress-service has them in its catalog: it learns them from QuestionPublished on partitions
        // keyed by question id, so a quiz started too early could meet a "describe" before its "state" arrived and
        // rightly begin deeper. A probe learner's quiz shows when the shallow question is there.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> probe = post(progress + "/api/v1/progress/quizzes", "{\"learnerId\": \"e2e-probe-"
                    + System.nanoTime() + "\", \"unitId\": \"" + UNIT + "\", \"maxItems\": 1}", "");
            return probe.statusCode() == 201
                    && JSON.readTree(probe.body()).at("/current/commandWord").asString().equals("state");
        });
    }

    @Test
    void givenAUnitAuthoredInTheBank_whenALearnerTakesAnAdaptiveQuiz_thenEveryAnswerIsMarkedAndTheQuizEnds() {
        String learner = "e2e-quiz-learner";
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

    @Test
    void givenAnLmsLaunchThroughTheGateway_whenTheLearnerTakesTheQuizWithItsSessionToken_thenTheLmsGetsTheScore() {
        String gateway = stack.gateway;
        try (LtiTestPlatform lms = new LtiTestPlatform("markpoint-e2e", "deployment-e2e")) {
            lms.toolJwksUrl(gateway + "/lti/jwks/demo");
            HttpResponse<String> registered = send(HttpRequest.newBuilder(URI.create(gateway
                    + "/api/v1/admin/lti/registrations")).header("Authorization", TestCredentials.authorization(gateway))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(lms.registrationJson("E2E LMS"))));
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

            // the browser leg, every hop through the gateway: login initiation, the LMS's auth, the id_token post
            String sub = "lms-user-e2e";
            String lineItem = lms.lineItemUrl("li-e2e");
            HttpResponse<String> login = postForm(gateway + "/lti/login", LtiTestPlatform.form(
                    lms.loginInitiation("hint-e2e", gateway + "/lti/launch", null)));
            assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
            LtiTestPlatform.LoginRedirect auth = lms.authorize(URI.create(login.headers().firstValue("Location")
                    .orElseThrow()));
            assertThat(auth.redirectUri()).isEqualTo(URI.create(gateway + "/lti/launch"));
            HttpResponse<String> launched = postForm(auth.redirectUri().toString(), auth.launchForm(lms.idToken(
                    LtiTestPlatform.LaunchClaims.resourceLink(sub, "rl-e2e").name("Lee Learner")
                            .context("course-e2e", "Customer Service L3").custom("unit", UNIT)
                            .ags(lineItem, LtiTestPlatform.SCOPE_SCORE).targetLinkUri(gateway + "/lti/launch")
                            .nonce(auth.nonce()))));
            assertThat(launched.statusCode()).as(launched.body()).isEqualTo(303);
            // LTI pages may post a form back to the LMS (deep linking); the rest of the UI may not
            assertThat(launched.headers().firstValue("Content-Security-Policy").orElse(""))
                    .contains("form-action 'self' https: http:");
            String location = launched.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith(gateway + "/index.html#lti_token=");
            Map<String, String> fragment = new LinkedHashMap<>();
            for (String pair : location.substring(location.indexOf('#') + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                fragment.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            assertThat(fragment.get("next")).startsWith("/quiz/");
            String quizPath = "/api/v1/progress/quizzes/" + fragment.get("next").substring("/quiz/".length());
            String bearer = "Bearer " + fragment.get("lti_token");

            // the learner takes the quiz through the gateway with nothing but the launch's session token
            JsonNode quiz = asLearner(bearer, HttpRequest.newBuilder(URI.create(gateway + quizPath)).GET(), 200);
            assertThat(quiz.get("learnerId").asString()).startsWith("lti-").endsWith("-" + sub);
            for (int n = 1; quiz.get("status").asString().equals("active"); n++) {
                assertThat(n).as("items").isLessThanOrEqualTo(10);
                String answer = BANK.get(quiz.at("/current/questionId").asString())[4];
                JsonNode marked = asLearner(bearer, HttpRequest.newBuilder(URI.create(gateway + quizPath + "/items/"
                        + quiz.at("/current/itemId").asString() + "/answer")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("answer", answer)
                                .toString())), 200);
                String markId = marked.at("/mark/markId").asString();
                await().atMost(Duration.ofSeconds(30)).until(() -> asLearner(bearer, HttpRequest.newBuilder(
                        URI.create(gateway + quizPath)).GET(), 200).toString().contains(markId));
                quiz = asLearner(bearer, HttpRequest.newBuilder(URI.create(gateway + quizPath + "/next"))
                        .POST(HttpRequest.BodyPublishers.noBody()), 200);
            }
            assertThat(quiz.get("status").asString()).isEqualTo("finished");
            int given = 0;
            int maximum = 0;
            for (JsonNode item : quiz.get("items")) {
                given += item.get("mark").asInt();
                maximum += item.get("maxMarks").asInt();
            }
            assertThat(given).as("the bank's answers earn marks").isPositive();

            // the score reaches the LMS's line item by Assignment and Grade Services
            await().atMost(Duration.ofSeconds(30)).until(() -> !lms.scores().isEmpty());
            assertThat(lms.scores()).singleElement().satisfies(score -> {
                assertThat(lineItem).endsWith("/" + score.lineItemId());
                assertThat(score.userId()).isEqualTo(sub);
                assertThat(score.activityProgress()).isEqualTo("Completed");
                assertThat(score.gradingProgress()).isEqualTo("FullyGraded");
            });
            assertThat(lms.scores().getFirst().scoreGiven()).isEqualTo(given);
            assertThat(lms.scores().getFirst().scoreMaximum()).isEqualTo(maximum);

            // the session token is a learner's: a tutor's page is refused, and a token with its roles edited is no token
            HttpResponse<String> cohorts = send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/progress/cohorts"))
                    .header("Authorization", bearer).GET());
            assertThat(cohorts.statusCode()).as(cohorts.body()).isEqualTo(403);
            String[] jwt = fragment.get("lti_token").split("\\.");
            String payload = new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8);
            assertThat(payload).contains("\"learner\"");
            String tutorPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(payload
                    .replace("\"learner\"", "\"tutor\"").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> tampered = send(HttpRequest.newBuilder(URI.create(gateway
                    + "/api/v1/progress/cohorts")).header("Authorization", "Bearer " + jwt[0] + "." + tutorPayload + "."
                    + jwt[2]).GET());
            assertThat(tampered.statusCode()).as(tampered.body()).isEqualTo(401);
            System.out.printf("e2e LTI: %d items, score %d/%d posted to %s%n", quiz.get("items").size(), given,
                    maximum, lineItem);
        }
    }

    private static HttpResponse<String> postForm(String url, String form) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static JsonNode asLearner(String bearer, HttpRequest.Builder request, int status) {
        HttpResponse<String> r = send(request.header("Authorization", bearer));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.markpoint.marking.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.markpoint.marking.support.Http;
import org.markpoint.marking.support.TestIdentity;
import org.markpoint.model.security.Role;

/** Learners act only as themselves; NoSQL operators, deep nesting and huge bodies are refused cleanly. */
class LearnerAndHostileInputIT extends RunningService {

    private static final String INJECTION = "{\"$gt\": \"\"}";

    private HttpResponse<String> post(String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return Http.send(b.build());
    }

    private static String[] learner(String id) {
        return TestIdentity.headers(TestIdentity.of(id, "demo", Role.LEARNER));
    }

    private static String answer(String learnerId) {
        return AccessMatrixIT.ANSWER.replace("{\"answer\"", "{\"learnerId\": \"" + learnerId + "\", \"answer\"");
    }

    @Test
    void givenALearner_whenMarkingAsAnotherLearner_thenForbidden() {
        HttpResponse<String> r = post("/api/v1/marking/mark", answer("someone-else"), learner("ln-a"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(r.body()).contains("forbidden");
    }

    @Test
    void givenALearnerNamingNobody_whenMarking_thenTheMarkIsTheirs() {
        HttpResponse<String> r = post("/api/v1/marking/mark", AccessMatrixIT.ANSWER, learner("ln-b"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("learnerId").asString()).isEqualTo("ln-b");
    }

    @Test
    void givenAnotherLearnersMark_whenALearnerReadsOrAppealsIt_thenNotFound() {
        String markId = json(post("/api/v1/marking/mark", answer("ln-c"))).get("markId").asString();

        assertThat(Http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/marking/marks/" + markId)))
                .headers(learner("ln-c")).GET().build()).statusCode()).isEqualTo(200);
        assertThat(Http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/marking/marks/" + markId)))
                .headers(learner("ln-d")).GET().build()).statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/marking/marks/" + markId + "/appeal", "{}", learner("ln-d")).statusCode())
                .isEqualTo(404);
        assertThat(post("/api/v1/marking/marks/" + markId + "/appeal", "{}", learner("ln-c")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void givenAnIdempotencyKeyAnotherLearnerUsed_whenALearnerReusesIt_thenTheirMarkIsNotHandedOver() {
        String[] key = {"Idempotency-Key", "shared-key-1"};
        HttpResponse<String> first = post("/api/v1/marking/mark", AccessMatrixIT.ANSWER,
                concat(learner("ln-e"), key));
        HttpResponse<String> second = post("/api/v1/marking/mark", AccessMatrixIT.ANSWER,
                concat(learner("ln-f"), key));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).doesNotContain(json(first).get("markId").asString());
    }

    @Test
    void givenAnOperatorAsTheAnswerText_whenMarked_thenMarkedAsText() {
        HttpResponse<String> r = post("/api/v1/marking/mark", AccessMatrixIT.ANSWER.replace(
                "\"Training closes the skills gap.\"", JSON.writeValueAsString(INJECTION)));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("answer").asString()).isEqualTo(INJECTION);
        assertThat(json(r).get("mark").asInt()).isZero();
    }

    @Test
    void givenAnOperatorObjectWhereAStringBelongs_whenPosted_thenBadRequest() {
        assertThat(post("/api/v1/marking/mark", AccessMatrixIT.ANSWER.replace(
                "\"Training closes the skills gap.\"", INJECTION)).statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/marking/mark", "{\"answer\": \"x\", \"questionId\": " + INJECTION + "}")
                .statusCode()).isEqualTo(400);
        assertThat(Http.get(url("/api/v1/marking/marks/" + java.net.URLEncoder.encode(INJECTION,
                java.nio.charset.StandardCharsets.UTF_8))).statusCode()).isEqualTo(404);
    }

    @Test
    void givenJsonNestedTenThousandDeep_whenPosted_thenBadRequestNotAServerError() {
        assertThat(post("/api/v1/marking/mark", "{\"scheme\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}")
                .statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/marking/batches", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000))
                .statusCode()).isEqualTo(400);
    }

    @Test
    void givenAFiveMegabyteAnswer_whenPosted_thenRefusedAsTooLargeOrInvalid() {
        String huge = AccessMatrixIT.ANSWER.replace("Training closes the skills gap.", "x".repeat(5 * 1024 * 1024));

        assertThat(post("/api/v1/marking/mark", huge).statusCode()).isIn(400, 413);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

package org.markpoint.marking.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.markpoint.marking.support.Http;
import org.markpoint.model.event.AnswerMarked;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.QuestionPublished;
import org.markpoint.model.event.QuestionRetired;
import org.markpoint.model.event.Topics;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;

/** marking-service against a real Kafka broker and the MongoDB-wire server. */
class MarkApiIT extends RunningService {

    private static final String INLINE = """
        {"answer": "Training closes the skills gap so staff serve customers better.", "learnerId": "%s",
         "scheme": {"stem": "Explain how training improves service.", "commandWord": "explain", "maxMarks": 2,
           "markingPoints": [{"id": "a", "text": "skills gap", "marks": 1},
                             {"id": "b", "text": "complaints fall", "marks": 1}]}}
        """;

    private HttpResponse<String> mark(String body) {
        return Http.postJson("http://127.0.0.1:" + port + "/api/v1/marking/mark", body);
    }

    @Test
    void givenAnInlineScheme_whenMarked_thenPointsWithEvidenceAndAnswerMarkedPublished() {
        HttpResponse<String> r = mark(INLINE.formatted("learner-inline"));

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("maxMarks").asInt()).isEqualTo(2);
        assertThat(body.at("/points/0/id").asString()).isEqualTo("a");
        assertThat(body.at("/points/0/status").asString()).isEqualTo("hit");
        int start = body.at("/points/0/evidence/0/start").asInt();
        int end = body.at("/points/0/evidence/0/end").asInt();
        String answer = "Training closes the skills gap so staff serve customers better.";
        assertThat(answer.substring(start, end).toLowerCase()).contains("skill");
        assertThat(body.at("/points/1/status").asString()).isEqualTo("missed");
        String markId = body.get("markId").asString();
        assertThat(Http.get("http://127.0.0.1:" + port + "/api/v1/marking/marks/" + markId).statusCode())
                .isEqualTo(200);

        try (Consumer<String, String> c = new KafkaConsumer<>(KafkaTestUtils.consumerProps(broker, "marked-it", true),
                new StringDeserializer(), new StringDeserializer())) {
            broker.consumeFromAnEmbeddedTopic(c, Topics.ANSWER_MARKED);
            List<AnswerMarked> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                KafkaTestUtils.getRecords(c, Duration.ofMillis(500))
                        .forEach(rec -> {
                            if (CODEC.decode(rec.value()).body() instanceof AnswerMarked m) {
                                seen.add(m);
                            }
                        });
                return seen.stream().anyMatch(m -> m.markId().equals(markId));
            });
            AnswerMarked event = seen.stream().filter(m -> m.markId().equals(markId)).findFirst().orElseThrow();
            assertThat(event.learnerId()).isEqualTo("learner-inline");
            assertThat(event.pointsHit()).contains("a");
        }
    }

    @Test
    void givenAPublishedQuestion_whenMarkedById_thenItsSchemeVersionIsUsed_andRetiredIsRefused() throws Exception {
        MarkingScheme scheme = new MarkingScheme("State one benefit of feedback.", "state", 1, "",
                List.of(MarkingPoint.of("a", "improvement")), List.of(), List.of());
        publish(EventEnvelope.wrap("demo", new QuestionPublished("q-fb", 3, "u1", List.of("lo-1"), scheme),
                Instant.now()));
        String body = "{\"answer\": \"Feedback drives improvement.\", \"questionId\": \"q-fb\"}";
        await().atMost(Duration.ofSeconds(20)).until(() -> mark(body).statusCode() == 200);
        JsonNode marked = json(mark(body));
        assertThat(marked.get("questionVersion").asInt()).isEqualTo(3);
        assertThat(marked.get("mark").asInt()).isEqualTo(1);

        publish(EventEnvelope.wrap("demo", new QuestionRetired("q-fb", 3), Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> mark(body).statusCode() == 409);
        assertThat(json(mark(body)).get("detail").asString()).contains("retired");
    }

    @Test
    void givenAPreview_whenMarked_thenTheMarkComesBackButNothingIsStoredOrQueued() {
        HttpResponse<String> r = Http.postJson(url("/api/v1/marking/preview"), INLINE.formatted("learner-preview"));

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.at("/points/0/status").asString()).isEqualTo("hit");
        assertThat(body.get("mark").asInt()).isEqualTo(1);
        assertThat(body.get("markId").isNull()).isTrue();

        // an answer the engine would send to a tutor: as a preview it must not reach the queue
        String doubtful = INLINE.replace("Training closes the skills gap so staff serve customers better.",
                "Die Schulung schliesst die Qualifikationsluecke, damit das Personal die Kunden besser bedient.");
        JsonNode unsure = json(Http.postJson(url("/api/v1/marking/preview"), doubtful.formatted("")));
        assertThat(unsure.at("/review/status").asString()).isEqualTo("pending");
        assertThat(Http.get(url("/api/v1/marking/review-queue?limit=200")).body())
                .doesNotContain("Qualifikationsluecke");

        HttpResponse<String> bad = Http.postJson(url("/api/v1/marking/preview"), "{\"answer\": \"x\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    void givenTheSameIdempotencyKeyTwice_whenMarked_thenOneMarkIsReturnedBothTimes() throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/marking/mark"))
                .header("Content-Type", "application/json").header("Idempotency-Key", "lms-retry-1")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(INLINE.formatted("learner-retry")));
        var first = Http.send(request.build());
        var second = Http.send(request.build());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(second).get("markId").asString()).isEqualTo(json(first).get("markId").asString());
        var other = Http.send(request.setHeader("Idempotency-Key", "lms-retry-2").build());
        assertThat(json(other).get("markId").asString()).isNotEqualTo(json(first).get("markId").asString());
    }

    @Test
    void givenAnAppealedMark_whenATutorOverridesIt_thenQueueAgreementAndMarkOverriddenFollow() throws Exception {
        String body = "{\"answer\": \"dunno\", \"learnerId\": \"learner-appeal\", \"scheme\": {\"stem\": "
                + "\"Explain why training matters.\", \"commandWord\": \"explain\", \"maxMarks\": 2, "
                + "\"markingPoints\": [{\"id\": \"a\", \"text\": \"skills gap\"}, {\"id\": \"b\", "
                + "\"text\": \"consistent service\"}]}}";
        HttpResponse<String> response = mark(body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String markId = json(response).get("markId").asString();
        String base = "http://127.0.0.1:" + port + "/api/v1/marking";
        HttpResponse<String> appealed = Http.postJson(base + "/marks/" + markId + "/appeal",
                "{\"reason\": \"I meant the skills gap\"}");
        assertThat(json(appealed).at("/review/status").asString()).isEqualTo("pending");
        JsonNode queue = json(Http.get(base + "/review-queue?limit=200"));
        assertThat(queue.get("items").findValuesAsString("markId")).contains(markId);

        HttpResponse<String> bad = Http.postJson(base + "/marks/" + markId + "/override",
                "{\"mark\": 9, \"reason\": \"x\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).at("/errors/0/field").asString()).isEqualTo("mark");
        HttpResponse<String> noReason = Http.postJson(base + "/marks/" + markId + "/override", "{\"mark\": 1}");
        assertThat(json(noReason).at("/errors/0/field").asString()).isEqualTo("reason");

        HttpResponse<String> overridden = Http.postJson(base + "/marks/" + markId + "/override",
                "{\"mark\": 2, \"reason\": \"both points made in other words\", \"tutorId\": \"t1\"}");
        assertThat(overridden.statusCode()).isEqualTo(200);
        assertThat(json(overridden).get("finalMark").asInt()).isEqualTo(2);
        assertThat(json(overridden).at("/review/status").asString()).isEqualTo("overridden");
        assertThat(json(Http.get(base + "/review-queue?limit=200")).get("items").findValuesAsString("markId"))
                .doesNotContain(markId);
        JsonNode agreement = json(Http.get(base + "/agreement"));
        assertThat(agreement.get("n").asInt()).isPositive();
        assertThat(agreement.get("exact").asDouble()).isLessThan(1.0);
        assertThat(Http.postJson(base + "/marks/nope/override", "{\"mark\": 1, \"reason\": \"r\"}").statusCode())
                .isEqualTo(404);

        try (Consumer<String, String> c = new KafkaConsumer<>(KafkaTestUtils.consumerProps(broker, "override-it", true),
                new StringDeserializer(), new StringDeserializer())) {
            broker.consumeFromAnEmbeddedTopic(c, Topics.ANSWER_MARKED);
            List<Object> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                KafkaTestUtils.getRecords(c, Duration.ofMillis(500)).forEach(r -> seen.add(CODEC.decode(r.value())
                        .body()));
                return seen.stream().anyMatch(e -> e instanceof org.markpoint.model.event.MarkOverridden o
                        && o.markId().equals(markId) && o.newMark() == 2);
            });
        }
    }

    @Test
    void givenBadInputs_whenMarked_thenProblemDetailsNamingTheField() {
        Map<String, String> cases = Map.of(
                "{\"answer\": ", "",
                "{\"scheme\": {\"maxMarks\": 1, \"modelAnswer\": \"x\"}}", "answer",
                "{\"answer\": \"x\"}", "questionId",
                "{\"answer\": \"" + "a".repeat(20_001) + "\", \"questionId\": \"q\"}", "answer",
                "{\"answer\": \"x\", \"scheme\": {\"maxMarks\": 0, \"modelAnswer\": \"m\"}}", "scheme.maxMarks",
                "{\"answer\": \"x\", \"scheme\": {\"maxMarks\": 2, \"markingPoints\": []}}", "scheme.markingPoints",
                "{\"answer\": \"x\", \"questionId\": \"q\", \"scheme\": {\"maxMarks\": 1, \"modelAnswer\": \"m\"}}",
                "scheme",
                "{\"answer\": 12, \"learnerId\": {\"$gt\": \"\"}, \"questionId\": \"q\"}", "learnerId");
        cases.forEach((request, field) -> {
            HttpResponse<String> r = mark(request);
            assertThat(r.statusCode()).as(request.substring(0, Math.min(80, request.length()))).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    ct -> assertThat(ct).startsWith("application/problem+json"));
            if (!field.isEmpty()) {
                assertThat(json(r).at("/errors/0/field").asString()).isEqualTo(field);
            }
        });
    }

    @Test
    void givenAMegabyteAnswerUnknownQuestionAndWrongMediaType_whenMarked_thenClear4xx() {
        HttpResponse<String> huge = mark("{\"answer\": \"" + "word ".repeat(200_000) + "\", \"questionId\": \"q\"}");
        assertThat(huge.statusCode()).isIn(400, 413);
        HttpResponse<String> unknown = mark("{\"answer\": \"x\", \"questionId\": \"no-such\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("detail").asString()).contains("no-such");
        assertThat(Http.post("http://127.0.0.1:" + port + "/api/v1/marking/mark", "text/csv", "answer\nx")
                .statusCode()).isEqualTo(415);
        assertThat(Http.get("http://127.0.0.1:" + port + "/api/v1/marking/marks/nope").statusCode()).isEqualTo(404);
    }
}

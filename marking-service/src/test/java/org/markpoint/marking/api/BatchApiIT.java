package org.markpoint.marking.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.markpoint.marking.marks.MarkingService;
import org.markpoint.marking.support.Http;
import org.markpoint.model.event.AnswerMarked;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.QuestionPublished;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Batch marking over HTTP: JSON and CSV in, 202 + job URL, progress, paged results as JSON and CSV, bad input. */
class BatchApiIT extends RunningService {

    private static final String GOOD = "Training closes the skills gap, so customers get consistent service.";
    private static final String JSON_BATCH = """
        {"questionId": "q-batch", "items": [
          {"answer": "%s", "learnerId": "batch-learner-1", "ref": "a1"},
          {"answer": "Anything.", "questionId": "no-such", "ref": "a2"},
          {"learnerId": "batch-learner-3", "ref": "a3"},
          {"answer": "Complaints show what to fix.", "ref": "a4", "scheme": {"maxMarks": 1, "commandWord": "state",
            "modelAnswer": "Complaints show the business what to improve."}}]}
        """.formatted(GOOD);

    @Autowired
    MarkingService marking;

    @BeforeEach
    void questionPublished() throws Exception {
        if (marking.scheme("demo", "q-batch").isEmpty()) {
            MarkingScheme scheme = new MarkingScheme("Explain how training improves customer service.", "explain", 2,
                    "", List.of(MarkingPoint.of("a", "training closes skills gaps", "skills gap"),
                    MarkingPoint.of("b", "customers get consistent service", "consistent")), List.of(), List.of());
            publish(EventEnvelope.wrap("demo", new QuestionPublished("q-batch", 5, "u1", List.of("lo-1"), scheme),
                    Instant.now()));
            await().atMost(Duration.ofSeconds(20)).until(() -> marking.scheme("demo", "q-batch").isPresent());
        }
    }

    private HttpResponse<String> post(String path, String contentType, String body, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!key.isEmpty()) {
            b.header("Idempotency-Key", key);
        }
        return Http.send(b.build());
    }

    private static HttpResponse<String> get(String url, String accept) {
        return Http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET().build());
    }

    private JsonNode awaitDone(String location) {
        await().atMost(Duration.ofSeconds(60)).until(() -> json(Http.get(location)).get("status").asString()
                .equals("done"));
        return json(Http.get(location));
    }

    @Test
    void givenAJsonBatch_whenMarked_thenProgressResultsInJsonAndCsvPagesAndAnswerMarked() {
        HttpResponse<String> created = post("/api/v1/marking/batches", "application/json", JSON_BATCH, "batch-json-1");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = json(created).get("batchId").asString();
        assertThat(location).endsWith("/api/v1/marking/batches/" + id);
        assertThat(json(created).get("total").asInt()).isEqualTo(4);
        HttpResponse<String> retried = post("/api/v1/marking/batches", "application/json", JSON_BATCH,
                "batch-json-1");
        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(json(retried).get("batchId").asString()).isEqualTo(id);

        JsonNode done = awaitDone(location);
        assertThat(done.get("done").asInt()).isEqualTo(4);
        assertThat(done.get("errors").asInt()).isEqualTo(2);
        assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(done.get("etaSeconds").asLong()).isZero();
        assertThat(done.get("results").asString()).isEqualTo(location + "/results");

        JsonNode results = json(Http.get(location + "/results"));
        JsonNode items = results.get("items");
        assertThat(items).hasSize(4);
        assertThat(results.get("next").asString()).isEmpty();
        assertThat(items.get(0).get("status").asString()).isEqualTo("marked");
        assertThat(items.get(0).get("mark").asInt()).isEqualTo(2);
        assertThat(items.get(0).get("questionVersion").asInt()).isEqualTo(5);
        assertThat(items.get(0).get("pointsHit").toString()).contains("a", "b");
        assertThat(items.get(1).get("error").asString()).contains("no-such");
        assertThat(items.get(2).get("error").asString()).isEqualTo("answer: is required");
        assertThat(items.get(2).get("ref").asString()).isEqualTo("a3");
        assertThat(items.get(3).get("status").asString()).isEqualTo("marked");
        assertThat(items.get(3).get("questionId").asString()).isEmpty();
        String markId = items.get(0).get("markId").asString();
        JsonNode stored = json(Http.get(url("/api/v1/marking/marks/" + markId)));
        assertThat(stored.get("questionVersion").asInt()).isEqualTo(5);
        assertThat(stored.get("answer").asString()).isEqualTo(GOOD);

        HttpResponse<String> csv = get(location + "/results?limit=2", "text/csv");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("index,ref,learnerId,questionId,questionVersion,status,markId,mark,");
        assertThat(lines.get(1)).startsWith("0,a1,batch-learner-1,q-batch,5,marked," + markId + ",2,2,a;b,");
        String link = csv.headers().firstValue("Link").orElseThrow();
        assertThat(link).contains("cursor=2").endsWith("rel=\"next\"");
        HttpResponse<String> second = get(link.substring(1, link.indexOf('>')), "text/csv");
        assertThat(second.body().lines().toList()).hasSize(3).element(2).asString().startsWith("3,a4,");
        assertThat(second.headers().firstValue("Link")).isEmpty();

        List<Object> events = awaitMarkEvents("batch-it", seen -> seen.stream().anyMatch(e ->
                e instanceof AnswerMarked m && m.markId().equals(markId)));
        AnswerMarked event = events.stream().filter(e -> e instanceof AnswerMarked m && m.markId().equals(markId))
                .map(AnswerMarked.class::cast).findFirst().orElseThrow();
        assertThat(event.learnerId()).isEqualTo("batch-learner-1");
        assertThat(event.answerId()).isEqualTo("batch:" + id + ":0");
        assertThat(event.questionVersion()).isEqualTo(5);
    }

    @Test
    void givenACsvBatchWithASharedQuestionAndBadRows_whenMarked_thenBadRowsAreReportedAndTheRestMarked() {
        String csv = "ref,answer,learnerId\n"
                + "c1,\"" + GOOD + "\",csv-learner\n"
                + "c2,\"broken\"quote,csv-learner\n"
                + "c3,too few fields\n"
                + "c4,The café food got better.,\n";
        HttpResponse<String> created = post("/api/v1/marking/batches?questionId=q-batch", "text/csv", csv, "");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        String location = created.headers().firstValue("Location").orElseThrow();

        assertThat(awaitDone(location).get("errors").asInt()).isEqualTo(2);
        List<String> rows = Http.get(location + "/results?format=csv").body().lines().toList();
        assertThat(rows).hasSize(5);
        assertThat(rows.get(1)).contains(",c1,csv-learner,q-batch,5,marked,");
        assertThat(rows.get(2)).startsWith("1,c2,").contains(",error,").contains("malformed CSV row at line 3");
        assertThat(rows.get(3)).startsWith("2,c3,").contains("2 fields but the header has 3");
        assertThat(rows.get(4)).startsWith("3,c4,,q-batch,5,marked,").contains(",0,2,");
        String cafe = rows.get(4).split(",")[6];
        assertThat(json(Http.get(url("/api/v1/marking/marks/" + cafe))).get("answer").asString())
                .isEqualTo("The café food got better.");
    }

    @Test
    void givenBadBatches_whenPosted_thenProblemsNamingTheField() {
        String base = "/api/v1/marking/batches";
        assertField(post(base, "application/json", "{\"items\": []}", ""), 400, "items");
        assertField(post(base, "application/json", "{\"questionId\": \"q\", \"scheme\": {\"maxMarks\": 1, "
                + "\"modelAnswer\": \"m\"}, \"items\": [{\"answer\": \"x\"}]}", ""), 400, "scheme");
        assertField(post(base, "application/json", "{\"scheme\": {\"maxMarks\": 0, \"modelAnswer\": \"m\"}, "
                + "\"items\": [{\"answer\": \"x\"}]}", ""), 400, "scheme.maxMarks");
        assertField(post(base + "?questionId=q-batch", "text/csv", "text,ref\nx,1\n", ""), 400, "answer");
        assertField(post(base, "text/csv", "answer,ref\nx,1\n", ""), 400, "questionId");
        assertField(post(base + "?questionId=q-batch", "text/csv", "", ""), 400, "items");
        HttpResponse<String> tooMany = post(base + "?questionId=q-batch", "text/csv",
                "answer\n" + "a\n".repeat(100_001), "");
        assertThat(tooMany.statusCode()).isEqualTo(413);
        assertThat(json(tooMany).get("type").asString()).endsWith("/payload-too-large");
        assertThat(json(tooMany).get("detail").asString()).contains("100000");
        HttpResponse<String> wrongType = post(base, "text/plain", "answer\nx", "");
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(json(wrongType).get("detail").asString()).contains("application/json").contains("text/csv");

        assertThat(Http.get(url(base + "/nope")).statusCode()).isEqualTo(404);
        assertThat(Http.get(url(base + "/nope/results")).statusCode()).isEqualTo(404);
        assertThat(get(url(base + "/nope/results"), "text/csv").statusCode()).isEqualTo(404);
        String location = post(base, "application/json", "{\"questionId\": \"q-batch\", \"items\": "
                + "[{\"answer\": \"x\"}]}", "").headers().firstValue("Location").orElseThrow();
        assertField(Http.get(location + "/results?limit=1001"), 400, "limit");
        assertField(Http.get(location + "/results?cursor=abc"), 400, "cursor");
    }

    private static void assertField(HttpResponse<String> r, int status, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(r).at("/errors/0/field").asString()).as(r.body()).isEqualTo(field);
    }
}

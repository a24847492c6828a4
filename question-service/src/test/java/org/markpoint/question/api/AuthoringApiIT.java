package org.markpoint.question.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.markpoint.model.event.MarkpointEvent;
import org.markpoint.model.event.QuestionPublished;
import org.markpoint.model.event.QuestionRetired;
import org.markpoint.question.authoring.QuestionBank;
import org.markpoint.question.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** Versioned authoring over HTTP: draft, publish, edit a live question, retire; If-Match; bad schemes. */
class AuthoringApiIT extends BankApiTestBase {

    private static String content(String stem, String commandWord, int max, String points) {
        return """
            {"unitId": "auth-unit", "learningOutcomes": ["lo1"], "context": "A customer phones, angry.",
             "scheme": {"stem": "%s", "commandWord": "%s", "maxMarks": %d, "markingPoints": %s}}
            """.formatted(stem, commandWord, max, points);
    }

    private static String twoPoints(String stem) {
        return content(stem, "explain", 2, """
            [{"id": "a", "text": "closes skills gaps", "accept": ["skills gap"], "marks": 1, "learningOutcome": "lo1"},
             {"id": "b", "text": "consistent service", "accept": ["consistent"], "marks": 1}]""");
    }

    private static String create(String id, String body, boolean publish) {
        return body.replaceFirst("\\{", "{\"id\": \"" + id + "\", \"publish\": " + publish + ", ");
    }

    private HttpResponse<String> put(String id, String etag, String body) {
        return etag == null ? Http.request("PUT", url("/api/v1/questions/" + id), body)
                : Http.request("PUT", url("/api/v1/questions/" + id), body, "If-Match", etag);
    }

    private HttpResponse<String> action(String id, String action, String etag) {
        return Http.request("POST", url("/api/v1/questions/" + id + "/" + action), null, "If-Match", etag);
    }

    @Test
    void givenDraft_whenEditedPublishedEditedAndRetired_thenVersionsAndEventsFollow() {
        HttpResponse<String> created = Http.postJson(url("/api/v1/questions"),
                create("auth-v", twoPoints("Explain training."), false));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(body(created).get("status").asString()).isEqualTo("draft");
        assertThat(body(created).get("publishedVersion").asInt()).isZero();

        HttpResponse<String> edited = put("auth-v", etag(created), twoPoints("Explain how training helps."));
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(body(edited).get("version").asInt()).isEqualTo(1);
        assertThat(etag(edited)).isNotEqualTo(etag(created));

        HttpResponse<String> v1 = action("auth-v", "publish", etag(edited));
        assertThat(v1.statusCode()).isEqualTo(200);
        assertThat(body(v1).get("status").asString()).isEqualTo("published");
        QuestionPublished published1 = (QuestionPublished) events("auth-v", 1).getFirst();
        assertThat(published1.version()).isEqualTo(1);
        assertThat(published1.scheme().stem()).isEqualTo("Explain how training helps.");
        assertThat(published1.scheme().markingPoints()).hasSize(2);
        assertThat(published1.context()).isEqualTo("A customer phones, angry.");

        // editing a live question starts version 2 as a draft; version 1 stays what markers use
        HttpResponse<String> v2draft = put("auth-v", etag(v1), twoPoints("Explain two ways training helps."));
        assertThat(body(v2draft).get("version").asInt()).isEqualTo(2);
        assertThat(body(v2draft).get("status").asString()).isEqualTo("draft");
        assertThat(body(v2draft).get("publishedVersion").asInt()).isEqualTo(1);
        JsonNode history = body(Http.get(url("/api/v1/questions/auth-v/versions")));
        assertThat(history.get("publishedVersion").asInt()).isEqualTo(1);
        assertThat(history.get("versions")).extracting(v -> v.get("version").asInt() + ":" + v.get("status")
                .asString()).containsExactly("1:published", "2:draft");
        HttpResponse<String> first = Http.get(url("/api/v1/questions/auth-v/versions/1"));
        assertThat(body(first).at("/scheme/stem").asString()).isEqualTo("Explain how training helps.");
        assertThat(Http.get(url("/api/v1/questions/auth-v/versions/9")).statusCode()).isEqualTo(404);
        assertThat(Http.get(url("/api/v1/questions?status=published&unit=auth-unit")).body()).contains("auth-v");

        HttpResponse<String> v2 = action("auth-v", "publish", etag(v2draft));
        assertThat(body(v2).get("publishedVersion").asInt()).isEqualTo(2);
        assertThat(((QuestionPublished) events("auth-v", 2).get(1)).version()).isEqualTo(2);
        assertThat(body(Http.get(url("/api/v1/questions/auth-v/versions/1"))).get("status").asString())
                .isEqualTo("superseded");

        HttpResponse<String> retired = action("auth-v", "retire", etag(v2));
        assertThat(body(retired).get("status").asString()).isEqualTo("retired");
        List<MarkpointEvent> all = events("auth-v", 3);
        assertThat(all.get(2)).isEqualTo(new QuestionRetired("auth-v", 2));
        HttpResponse<String> afterRetire = put("auth-v", etag(retired), twoPoints("Explain again."));
        assertThat(afterRetire.statusCode()).isEqualTo(409);
        assertThat(action("auth-v", "publish", etag(retired)).statusCode()).isEqualTo(409);
    }

    @Test
    void givenStaleOrMissingIfMatch_whenEditingPublishingOrRetiring_then412Or428Problem() {
        HttpResponse<String> created = Http.postJson(url("/api/v1/questions"),
                create("auth-lock", twoPoints("Explain training."), false));
        String stale = etag(created);
        HttpResponse<String> moved = put("auth-lock", stale, twoPoints("Explain training, please."));
        assertThat(moved.statusCode()).isEqualTo(200);

        HttpResponse<String> lost = put("auth-lock", stale, twoPoints("Explain something else."));
        assertThat(lost.statusCode()).isEqualTo(412);
        assertThat(lost.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(body(lost).get("type").asString()).endsWith("/precondition-failed");
        assertThat(etag(lost)).isEqualTo(etag(moved));
        assertThat(action("auth-lock", "publish", stale).statusCode()).isEqualTo(412);
        assertThat(action("auth-lock", "retire", "W/" + etag(moved)).statusCode()).isEqualTo(412);

        HttpResponse<String> blind = put("auth-lock", null, twoPoints("Explain blindly."));
        assertThat(blind.statusCode()).isEqualTo(428);
        assertThat(body(blind).at("/errors/0/field").asString()).isEqualTo("If-Match");
        assertThat(Http.request("POST", url("/api/v1/questions/auth-lock/publish"), null).statusCode())
                .isEqualTo(428);
        assertThat(body(Http.get(url("/api/v1/questions/auth-lock"))).at("/scheme/stem").asString())
                .isEqualTo("Explain training, please.");
        assertThat(put("no-such-question", "\"1\"", twoPoints("Explain.")).statusCode()).isEqualTo(404);

        HttpResponse<String> notModified = Http.request("GET", url("/api/v1/questions/auth-lock"), null,
                "If-None-Match", etag(moved));
        assertThat(notModified.statusCode()).isEqualTo(304);
    }

    @Test
    void givenTwoAuthorsWithTheSameEtag_whenBothSaveAtOnce_thenExactlyOneWinsAndTheOtherGets412() throws Exception {
        String etag = etag(Http.postJson(url("/api/v1/questions"), create("auth-race", twoPoints("Explain."), false)));
        int writers = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (int i = 0; i < writers; i++) {
                String stem = "Explain version from writer " + i + ".";
                results.add(pool.submit(() -> {
                    start.await();
                    return put("auth-race", etag, twoPoints(stem));
                }));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> f : results) {
                responses.add(f.get());
            }
            List<HttpResponse<String>> won = responses.stream().filter(r -> r.statusCode() == 200).toList();
            assertThat(won).hasSize(1);
            assertThat(responses).filteredOn(r -> r.statusCode() == 412).hasSize(writers - 1);
            JsonNode stored = body(Http.get(url("/api/v1/questions/auth-race")));
            assertThat(stored.at("/scheme/stem").asString()).isEqualTo(body(won.getFirst()).at("/scheme/stem")
                    .asString());
        }
    }

    @Test
    void givenQuestionWithoutMarkingPoint_whenPostedOrPut_then400NamingMarkingPoints() {
        String modelAnswerOnly = """
            {"id": "auth-nopoint", "scheme": {"stem": "State one benefit.", "commandWord": "state", "maxMarks": 1,
             "modelAnswer": "Loyal customers.", "markingPoints": []}}""";
        HttpResponse<String> r = Http.postJson(url("/api/v1/questions"), modelAnswerOnly);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(body(r).at("/errors/0/field").asString()).isEqualTo("scheme.markingPoints");
        assertThat(body(r).at("/errors/0/message").asString()).contains("at least one marking point");

        String etag = etag(Http.postJson(url("/api/v1/questions"), create("auth-np2", twoPoints("Explain."), false)));
        HttpResponse<String> put = put("auth-np2", etag, content("Explain.", "explain", 2, "[]"));
        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(body(put).at("/errors/0/field").asString()).isEqualTo("scheme.markingPoints");
    }

    @Test
    void givenUnknownOrMissingCommandWord_whenPostedOrPut_then400NamingCommandWord() {
        HttpResponse<String> unknown = Http.postJson(url("/api/v1/questions"),
                create("auth-cw", content("Ponder it.", "ponder", 1, "[{\"id\": \"a\", \"text\": \"x\"}]"), true));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(body(unknown).at("/errors/0/field").asString()).isEqualTo("scheme.commandWord");
        assertThat(body(unknown).get("detail").asString()).contains("unknown command word 'ponder'");
        HttpResponse<String> missing = Http.postJson(url("/api/v1/questions"),
                create("auth-cw", content("Do it.", "", 1, "[{\"id\": \"a\", \"text\": \"x\"}]"), true));
        assertThat(body(missing).at("/errors/0/field").asString()).isEqualTo("scheme.commandWord");

        String etag = etag(Http.postJson(url("/api/v1/questions"), create("auth-cw2", twoPoints("Explain."), false)));
        HttpResponse<String> put = put("auth-cw2", etag, twoPoints("Explain.").replace("explain", "muse"));
        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(body(put).at("/errors/0/field").asString()).isEqualTo("scheme.commandWord");
    }

    @Test
    void givenPointsWorthLessThanMax_whenPosted_thenCreatedWithAWarning() {
        HttpResponse<String> r = Http.postJson(url("/api/v1/questions"), create("auth-under",
                content("Explain training.", "explain", 4, "[{\"id\": \"a\", \"text\": \"skills\", \"marks\": 1}]"),
                true));

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(body(r).at("/scheme/maxMarks").asInt()).isEqualTo(4);
        assertThat(body(r).at("/warnings/0/field").asString()).isEqualTo("scheme.markingPoints");
        assertThat(body(r).at("/warnings/0/message").asString())
                .isEqualTo("marking points are worth 1, less than the 4 available, and there are no levels");
    }

    @Test
    void givenPointsWorthMoreThanMax_whenPosted_thenPointsCappedAndFlagged() {
        HttpResponse<String> r = Http.postJson(url("/api/v1/questions"), create("auth-over",
                content("Explain training.", "explain", 2, """
                    [{"id": "a", "text": "skills", "marks": 3}, {"id": "b", "text": "consistency", "marks": 1}]"""),
                true));

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(body(r).at("/scheme/markingPoints/0/marks").asInt()).isEqualTo(2);
        assertThat(body(r).get("warnings")).extracting(w -> w.get("field").asString())
                .containsExactly("scheme.markingPoints", "scheme.markingPoints[0].marks");
        assertThat(body(r).at("/warnings/0/message").asString()).contains("the mark is capped at 2");
        QuestionPublished event = (QuestionPublished) events("auth-over", 1).getFirst();
        assertThat(event.scheme().markingPoints().getFirst().marks()).isEqualTo(2);
    }

    @Autowired
    MongoTemplate mongo;

    @Autowired
    QuestionBank bank;

    @Test
    void givenQuestionStoredByAnOlderRelease_whenUpgraded_thenRekeyedForItsTenantWithItsLiveVersionSearchableAndEditable() {
        mongo.insert(Document.parse("""
            {"_id": "auth-legacy", "tenantId": "demo", "unitId": "legacy-unit", "learningOutcomes": ["lo1"],
             "context": "", "version": 2, "status": "PUBLISHED", "outbox": [],
             "scheme": {"stem": "Explain a legacy question.", "commandWord": "explain", "maxMarks": 1,
                        "modelAnswer": "", "markingPoints": [{"_id": "a", "text": "old point", "accept": ["old"],
                        "reject": [], "marks": 1, "learningOutcome": "lo1"}], "misconceptions": [], "glossary": []}}
            """), "questions");

        assertThat(bank.upgradeStored()).isPositive();

        assertThat(mongo.getCollection("questions").find(new Document("_id", "auth-legacy")).first()).isNull();
        assertThat(mongo.getCollection("questions").find(new Document("_id", "demo:auth-legacy")).first())
                .containsEntry("questionId", "auth-legacy");
        HttpResponse<String> after = Http.get(url("/api/v1/questions/auth-legacy"));
        assertThat(body(after).get("id").asString()).isEqualTo("auth-legacy");
        assertThat(body(after).get("publishedVersion").asInt()).isEqualTo(2);
        assertThat(etag(after)).isEqualTo("\"1\"");
        assertThat(Http.get(url("/api/v1/questions?status=published&q=legacy")).body()).contains("auth-legacy");
        HttpResponse<String> edited = put("auth-legacy", etag(after), twoPoints("Explain it anew."));
        assertThat(body(edited).get("version").asInt()).isEqualTo(3);
        assertThat(body(edited).get("publishedVersion").asInt()).isEqualTo(2);
        assertThat(bank.upgradeStored()).isZero();
    }

    @Test
    void givenARekeyInterruptedAfterItsCopy_whenUpgradedAgain_thenOnlyTheOldDocumentIsRemoved() {
        String legacy = """
            {"_id": "auth-half", "tenantId": "demo", "unitId": "half-unit", "version": 1, "status": "DRAFT",
             "revision": 1, "scheme": {"stem": "Explain a half-moved question.", "commandWord": "explain",
                        "maxMarks": 1, "markingPoints": [{"_id": "a", "text": "point", "marks": 1}]}}
            """;
        mongo.insert(Document.parse(legacy), "questions");
        Document copied = Document.parse(legacy).append("_id", "demo:auth-half").append("questionId", "auth-half");
        mongo.insert(copied, "questions");

        assertThat(bank.upgradeStored()).isEqualTo(1);

        assertThat(mongo.getCollection("questions").countDocuments(new Document("unitId", "half-unit")))
                .isEqualTo(1);
        assertThat(body(Http.get(url("/api/v1/questions/auth-half"))).get("id").asString()).isEqualTo("auth-half");
    }
}

package org.markpoint.marking.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.markpoint.marking.audit.AuditLog;
import org.markpoint.marking.privacy.AnswerRetention;
import org.markpoint.marking.support.Http;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.LearnerErased;
import org.markpoint.model.privacy.LearnerPseudonym;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** GDPR in marking-service: Article 22 appeals, the audit log, erasure on {@code LearnerErased}, retention. */
class PrivacyApiIT extends RunningService {

    private static final String INLINE = """
        {"answer": "Training closes the skills gap so staff serve customers better.", "learnerId": "%s",
         "scheme": {"stem": "Explain how training improves service.", "commandWord": "explain", "maxMarks": 2,
           "markingPoints": [{"id": "a", "text": "skills gap", "marks": 1},
                             {"id": "b", "text": "complaints fall", "marks": 1}]}}
        """;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    AuditLog audit;

    private String mark(String learnerId) {
        HttpResponse<String> r = Http.postJson(url("/api/v1/marking/mark"), INLINE.formatted(learnerId));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("markId").asString();
    }

    private HttpResponse<String> appeal(String markId, String body) {
        return Http.postJson(url("/api/v1/marking/marks/" + markId + "/appeals"), body);
    }

    @Test
    void givenALearnersMark_whenAppealed_thenQueuedOnceAndTheTutorsOutcomeShowsOnTheMark_andAudited() {
        String markId = mark("learner-art22");

        HttpResponse<String> first = appeal(markId, "{\"reason\": \"I did explain the skills gap\"}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first).at("/appeal/status").asString()).isEqualTo("pending");
        assertThat(json(first).at("/appeal/reason").asString()).isEqualTo("I did explain the skills gap");
        JsonNode queue = json(Http.get(url("/api/v1/marking/review-queue?limit=200")));
        assertThat(queue.get("items").findValuesAsString("markId")).contains(markId);
        HttpResponse<String> again = appeal(markId, "{\"reason\": \"a second go\"}");
        assertThat(json(again).at("/appeal/reason").asString()).isEqualTo("I did explain the skills gap");
        assertThat(Instant.parse(json(again).at("/appeal/requestedAt").asString())).isEqualTo(
                Instant.parse(json(first).at("/appeal/requestedAt").asString()).truncatedTo(ChronoUnit.MILLIS));

        Http.postJson(url("/api/v1/marking/marks/" + markId + "/override"),
                "{\"mark\": 2, \"reason\": \"both points are there\"}");
        JsonNode decided = json(Http.get(url("/api/v1/marking/marks/" + markId)));
        assertThat(decided.at("/appeal/status").asString()).isEqualTo("overridden");
        assertThat(decided.get("finalMark").asInt()).isEqualTo(2);

        JsonNode log = json(Http.get(url("/api/v1/admin/audit?markId=" + markId)));
        assertThat(log.get("items").findValuesAsString("action")).containsExactly("appeal", "override");
        JsonNode override = log.get("items").get(1);
        assertThat(override.get("who").asString()).isEqualTo("test-admin"); // the signed identity the test Http helper sends
        assertThat(override.at("/before/mark").asInt()).isEqualTo(1);
        assertThat(override.at("/after/mark").asInt()).isEqualTo(2);
        assertThat(override.at("/after/reviewStatus").asString()).isEqualTo("overridden");
        assertThat(override.get("reason").asString()).isEqualTo("both points are there");
    }

    @Test
    void givenBadAppeals_thenProblemsNamingTheFieldOrTheMark() {
        String markId = mark("learner-bad-appeal");

        HttpResponse<String> blank = appeal(markId, "{\"reason\": \"  \"}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(blank).at("/errors/0/field").asString()).isEqualTo("reason");
        assertThat(appeal(markId, "{}").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = appeal("no-such-mark", "{\"reason\": \"why\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("detail").asString()).contains("no-such-mark");
    }

    @Test
    void givenChanges_whenTheAuditIsReadPerLearnerInPages_thenTheCursorWalksThemInOrder() {
        String learner = "learner-audit-" + UUID.randomUUID();
        String first = mark(learner);
        String second = mark(learner);
        Http.postJson(url("/api/v1/marking/marks/" + first + "/accept"), "{}");
        Http.postJson(url("/api/v1/marking/marks/" + second + "/accept"), "{}");
        appeal(second, "{\"reason\": \"please look\"}");

        JsonNode page1 = json(Http.get(url("/api/v1/admin/audit?learnerId=" + learner + "&limit=2")));
        assertThat(page1.get("items")).hasSize(2);
        JsonNode page2 = json(Http.get(url("/api/v1/admin/audit?learnerId=" + learner + "&limit=2&cursor="
                + page1.get("next").asString())));
        List<String> actions = new ArrayList<>(page1.get("items").findValuesAsString("action"));
        actions.addAll(page2.get("items").findValuesAsString("action"));
        assertThat(actions).containsExactly("accept", "accept", "appeal");
        assertThat(page2.get("next").asString()).isEmpty();
        assertThat(Http.get(url("/api/v1/admin/audit?limit=0")).statusCode()).isEqualTo(400);
    }

    @Test
    void givenALearnerWithMarksAndABatch_whenLearnerErased_thenNothingNamesThemAndTheyStayErased() throws Exception {
        String erased = "learner-erase-" + UUID.randomUUID();
        String kept = "learner-keep-" + UUID.randomUUID();
        String markId = mark(erased);
        appeal(markId, "{\"reason\": \"my words, my data\"}");
        String keptMark = mark(kept);
        HttpResponse<String> batch = Http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/marking/batches")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                    {"scheme": {"stem": "State one benefit.", "commandWord": "state", "maxMarks": 1,
                       "markingPoints": [{"id": "a", "text": "loyalty", "marks": 1}]},
                     "items": [{"answer": "Loyalty.", "learnerId": "%s", "ref": "e1"},
                               {"answer": "Loyal customers.", "learnerId": "%s", "ref": "k1"}]}
                    """.formatted(erased, kept))).build());
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(202);
        String batchUrl = batch.headers().firstValue("Location").orElseThrow();
        await().atMost(Duration.ofSeconds(60)).until(() -> json(Http.get(batchUrl)).get("status").asString()
                .equals("done"));
        JsonNode before = json(Http.get(url("/api/v1/internal/learners/" + erased + "/export")));
        assertThat(before.get("found").asBoolean()).isTrue();
        assertThat(before.at("/marks/0/points/0/evidence")).isNotEmpty();
        assertThat(before.get("batchItems")).hasSize(1);

        EventEnvelope<LearnerErased> event = EventEnvelope.wrap("demo", new LearnerErased(erased), Instant.now());
        publish(event);
        String ack = url("/api/v1/internal/erasures/" + LearnerPseudonym.of("demo", erased));
        await().atMost(Duration.ofSeconds(30)).until(() -> json(Http.get(ack)).get("acknowledged").asBoolean());
        publish(event); // a replay changes nothing

        assertThat(documentsNaming(erased)).isEmpty();
        assertThat(documentsNaming(kept)).isNotEmpty();
        assertThat(Http.get(url("/api/v1/marking/marks/" + markId)).statusCode()).isEqualTo(404);
        assertThat(Http.get(url("/api/v1/marking/marks/" + keptMark)).statusCode()).isEqualTo(200);
        assertThat(json(Http.get(url("/api/v1/internal/learners/" + erased + "/export"))).get("found").asBoolean())
                .isFalse();
        JsonNode log = json(Http.get(url("/api/v1/admin/audit?markId=" + markId)));
        assertThat(log.get("items").findValuesAsString("action")).containsExactly("appeal", "erase");
        HttpResponse<String> resurrect = Http.postJson(url("/api/v1/marking/mark"), INLINE.formatted(erased));
        assertThat(resurrect.statusCode()).isEqualTo(409);
        assertThat(documentsNaming(erased)).isEmpty();
    }

    @Test
    void givenRetentionOfThirtyDays_whenRunAMonthLater_thenOlderMarksGoAndTheDeletionIsAudited() {
        String markId = mark("learner-retention-" + UUID.randomUUID());
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(31)), ZoneOffset.UTC);

        assertThat(new AnswerRetention(mongo, audit, later, 0).purge()).isZero();
        assertThat(new AnswerRetention(mongo, audit, Clock.systemUTC(), 30).purge()).isZero();
        assertThat(Http.get(url("/api/v1/marking/marks/" + markId)).statusCode()).isEqualTo(200);
        assertThat(new AnswerRetention(mongo, audit, later, 30).purge()).isPositive();

        assertThat(Http.get(url("/api/v1/marking/marks/" + markId)).statusCode()).isEqualTo(404);
        JsonNode log = json(Http.get(url("/api/v1/admin/audit?markId=" + markId)));
        assertThat(log.get("items").findValuesAsString("action")).containsExactly("retention");
    }

    /** Every document of every collection whose JSON mentions {@code text} anywhere. */
    private List<String> documentsNaming(String text) {
        List<String> hits = new ArrayList<>();
        for (String collection : mongo.getCollectionNames()) {
            for (Document d : mongo.getCollection(collection).find()) {
                if (d.toJson().contains(text)) {
                    hits.add(collection + ": " + d.toJson());
                }
            }
        }
        return hits;
    }
}

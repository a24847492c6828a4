package org.markpoint.progress.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.markpoint.model.event.AnswerMarked;
import org.markpoint.model.event.EventCodec;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.OutcomeEvidence;
import org.markpoint.model.privacy.LearnerPseudonym;
import org.markpoint.progress.support.Http;
import org.markpoint.progress.support.TestIdentity;
import org.markpoint.progress.support.TestMongo;
import org.markpoint.progress.tracking.ProgressTracker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GDPR admin API in progress-service, with marking-service and question-service stood in for: an export composed
 * from every service (or a 503 naming the one that did not answer), an erasure through {@code LearnerErased} that
 * leaves nothing naming the learner here and is not undone by a late mark, and answer retention.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=progress-service", "markpoint.outbox.poll-ms=50"})
@EmbeddedKafka(partitions = 1)
class PrivacyApiIT {

    private static final EventCodec CODEC = new EventCodec();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final StubPrivacyServices MARKING = new StubPrivacyServices("marking-service");
    private static final StubPrivacyServices QUESTION = new StubPrivacyServices("question-service");

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("spring.mongodb.uri", TestMongo::uri);
        r.add("spring.mongodb.database", () -> "progress-privacy-it");
        r.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        r.add("markpoint.marking.url", MARKING::url);
        r.add("markpoint.question.url", QUESTION::url);
    }

    @AfterAll
    static void stopStubs() {
        MARKING.close();
        QUESTION.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ProgressTracker tracker;

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return Http.send(request.build()); // with the default signed identity
    }

    private HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).DELETE());
    }

    private void marked(String learner, Instant at) throws Exception {
        String markId = "m-" + UUID.randomUUID();
        var event = new AnswerMarked(markId, markId, learner, "q1", 1, 1, 2, List.of("a"), List.of("b"),
                List.of(new OutcomeEvidence("lo-1", 1, 2)), 0.8, "");
        var envelope = EventEnvelope.wrap("demo", event, at);
        kafka.send(envelope.topic(), envelope.key(), CODEC.encode(envelope)).get();
    }

    private void learnerWithProgress(String learner) throws Exception {
        marked(learner, Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> tracker.find("demo", learner).isPresent());
    }

    private String cohort(String name, String... learners) {
        HttpResponse<String> r = Http.postJson(url("/api/v1/progress/cohorts"), JSON.createObjectNode()
                .put("name", name).set("learnerIds", JSON.valueToTree(List.of(learners))).toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("id").asString();
    }

    @Test
    void givenALearnerHeldEverywhere_whenExported_thenOneJsonHasEveryServicesPart_andNoOtherLearner() throws Exception {
        String learner = "exp-" + UUID.randomUUID();
        String classmate = "classmate-" + UUID.randomUUID();
        learnerWithProgress(learner);
        cohort("Export group", learner, classmate);
        MARKING.holds(learner);

        String[] caller = TestIdentity.headers(TestIdentity.DEFAULT);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url("/api/v1/admin/learners/" + learner
                + "/export"))).headers(caller).GET());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode export = JSON.readTree(r.body());
        assertThat(export.get("learnerId").asString()).isEqualTo(learner);
        JsonNode own = export.at("/services/progress-service");
        assertThat(own.at("/progress/0/progress/answers/0/pointsHit/0").asString()).isEqualTo("a");
        assertThat(own.at("/cohorts/0/name").asString()).isEqualTo("Export group");
        assertThat(export.at("/services/marking-service/marks/0/markId").asString()).isEqualTo("m-" + learner);
        assertThat(export.at("/services/question-service/found").asBoolean()).isFalse();
        assertThat(r.body()).doesNotContain(classmate);
        assertThat(MARKING.identityHeadersSeen).contains(caller[1]); // the caller's signed identity travelled along
    }

    @Test
    void givenAnUnknownLearner_whenExportedOrErased_then404() {
        Http.assertProblem(Http.get(url("/api/v1/admin/learners/nobody-" + UUID.randomUUID() + "/export")), 404,
                null);
        Http.assertProblem(delete("/api/v1/admin/learners/nobody-" + UUID.randomUUID()), 404, null);
        Http.assertProblem(Http.get(url("/api/v1/admin/erasures/no-such-erasure")), 404, null);
        Http.assertProblem(Http.get(url("/api/v1/admin/learners/%20/export")), 400, "id");
    }

    @Test
    void givenAServiceDown_whenExported_then503NamingIt_andAnErasureOfALearnerHeldHereGoesAhead() throws Exception {
        String learner = "down-" + UUID.randomUUID();
        learnerWithProgress(learner);
        QUESTION.down(true);
        try {
            HttpResponse<String> r = Http.get(url("/api/v1/admin/learners/" + learner + "/export"));
            Http.assertProblem(r, 503, null);
            assertThat(JSON.readTree(r.body()).get("service").asString()).isEqualTo("question-service");
            Http.assertProblem(delete("/api/v1/admin/learners/only-elsewhere-" + UUID.randomUUID()), 503, null);
            HttpResponse<String> erasing = delete("/api/v1/admin/learners/" + learner); // held here: it goes ahead
            assertThat(erasing.statusCode()).as(erasing.body()).isEqualTo(202);
            assertThat(JSON.readTree(erasing.body()).at("/services/2").toString())
                    .contains("question-service", "unreachable");
        } finally {
            QUESTION.down(false);
        }
    }

    @Test
    void givenALearner_whenErased_thenEveryServiceAcknowledges_nothingHereNamesThem_andALateMarkIsDropped()
            throws Exception {
        String erased = "erase-" + UUID.randomUUID();
        String kept = "keep-" + UUID.randomUUID();
        learnerWithProgress(erased);
        learnerWithProgress(kept);
        String cohortId = cohort("Erase group", erased, kept);

        HttpResponse<String> accepted = delete("/api/v1/admin/learners/" + erased);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode erasure = JSON.readTree(accepted.body());
        String id = erasure.get("erasureId").asString();
        assertThat(accepted.headers().firstValue("Location")).hasValue("/api/v1/admin/erasures/" + id);
        assertThat(erasure.get("status").asString()).isEqualTo("in-progress");
        assertThat(accepted.body()).doesNotContain(erased);
        await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(Http.get(url("/api/v1/admin/erasures/" + id))
                .body()).at("/services/0/status").asString().equals("erased"));
        MARKING.acknowledge(LearnerPseudonym.of("demo", erased));
        QUESTION.acknowledge(LearnerPseudonym.of("demo", erased));
        JsonNode done = JSON.readTree(Http.get(url("/api/v1/admin/erasures/" + id)).body());
        assertThat(done.get("status").asString()).isEqualTo("complete");
        assertThat(done.get("services").findValuesAsString("service"))
                .containsExactly("progress-service", "marking-service", "question-service");
        assertThat(JSON.readTree(delete("/api/v1/admin/learners/" + erased).body()).get("erasureId").asString())
                .isEqualTo(id);

        marked(erased, Instant.now()); // in flight when they were erased
        marked(kept, Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> tracker.find("demo", kept).orElseThrow().answers()
                .size() == 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> documentsNaming(erased).isEmpty());
        assertThat(documentsNaming(erased)).isEmpty();
        assertThat(documentsNaming(kept)).isNotEmpty();
        assertThat(JSON.readTree(Http.get(url("/api/v1/progress/cohorts/" + cohortId)).body()).get("learnerIds"))
                .extracting(JsonNode::asString).containsExactly(kept);
    }

    @Test
    void givenRetentionOfThirtyDays_whenRunAMonthLater_thenOlderAnswersLeaveProgress() throws Exception {
        String learner = "old-" + UUID.randomUUID();
        marked(learner, Instant.now().minus(Duration.ofDays(40)));
        marked(learner, Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> tracker.find("demo", learner)
                .map(p -> p.answers().size() == 2).orElse(false));

        assertThat(new AnswerRetention(mongo, Clock.systemUTC(), 0).purge().answers()).isZero();
        Clock now = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        assertThat(new AnswerRetention(mongo, now, 30).purge().answers()).isPositive();

        assertThat(tracker.find("demo", learner).orElseThrow().answers()).hasSize(1);
        assertThat(tracker.find("demo", learner).orElseThrow().outcomes()).isNotEmpty();
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

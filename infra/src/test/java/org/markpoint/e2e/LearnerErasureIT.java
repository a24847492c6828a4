package org.markpoint.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.markpoint.testing.TestCredentials.sendAsStaff;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GDPR erasure across the three real services over a real Kafka broker: two learners leave data everywhere (a quiz,
 * mastery and a cohort place in progress-service; marks with evidence, an appeal and its audit, batch items in
 * marking-service); one is exported, then erased through the admin API. Afterwards every document of every
 * collection of every service's database is searched for the erased learner's id, as text anywhere in its JSON:
 * none may name them, while the other learner's data is all still there.
 */
class LearnerErasureIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String QUESTION_ID = "gdpr-state";
    private static final String UNIT = "unit-gdpr";
    private static final String ANSWER = "Apologise to the customer.";
    private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "config", "local");

    private static InProcessStack stack;
    private static MongoClient client;
    private static String question;
    private static String marking;
    private static String progress;

    @BeforeAll
    static void startStack() {
        stack = InProcessStack.services();
        client = MongoClients.create(stack.mongoUri);
        question = stack.question;
        marking = stack.marking;
        progress = stack.progress;
    }

    @AfterAll
    static void stopStack() {
        if (client != null) {
            client.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    private static HttpResponse<String> post(String url, String json) {
        return sendAsStaff(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static JsonNode ok(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    private static JsonNode get(String url) {
        return ok(sendAsStaff(HttpRequest.newBuilder(URI.create(url)).GET()), 200);
    }

    private static void publishQuestion() {
        ok(post(question + "/api/v1/questions", """
            {"id": "%s", "unitId": "%s", "learningOutcomes": ["lo-gdpr"],
             "scheme": {"stem": "State one step in handling a complaint.", "commandWord": "state", "maxMarks": 1,
               "markingPoints": [{"id": "a", "text": "apologise", "accept": ["apologise"], "marks": 1}]}}
            """.formatted(QUESTION_ID, UNIT)), 201);
        await().atMost(Duration.ofSeconds(30)).until(() -> post(marking + "/api/v1/marking/mark",
                "{\"answer\": \"probe\", \"questionId\": \"" + QUESTION_ID + "\"}").statusCode() == 200);
    }

    /** A quiz answered (marked at once), a mark appealed, so progress, marks, audit and review queue name them. */
    private static void leaveDataEverywhere(String learner) {
        List<HttpResponse<String>> started = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            started.add(0, post(progress + "/api/v1/progress/quizzes", "{\"learnerId\": \"" + learner
                    + "\", \"unitId\": \"" + UNIT + "\", \"maxItems\": 3}"));
            return started.getFirst().statusCode() == 201;
        });
        JsonNode quiz = JSON.readTree(started.getFirst().body());
        String quizId = quiz.get("quizId").asString();
        HttpResponse<String> answered = post(progress + "/api/v1/progress/quizzes/" + quizId + "/items/"
                + quiz.at("/current/itemId").asString() + "/answer", JSON.createObjectNode().put("answer", ANSWER)
                .toString());
        assertThat(answered.statusCode()).as(answered.body()).isIn(200, 202); // 202: marked asynchronously
        JsonNode mark = ok(post(marking + "/api/v1/marking/mark", "{\"answer\": \"Say sorry, " + learner
                + ".\", \"learnerId\": \"" + learner + "\", \"questionId\": \"" + QUESTION_ID + "\"}"), 200);
        ok(post(marking + "/api/v1/marking/marks/" + mark.get("markId").asString() + "/appeals",
                "{\"reason\": \"I did say sorry\"}"), 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> sendAsStaff(HttpRequest.newBuilder(URI.create(progress
                + "/api/v1/progress/learners/" + learner + "/mastery")).GET()).statusCode() == 200
                && get(progress + "/api/v1/progress/learners/" + learner + "/mastery").at("/outcomes/0/evidence")
                .asInt() == 2);
    }

    @Test
    void givenTwoLearnersWithDataInEveryService_whenOneIsErased_thenNoDocumentAnywhereNamesThem() {
        publishQuestion();
        String erased = "gdpr-learner-erased-7f3a";
        String kept = "gdpr-learner-kept-91c2";
        leaveDataEverywhere(erased);
        leaveDataEverywhere(kept);
        JsonNode batch = ok(post(marking + "/api/v1/marking/batches", """
            {"questionId": "%s", "items": [{"answer": "Apologise.", "learnerId": "%s", "ref": "b1"},
                                            {"answer": "Apologise.", "learnerId": "%s", "ref": "b2"}]}
            """.formatted(QUESTION_ID, erased, kept)), 202);
        await().atMost(Duration.ofSeconds(60)).until(() -> get(marking + "/api/v1/marking/batches/"
                + batch.get("batchId").asString()).get("status").asString().equals("done"));
        ok(post(progress + "/api/v1/progress/cohorts", "{\"name\": \"Group G\", \"learnerIds\": [\"" + erased
                + "\", \"" + kept + "\"]}"), 201);
        assertThat(databasesNaming(erased)).containsOnlyKeys("markpoint-marking", "markpoint-progress");

        JsonNode export = get(progress + "/api/v1/admin/learners/" + erased + "/export");
        assertThat(export.at("/services/marking-service/marks")).hasSize(3);
        assertThat(export.at("/services/marking-service/marks/0/points/0/evidence")).isNotEmpty();
        assertThat(export.at("/services/marking-service/batchItems")).hasSize(1);
        assertThat(export.at("/services/marking-service/audit/0/action").asString()).isEqualTo("appeal");
        assertThat(export.at("/services/progress-service/quizzes")).hasSize(1);
        assertThat(export.at("/services/progress-service/progress/0/progress/answers")).isNotEmpty();
        assertThat(export.at("/services/progress-service/cohorts/0/name").asString()).isEqualTo("Group G");
        assertThat(export.toString()).doesNotContain(kept);

        HttpResponse<String> delete = sendAsStaff(HttpRequest.newBuilder(URI.create(progress + "/api/v1/admin/learners/"
                + erased)).DELETE());
        String erasureId = ok(delete, 202).get("erasureId").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> get(progress + "/api/v1/admin/erasures/" + erasureId)
                .get("status").asString().equals("complete"));
        // the erasure record gives up the LearnerErased it owed once the broker took it
        await().atMost(Duration.ofSeconds(30)).until(() -> databasesNaming(erased).isEmpty());

        assertThat(databasesNaming(erased)).as("documents naming the erased learner").isEmpty();
        assertThat(databasesNaming(kept)).containsOnlyKeys("markpoint-marking", "markpoint-progress");
        assertThat(databasesNaming(kept).get("markpoint-marking")).anyMatch(h -> h.startsWith("marks:"))
                .anyMatch(h -> h.startsWith("batch_chunks:")).anyMatch(h -> h.startsWith("audit:"));
        assertThat(databasesNaming(kept).get("markpoint-progress")).anyMatch(h -> h.startsWith("quizzes:"))
                .anyMatch(h -> h.startsWith("learner_progress:")).anyMatch(h -> h.startsWith("cohorts:"));
        assertThat(sendAsStaff(HttpRequest.newBuilder(URI.create(progress + "/api/v1/admin/learners/" + erased
                + "/export")).GET()).statusCode()).isEqualTo(404);
        System.out.printf("erasure %s: %s%n", erasureId, get(progress + "/api/v1/admin/erasures/" + erasureId));
    }

    /** Per database, "collection: document JSON" for every document that mentions {@code text} anywhere. */
    private static java.util.Map<String, List<String>> databasesNaming(String text) {
        java.util.Map<String, List<String>> hits = new java.util.TreeMap<>();
        for (String db : client.listDatabaseNames()) {
            if (SYSTEM_DATABASES.contains(db)) {
                continue;
            }
            for (String collection : client.getDatabase(db).listCollectionNames()) {
                for (Document d : client.getDatabase(db).getCollection(collection).find()) {
                    String json = d.toJson();
                    if (json.contains(text)) {
                        hits.computeIfAbsent(db, k -> new ArrayList<>()).add(collection + ": " + json);
                    }
                }
            }
        }
        return hits;
    }
}

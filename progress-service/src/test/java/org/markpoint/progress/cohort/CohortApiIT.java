package org.markpoint.progress.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.markpoint.progress.support.Http.assertProblem;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.markpoint.model.event.AnswerMarked;
import org.markpoint.model.event.EventCodec;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.MarkOverridden;
import org.markpoint.model.event.OutcomeEvidence;
import org.markpoint.model.event.QuestionPublished;
import org.markpoint.model.event.SpottedMisconception;
import org.markpoint.model.event.Topics;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.progress.catalog.QuestionCatalog;
import org.markpoint.progress.support.Http;
import org.markpoint.progress.support.TestMongo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cohort dashboard over real HTTP, fed by real {@code AnswerMarked} events through an embedded Kafka broker into
 * the MongoDB-wire server. One cohort of five learners, whose answers (dated days back) give known figures:
 * <pre>
 *   ana  qc-1 2/2 (-3d), qc-2 2/2 (-2d)                         lo-c1 0.890
 *   ben  qc-1 0/2 (-3d), qc-2 0/2 (-1d), qc-3 0/2 (-1d)          lo-c1 0.172, lo-c2 0.176
 *   cat  nothing
 *   dan  qc-1 2/2 (-20d)                                          lo-c1 0.600
 *   eve  qc-1 2/2, qc-2 2/2 (-5d), qc-1 0/2, qc-2 0/2 (-1d)       lo-c1 0.890 then 0.274
 * </pre>
 * (default BKT parameters: prior 0.2, learn 0.15, guess 0.2, slip 0.1.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=progress-service")
@EmbeddedKafka(partitions = 1, topics = {Topics.QUESTION, Topics.ANSWER_MARKED, Topics.MASTERY})
class CohortApiIT {

    private static final EventCodec CODEC = new EventCodec();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final LocalDate TODAY = LocalDate.ofInstant(BASE, ZoneOffset.UTC);
    private static final SpottedMisconception ALWAYS_RIGHT = new SpottedMisconception("m-always",
            "Service balances customer needs with policy.");
    private static final SpottedMisconception FRONT_LINE = new SpottedMisconception("m-front",
            "Everyone in the organisation affects service.");
    private static final List<String> ROSTER = List.of("ana", "ben", "cat", "dan", "eve");
    private static String cohortId;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("spring.mongodb.uri", TestMongo::uri);
        r.add("spring.mongodb.database", () -> "progress-cohort-it");
        r.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    QuestionCatalog catalog;

    // ---- the cohort's answers ------------------------------------------------------------------------------------

    private static int marks;

    private void send(EventEnvelope<?> e) {
        try {
            kafka.send(e.topic(), e.key(), CODEC.encode(e)).get();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A mark out of 2 on a question of lo-c1 (qc-1, qc-2) or lo-c2 (qc-3); a 0 misses points a and b. */
    private void answered(String tenant, String learner, String question, int mark, Instant at,
                          SpottedMisconception... misconceptions) {
        String outcome = question.equals("qc-3") ? "lo-c2" : "lo-c1";
        List<String> missed = mark == 2 ? List.of() : mark == 1 ? List.of("b") : List.of("a", "b");
        send(EventEnvelope.wrap(tenant, new AnswerMarked(
                learner + "-mark-" + (++marks), "answer-" + marks, learner, question, 1, mark, 2,
                mark == 2 ? List.of("a", "b") : List.of(), missed, List.of(new OutcomeEvidence(outcome, mark, 2)), 0.9,
                "", List.of(misconceptions)), at));
    }

    private static Instant daysAgo(int days) {
        return BASE.minus(Duration.ofDays(days));
    }

    @BeforeEach
    void cohortWithAnswers() {
        if (cohortId != null) {
            return;
        }
        for (String q : List.of("qc-1", "qc-2", "qc-3")) {
            send(EventEnvelope.wrap("demo", new QuestionPublished(q, 1, "unit-c",
                    List.of(q.equals("qc-3") ? "lo-c2" : "lo-c1"), new MarkingScheme("Explain " + q + ".", "explain",
                            2, "", List.of(MarkingPoint.of("a", "one"), MarkingPoint.of("b", "two")), List.of(),
                            List.of())), BASE));
        }
        answered("demo", "ana", "qc-1", 2, daysAgo(3));
        answered("demo", "ana", "qc-2", 2, daysAgo(2));
        answered("demo", "ben", "qc-1", 0, daysAgo(3), ALWAYS_RIGHT);
        answered("demo", "ben", "qc-2", 0, daysAgo(1));
        answered("demo", "ben", "qc-3", 0, daysAgo(1).plusSeconds(60), FRONT_LINE);
        answered("demo", "dan", "qc-1", 2, daysAgo(20));
        answered("demo", "eve", "qc-1", 2, daysAgo(5));
        answered("demo", "eve", "qc-2", 2, daysAgo(5).plusSeconds(60));
        answered("demo", "eve", "qc-1", 0, daysAgo(1), ALWAYS_RIGHT);
        answered("demo", "eve", "qc-2", 0, daysAgo(1).plusSeconds(60));
        // outside the cohort, or in another tenant: never in its figures
        answered("other", "ana", "qc-1", 0, daysAgo(1));
        for (int i = 0; i < 3; i++) {
            answered("demo", "fay", "qc-1", 2, daysAgo(1).plusSeconds(60L * i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> catalog.find("demo", "qc-3").isPresent()
                && answerCount("eve") == 4 && answerCount("fay") == 3 && answerCount("ana") == 2
                && answerCount("ben") == 3 && answerCount("dan") == 1);

        HttpResponse<String> created = Http.postJson(url("/cohorts"), JSON.createObjectNode().put("name", " Group A ")
                .set("learnerIds", JSON.valueToTree(ROSTER)).toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        cohortId = json(created).get("id").asString();
        assertThat(created.headers().firstValue("Location")).contains(url("/cohorts/" + cohortId));
        assertThat(json(created).get("name").asString()).isEqualTo("Group A");
        assertThat(json(created).get("learnerIds")).extracting(JsonNode::asString).containsExactlyElementsOf(ROSTER);
        assertThat(Instant.parse(json(created).get("createdAt").asString())).isAfterOrEqualTo(BASE);
    }

    private int answerCount(String learner) {
        HttpResponse<String> r = Http.get(url("/learners/" + learner + "/answers?limit=200"));
        return r.statusCode() == 200 ? json(r).get("items").size() : 0;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + "/api/v1/progress" + path;
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private JsonNode getOk(String path) {
        HttpResponse<String> r = Http.get(url(path));
        assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(200);
        return json(r);
    }

    // ---- cohorts -------------------------------------------------------------------------------------------------

    @Test
    void givenCohorts_whenListedTwoAtATime_thenPagesFollowTheNextCursorAndLinkHeader() {
        for (String name : List.of("List 1", "List 2")) {
            assertThat(Http.postJson(url("/cohorts"), "{\"name\":\"" + name + "\",\"learnerIds\":[]}").statusCode())
                    .isEqualTo(201);
        }
        HttpResponse<String> first = Http.get(url("/cohorts?limit=2"));
        String next = json(first).get("next").asString();

        assertThat(json(first).get("items")).hasSize(2);
        assertThat(first.headers().firstValue("Link")).hasValueSatisfying(l -> assertThat(l)
                .contains("cursor=" + next).endsWith("rel=\"next\""));
        JsonNode rest = getOk("/cohorts?limit=200&cursor=" + next);
        assertThat(rest.get("next").asString()).isEmpty();
        assertThat(json(first).get("items").size() + rest.get("items").size()).isGreaterThanOrEqualTo(3);
        assertThat(getOk("/cohorts/" + cohortId).get("learnerIds")).extracting(JsonNode::asString)
                .containsExactlyElementsOf(ROSTER);
    }

    @Test
    void givenANewRoster_whenPut_thenItReplacesTheOldAndTheGridFollowsIt() {
        String id = json(Http.postJson(url("/cohorts"), "{\"name\":\"Swap\",\"learnerIds\":[\"ana\",\"ben\"]}"))
                .get("id").asString();

        HttpResponse<String> put = Http.putJson(url("/cohorts/" + id + "/learners"), "{\"learnerIds\":[\"eve\",\"ana\"]}");

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(json(put).get("learnerIds")).extracting(JsonNode::asString).containsExactly("eve", "ana");
        assertThat(getOk("/cohorts/" + id + "/grid?unit=unit-c").get("items"))
                .extracting(row -> row.get("learnerId").asString()).containsExactly("eve", "ana");
    }

    @Test
    void givenBadCohortRequests_whenSent_then400NamingTheFieldOr404() {
        assertProblem(Http.postJson(url("/cohorts"), "{\"name\":\"x\",\"learnerIds\":[\"a\",\" \"]}"), 400,
                "learnerIds[1]");
        assertProblem(Http.postJson(url("/cohorts"), "{\"name\":\"x\",\"learnerIds\":[\"a\",\"b\",\"a\"]}"), 400,
                "learnerIds[2]");
        assertProblem(Http.postJson(url("/cohorts"), "{\"name\":\"x\"}"), 400, "learnerIds");
        assertProblem(Http.postJson(url("/cohorts"), "{\"learnerIds\":[]}"), 400, "name");
        assertProblem(Http.putJson(url("/cohorts/" + cohortId + "/learners"), "{\"learnerIds\":[null]}"), 400,
                "learnerIds[0]");
        assertProblem(Http.get(url("/cohorts?limit=201")), 400, "limit");
        assertProblem(Http.get(url("/cohorts/" + cohortId + "/grid?unit=unit-c&limit=0")), 400, "limit");
        assertProblem(Http.get(url("/cohorts/" + cohortId + "/grid")), 400, "unit");
        assertProblem(Http.get(url("/cohorts/" + cohortId + "/grid?unit=unit-c&cursor=nobody")), 400, "cursor");
        assertProblem(Http.get(url("/cohorts/" + cohortId + "/trend?outcome=lo-c1&days=0")), 400, "days");
        assertProblem(Http.get(url("/cohorts/" + cohortId + "/trend")), 400, "outcome");
        assertProblem(Http.get(url("/cohorts/" + cohortId + "/grid?unit=unit-nowhere")), 404, null);
        for (String view : List.of("", "/grid?unit=unit-c", "/outcomes?unit=unit-c", "/at-risk", "/questions",
                "/missed-points", "/misconceptions", "/trend?outcome=lo-c1")) {
            HttpResponse<String> r = Http.get(url("/cohorts/no-such-cohort" + view));
            assertProblem(r, 404, null);
            assertThat(json(r).get("detail").asString()).contains("no-such-cohort");
        }
        assertProblem(Http.putJson(url("/cohorts/no-such-cohort/learners"), "{\"learnerIds\":[]}"), 404, null);
    }

    // ---- the dashboard -------------------------------------------------------------------------------------------

    @Test
    void givenTheCohort_whenTheGridIsPagedTwoLearnersAtATime_thenEachCellHasMasteryIntervalEvidenceAndStatus() {
        JsonNode first = getOk("/cohorts/" + cohortId + "/grid?unit=unit-c&limit=2");

        assertThat(first.get("outcomes")).extracting(o -> o.get("outcomeId").asString() + "@" + o.get("unitId")
                .asString()).containsExactly("lo-c1@unit-c", "lo-c2@unit-c");
        assertThat(first.get("items")).extracting(r -> r.get("learnerId").asString()).containsExactly("ana", "ben");
        assertThat(first.at("/items/0/cells/0")).isEqualTo(JSON.readTree("""
                {"outcomeId":"lo-c1","mastery":0.89,"low":0.421,"high":0.989,"evidence":2,"status":"developing"}"""));
        assertThat(first.at("/items/0/cells/1")).isEqualTo(JSON.readTree("""
                {"outcomeId":"lo-c2","mastery":null,"low":null,"high":null,"evidence":0,"status":"no-evidence"}"""));
        assertThat(first.at("/items/1/cells/0/mastery").asDouble()).isEqualTo(0.172);
        assertThat(first.at("/items/1/cells/0/low").asDouble()).isEqualTo(0.025);
        assertThat(first.at("/items/1/cells/0/high").asDouble()).isEqualTo(0.63);
        assertThat(first.at("/items/1/cells/0/status").asString()).isEqualTo("not-yet-secure");
        assertThat(first.get("next").asString()).isEqualTo("ben");

        HttpResponse<String> second = Http.get(url("/cohorts/" + cohortId + "/grid?unit=unit-c&limit=2&cursor=ben"));
        assertThat(second.headers().firstValue("Link")).hasValueSatisfying(l -> assertThat(l).contains("cursor=dan"));
        assertThat(json(second).get("items")).extracting(r -> r.get("learnerId").asString())
                .containsExactly("cat", "dan");
        assertThat(json(second).at("/items/0/cells/0/status").asString()).isEqualTo("no-evidence");
        JsonNode last = getOk("/cohorts/" + cohortId + "/grid?unit=unit-c&limit=2&cursor=dan");
        assertThat(last.get("items")).extracting(r -> r.get("learnerId").asString()).containsExactly("eve");
        assertThat(last.get("next").asString()).isEmpty();
    }

    @Test
    void givenTheCohort_whenOutcomesAreRanked_thenTheWeakestComesFirstWithItsCounts() {
        JsonNode items = getOk("/cohorts/" + cohortId + "/outcomes?unit=unit-c").get("items");

        assertThat(items).hasSize(2);
        assertThat(items.get(0)).isEqualTo(JSON.readTree("""
                {"outcomeId":"lo-c2","meanMastery":0.176,"learnersAssessed":1,"learnersNotSecure":1,"evidence":1}"""));
        // mean of 0.890, 0.172, 0.600, 0.274; ben and eve are below 0.5
        assertThat(items.get(1)).isEqualTo(JSON.readTree("""
                {"outcomeId":"lo-c1","meanMastery":0.484,"learnersAssessed":4,"learnersNotSecure":2,"evidence":9}"""));
    }

    @Test
    void givenTheCohort_whenAtRiskIsAsked_thenEachLearnerAtRiskComesWithReasonsMostReasonsFirst() {
        JsonNode items = getOk("/cohorts/" + cohortId + "/at-risk").get("items");

        assertThat(items).extracting(i -> i.get("learnerId").asString()).containsExactly("eve", "ben", "cat", "dan");
        assertThat(items.get(0).get("reasons")).isEqualTo(JSON.readTree("""
                [{"code":"low-mastery","detail":"Not yet secure in 1 outcome: lo-c1 (mastery 0.27 from 4 answers)"},
                 {"code":"falling-trend","detail":"lo-c1 fell from 0.89 to 0.27 in the last 14 days"}]"""));
        assertThat(items.get(1).get("reasons")).isEqualTo(JSON.readTree("""
                [{"code":"low-mastery","detail":"Not yet secure in 1 outcome: lo-c1 (mastery 0.17 from 2 answers)"}]"""));
        assertThat(items.get(2).get("reasons")).isEqualTo(JSON.readTree("""
                [{"code":"inactive","detail":"No answers yet"}]"""));
        assertThat(items.at("/3/reasons/0/code").asString()).isEqualTo("inactive");
        assertThat(items.at("/3/reasons/0/detail").asString()).isEqualTo("No answers for 20 days (last on "
                + TODAY.minusDays(20) + ")");
    }

    @Test
    void givenTheCohort_whenQuestionsAreAnalysed_thenFacilityAndDiscriminationPerQuestion() {
        JsonNode items = getOk("/cohorts/" + cohortId + "/questions").get("items");

        // qc-1: ana 1, ben 0, dan 1, eve 1 then 0 -> facility 0.6; per learner 1, 0, 1, 0.5 against the rest of
        // their answers 1, 0, 0, 0.5 -> r = 0.455. qc-2 has four attempts, qc-3 one: too few to correlate.
        assertThat(items).isEqualTo(JSON.readTree("""
                [{"questionId":"qc-1","attempts":5,"facility":0.6,"discrimination":0.455},
                 {"questionId":"qc-2","attempts":4,"facility":0.5,"discrimination":null},
                 {"questionId":"qc-3","attempts":1,"facility":0.0,"discrimination":null}]"""));
        assertThat(getOk("/cohorts/" + cohortId + "/questions?unit=unit-c").get("items")).isEqualTo(items);
    }

    @Test
    void givenTheCohort_whenMissedPointsArePaged_thenMostMissedFirstAcrossPages() {
        HttpResponse<String> page = Http.get(url("/cohorts/" + cohortId + "/missed-points?limit=4"));
        JsonNode first = json(page);
        String link = page.headers().firstValue("Link").orElseThrow();
        JsonNode second = json(Http.get(link.substring(1, link.indexOf('>')))); // follow rel="next"

        assertThat(first.get("items")).isEqualTo(JSON.readTree("""
                [{"questionId":"qc-2","pointId":"a","missed":2,"attempts":4},
                 {"questionId":"qc-2","pointId":"b","missed":2,"attempts":4},
                 {"questionId":"qc-1","pointId":"a","missed":2,"attempts":5},
                 {"questionId":"qc-1","pointId":"b","missed":2,"attempts":5}]"""));
        assertThat(first.get("next").asString()).isEqualTo("qc-1:b");
        assertThat(second.get("items")).extracting(i -> i.get("questionId").asString() + ":"
                + i.get("pointId").asString()).containsExactly("qc-3:a", "qc-3:b");
        assertThat(second.get("next").asString()).isEmpty();
    }

    @Test
    void givenTheCohort_whenMisconceptionsAreCounted_thenCommonestFirstWithTheCorrection() {
        assertThat(getOk("/cohorts/" + cohortId + "/misconceptions").get("items")).isEqualTo(JSON.readTree("""
                [{"questionId":"qc-1","misconceptionId":"m-always",
                  "correction":"Service balances customer needs with policy.","count":2},
                 {"questionId":"qc-3","misconceptionId":"m-front",
                  "correction":"Everyone in the organisation affects service.","count":1}]"""));
    }

    @Test
    void givenTheCohort_whenTheTrendIsAsked_thenEachDayHasTheMeanOfTheLatestMasteryAndThatDaysAnswers() {
        JsonNode trend = getOk("/cohorts/" + cohortId + "/trend?outcome=lo-c1&days=7");

        assertThat(trend.get("points")).extracting(p -> p.get("date").asString())
                .containsExactly(TODAY.minusDays(6).toString(), TODAY.minusDays(5).toString(),
                        TODAY.minusDays(4).toString(), TODAY.minusDays(3).toString(), TODAY.minusDays(2).toString(),
                        TODAY.minusDays(1).toString(), TODAY.toString());
        assertThat(trend.get("points")).extracting(p -> p.get("meanMastery").asDouble())
                .containsExactly(0.6, 0.745, 0.745, 0.567, 0.639, 0.484, 0.484);
        assertThat(trend.get("points")).extracting(p -> p.get("answers").asInt())
                .containsExactly(0, 2, 0, 2, 1, 3, 0);
        assertThat(getOk("/cohorts/" + cohortId + "/trend?outcome=lo-c1").get("points")).hasSize(30);
    }

    // ---- a learner's answers and mastery -------------------------------------------------------------------------

    @Test
    void givenALearner_whenTheirAnswersForAnOutcomeArePaged_thenNewestFirstWithMarksAndOutcomes() {
        JsonNode first = getOk("/learners/eve/answers?outcome=lo-c1&limit=3");
        JsonNode rest = getOk("/learners/eve/answers?outcome=lo-c1&limit=3&cursor=" + first.get("next").asString());

        assertThat(first.get("items")).extracting(a -> a.get("questionId").asString() + " " + a.get("mark").asInt()
                + "/" + a.get("maxMarks").asInt()).containsExactly("qc-2 0/2", "qc-1 0/2", "qc-2 2/2");
        assertThat(Instant.parse(first.at("/items/0/answeredAt").asString())).isEqualTo(daysAgo(1).plusSeconds(60));
        assertThat(first.at("/items/0/outcomeIds")).extracting(JsonNode::asString).containsExactly("lo-c1");
        assertThat(first.at("/items/0/overridden").asBoolean()).isFalse();
        assertThat(first.at("/items/0/markId").asString()).startsWith("eve-mark-");
        assertThat(rest.get("items")).extracting(a -> a.get("questionId").asString() + " " + a.get("mark").asInt())
                .containsExactly("qc-1 2");
        assertThat(rest.get("next").asString()).isEmpty();
        assertThat(getOk("/learners/eve/answers?outcome=lo-c2").get("items")).isEmpty();
        assertProblem(Http.get(url("/learners/nobody/answers")), 404, null);
        assertProblem(Http.get(url("/learners/eve/answers?limit=0")), 400, "limit");
        assertProblem(Http.get(url("/learners/eve/answers?cursor=not-a-mark")), 400, "cursor");
    }

    @Test
    void givenAnOverriddenMark_whenTheLearnersAnswersAreListed_thenItShowsTheTutorsMark() {
        answered("demo", "gus", "qc-1", 0, daysAgo(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> answerCount("gus") == 1);
        String markId = getOk("/learners/gus/answers").at("/items/0/markId").asString();

        send(EventEnvelope.wrap("demo", new MarkOverridden(markId, "gus", "qc-1", 0, 2, 2,
                List.of(new OutcomeEvidence("lo-c1", 2, 2)), "both points were made", "tutor-1"), BASE));

        await().atMost(Duration.ofSeconds(20)).until(() -> getOk("/learners/gus/answers").at("/items/0/overridden")
                .asBoolean());
        assertThat(getOk("/learners/gus/answers").at("/items/0/mark").asInt()).isEqualTo(2);
        assertThat(getOk("/learners/gus/mastery").at("/outcomes/0/mastery").asDouble()).isEqualTo(0.6);
    }

    @Test
    void givenAMasteredOutcome_whenMasteryIsAsked_thenItHasAnIntervalAndAReviewDate() {
        JsonNode fay = getOk("/learners/fay/mastery").at("/outcomes/0");
        JsonNode ana = getOk("/learners/ana/mastery").at("/outcomes/0");

        // 0.6, 0.890, 0.977 after three full marks: mastered, but three answers are "little evidence"
        assertThat(fay.get("mastery").asDouble()).isEqualTo(0.977);
        assertThat(fay.get("status").asString()).isEqualTo("looks-mastered-little-evidence");
        assertThat(fay.get("low").asDouble()).isLessThan(0.977);
        assertThat(fay.get("high").asDouble()).isGreaterThan(0.977);
        assertThat(Instant.parse(fay.get("reviewDue").asString()))
                .isEqualTo(daysAgo(1).plusSeconds(120).plus(Duration.ofDays(1)));
        assertThat(ana).isEqualTo(JSON.readTree("""
                {"outcomeId":"lo-c1","mastery":0.89,"low":0.421,"high":0.989,"evidence":2,"status":"developing",
                 "updatedAt":"%s","reviewDue":null}""".formatted(daysAgo(2))));
        assertThat(answerCount("ana")).as("the other tenant's ana is someone else").isEqualTo(2);
    }
}

package org.markpoint.progress.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.markpoint.progress.support.Http.assertProblem;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.markpoint.model.event.EventCodec;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.MarkOverridden;
import org.markpoint.model.event.OutcomeEvidence;
import org.markpoint.model.event.QuestionPublished;
import org.markpoint.model.event.Topics;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.model.security.Role;
import org.markpoint.progress.support.Http;
import org.markpoint.progress.support.StubMarkingService;
import org.markpoint.progress.support.StubMarkingService.Question;
import org.markpoint.progress.support.TestIdentity;
import org.markpoint.progress.support.TestMongo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * LTI 1.3 end to end against a test platform on loopback (its own keys, JWKS, token, AGS and NRPS endpoints): OIDC
 * login, launch, the adaptive quiz, grade passback of the score the platform then holds, a tutor's override
 * re-posting it, deep linking, roster provisioning, key rotation, and every kind of invalid launch refused with a page
 * and a log line. Real Kafka broker and MongoDB-wire server; marking-service is the usual stand-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.config.name=progress-service", "markpoint.lti.passback-poll-ms=200"})
@EmbeddedKafka(partitions = 1, topics = {Topics.QUESTION, Topics.ANSWER_SUBMITTED, Topics.ANSWER_MARKED,
    Topics.MASTERY, Topics.LEARNER})
@ExtendWith(OutputCaptureExtension.class)
class LtiLaunchIT {

    private static final EventCodec CODEC = new EventCodec();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String UNIT = "unit-lti";
    private static final Map<String, Question> BANK = Map.of(
            "lti-a-state", new Question("lti-lo-a", 1), "lti-a-explain", new Question("lti-lo-a", 3),
            "lti-b-state", new Question("lti-lo-b", 1), "lti-b-explain", new Question("lti-lo-b", 3));
    private static final StubMarkingService MARKING = new StubMarkingService(BANK);
    private static final LtiTestPlatform PLATFORM = new LtiTestPlatform("markpoint-client", "deployment-1");
    private static String registrationId;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("spring.mongodb.uri", TestMongo::uri);
        r.add("spring.mongodb.database", () -> "progress-lti-it");
        r.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        r.add("markpoint.marking.url", MARKING::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @AfterAll
    static void stop() {
        MARKING.close();
        PLATFORM.close();
    }

    @BeforeEach
    void registeredPlatformAndPublishedUnit() {
        MARKING.announceWith(e -> kafka.send(e.topic(), e.key(), CODEC.encode(e)));
        if (registrationId == null) {
            PLATFORM.toolJwksUrl(base() + "/lti/jwks/demo");
            HttpResponse<String> r = Http.postJson(base() + "/api/v1/admin/lti/registrations",
                    PLATFORM.registrationJson("Test LMS"));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            registrationId = json(r).get("id").asString();
            BANK.forEach((id, q) -> send(EventEnvelope.wrap("demo", new QuestionPublished(id, 1, UNIT,
                    List.of(q.outcome()), new MarkingScheme("Say something about " + q.outcome(),
                            id.endsWith("state") ? "state" : "explain", q.maxMarks(), "",
                            List.of(MarkingPoint.of("a", "the key idea")), List.of(), List.of())), Instant.now())));
            await().atMost(Duration.ofSeconds(20)).until(() -> picker().contains("unit:" + UNIT));
        }
    }

    // ---- the round trip ----------------------------------------------------------------------------------------

    @Test
    void givenALearnerLaunch_whenTheQuizIsFinished_thenThePlatformReceivesTheScoreAndAnOverrideRepostsIt() {
        String sub = "learner-" + UUID.randomUUID();
        String lineItem = PLATFORM.lineItemUrl("li-" + UUID.randomUUID());
        LtiTestPlatform.LaunchClaims claims = LtiTestPlatform.LaunchClaims.resourceLink(sub, "rl-1")
                .name("Lee Learner").context("course-1", "Customer Service L3").custom("unit", UNIT)
                .ags(lineItem, LtiTestPlatform.SCOPE_SCORE, LtiTestPlatform.SCOPE_LINEITEM)
                .targetLinkUri(base() + "/lti/launch");

        HttpResponse<String> launched = launch(claims);

        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(303);
        Map<String, String> fragment = fragment(launched);
        assertThat(fragment.get("next")).startsWith("/quiz/");
        String quizId = fragment.get("next").substring("/quiz/".length());
        SignedJWT session = verifiedSession(fragment.get("lti_token"));
        String learner = session.getPayload().toJSONObject().get("sub").toString();
        assertThat(learner).startsWith("lti-").endsWith("-" + sub);
        assertThat(session.getPayload().toJSONObject()).containsEntry("tenant", "demo")
                .containsEntry("roles", List.of("learner")).containsEntry("iss", "markpoint-lti");

        // the learner answers (as the gateway would sign their identity) until the quiz ends
        JsonNode quiz = quiz(learner, quizId);
        for (int n = 1; quiz.get("status").asString().equals("active"); n++) {
            assertThat(n).as("items asked").isLessThanOrEqualTo(10);
            HttpResponse<String> marked = asLearner(learner, HttpRequest.newBuilder(URI.create(base()
                    + "/api/v1/progress/quizzes/" + quizId + "/items/" + quiz.at("/current/itemId").asString()
                    + "/answer")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                    .ofString("{\"answer\": \"the right answer\"}")));
            assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);
            String markId = json(marked).at("/mark/markId").asString();
            await().atMost(Duration.ofSeconds(20)).until(() -> quiz(learner, quizId).toString().contains(markId));
            quiz = json(asLearner(learner, HttpRequest.newBuilder(URI.create(base() + "/api/v1/progress/quizzes/"
                    + quizId + "/next")).POST(HttpRequest.BodyPublishers.noBody())));
        }
        int max = 0;
        for (JsonNode item : quiz.get("items")) {
            max += item.get("maxMarks").asInt();
        }
        int total = max;

        await().atMost(Duration.ofSeconds(20)).until(() -> scoresFor(sub).size() == 1);
        LtiTestPlatform.Score score = scoresFor(sub).getFirst();
        assertThat(score.scoreGiven()).isEqualTo(total);
        assertThat(score.scoreMaximum()).isEqualTo(total);
        assertThat(score.activityProgress()).isEqualTo("Completed");
        assertThat(score.gradingProgress()).isEqualTo("FullyGraded");
        assertThat(lineItem).endsWith("/" + score.lineItemId());
        JsonNode grades = json(Http.get(base() + "/api/v1/admin/lti/grades?status=sent"));
        assertThat(grades.get("items").toString()).contains(quizId);
        // and a learning-record store hears that the quiz was completed, with the same score
        await().atMost(Duration.ofSeconds(20)).until(() -> json(Http.get(base() + "/api/v1/xapi/statements?learner="
                + learner)).get("statements").toString().contains("/verbs/completed"));
        for (JsonNode st : json(Http.get(base() + "/api/v1/xapi/statements?learner=" + learner)).get("statements")) {
            if (st.at("/verb/id").asString().endsWith("/completed")) {
                assertThat(st.at("/object/id").asString()).endsWith("/xapi/activities/quizzes/" + quizId);
                assertThat(st.at("/result/score/raw").asInt()).isEqualTo(total);
            }
        }

        // a tutor takes the first item's marks away: the gradebook gets the lower score
        JsonNode first = quiz.at("/items/0");
        send(EventEnvelope.wrap("demo", new MarkOverridden(first.get("markId").asString(), learner,
                first.get("questionId").asString(), first.get("maxMarks").asInt(), 0, first.get("maxMarks").asInt(),
                List.of(new OutcomeEvidence(BANK.get(first.get("questionId").asString()).outcome(), 0,
                        first.get("maxMarks").asInt())),
                "not the key idea", "tutor-1"), Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> scoresFor(sub).size() == 2);
        assertThat(scoresFor(sub).get(1).scoreGiven()).isEqualTo(total - first.get("maxMarks").asInt());

        // launching again from the LMS resumes nothing (the quiz is finished): a fresh attempt starts
        HttpResponse<String> again = launch(claims.nonce(UUID.randomUUID().toString()));
        assertThat(fragment(again).get("next")).startsWith("/quiz/").isNotEqualTo("/quiz/" + quizId);
    }

    @Test
    void givenTheLmsFailsAScorePost_whenTheRelayRetries_thenTheScoreArrivesAndTheAttemptsShow() {
        String sub = "retry-" + UUID.randomUUID();
        LtiTestPlatform.LaunchClaims claims = LtiTestPlatform.LaunchClaims.resourceLink(sub, "rl-retry")
                .context("course-1", "Customer Service L3").custom("unit", UNIT)
                .ags(PLATFORM.lineItemUrl("li-retry"), LtiTestPlatform.SCOPE_SCORE).targetLinkUri(base() + "/lti/launch");
        String quizId = fragment(launch(claims)).get("next").substring("/quiz/".length());
        String learner = learnerOf(sub);
        PLATFORM.failNextScorePosts(1);

        finishWithOneAnswer(learner, quizId);

        await().atMost(Duration.ofSeconds(30)).until(() -> scoresFor(sub).size() == 1);
        JsonNode grade = gradeOf(quizId);
        assertThat(grade.get("status").asString()).isEqualTo("sent");
        assertThat(grade.get("attempts").asInt()).isEqualTo(2);

        // an admin asks for it again (a repaired gradebook): it is posted once more
        HttpResponse<String> retried = Http.post(base() + "/api/v1/admin/lti/grades/" + quizId + "/retry",
                "application/json", "");
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> scoresFor(sub).size() == 2);
        assertProblem(Http.post(base() + "/api/v1/admin/lti/grades/no-such-quiz/retry", "application/json", ""),
                404, null);
        assertProblem(Http.get(base() + "/api/v1/admin/lti/grades?status=lost"), 400, "status");
    }

    // ---- invalid launches --------------------------------------------------------------------------------------

    @Test
    void givenInvalidLaunches_whenPosted_thenEachIsRefusedWithAPageNamingTheReasonAndALogLine(CapturedOutput log) {
        assertRefused(launch(claims("bad-sig").signWithRogueKey()), 401, "signature does not verify", log);
        assertRefused(launch(claims("wrong-aud").audience("someone-else")), 401, "audience", log);
        assertRefused(launch(claims("expired").expiresAt(Instant.now().minus(Duration.ofMinutes(10)))), 401,
                "expired", log);
        assertRefused(launch(claims("unknown-dep").deploymentId("deployment-9")), 403,
                "deployment 'deployment-9' is not registered", log);
        assertRefused(launch(claims("no-unit").custom("unit", "")), 400, "names no Markpoint unit", log);
        assertRefused(launch(claims("guest").roles("http://purl.imsglobal.org/vocab/lis/v2/membership#Guest")), 403,
                "roles", log);
        // institution-wide roles and mentors (parents) are not course staff: no tutor token for the whole tenant
        assertRefused(launch(claims("inst").roles("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor",
                "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator",
                "http://purl.imsglobal.org/vocab/lis/v2/system/person#SysAdmin")), 403, "roles", log);
        assertRefused(launch(claims("parent").roles("http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor")), 403,
                "roles", log);
        assertRefused(launch(claims("no-link").omit(LtiTestPlatform.CLAIM_RESOURCE_LINK)), 400, "resource_link", log);

        // a replay: the same id_token and state posted twice
        LtiTestPlatform.LoginRedirect login = login();
        String form = login.launchForm(PLATFORM.idToken(claims("replay").nonce(login.nonce())));
        assertThat(postForm("/lti/launch", form).statusCode()).isEqualTo(303);
        assertRefused(postForm("/lti/launch", form), 401, "already used", log);

        // an id_token carrying another login's nonce
        LtiTestPlatform.LoginRedirect other = login();
        assertRefused(postForm("/lti/launch", other.launchForm(PLATFORM.idToken(claims("nonce").nonce("made-up")))),
                401, "nonce", log);

        // login for a platform nobody registered, and junk
        assertRefused(Http.get(base() + "/lti/login?iss=https://unknown.example&login_hint=x"), 401,
                "no platform is registered", log);
        assertRefused(postForm("/lti/launch", "id_token=not-a-jwt&state=" + login().state()), 400, "not a signed JWT",
                log);
        assertRefused(postForm("/lti/launch", "state=x"), 400, "needs 'id_token'", log);
    }

    // ---- deep linking, roster, keys, registrations ---------------------------------------------------------------

    @Test
    void givenAnInstructorDeepLinks_whenTheyPickAUnit_thenThePlatformReceivesASignedResourceLinkForIt() {
        LtiTestPlatform.LoginRedirect login = login();
        HttpResponse<String> picker = postForm("/lti/launch", login.launchForm(PLATFORM.idToken(
                LtiTestPlatform.LaunchClaims.deepLinking("teacher-1").nonce(login.nonce())
                        .targetLinkUri(base() + "/lti/launch"))));
        assertThat(picker.statusCode()).as(picker.body()).isEqualTo(200);
        assertThat(picker.body()).contains("value=\"unit:" + UNIT + "\"").contains("4 questions over 2 learning");
        String request = match(picker.body(), "name=\"request\" value=\"([^\"]+)\"");

        HttpResponse<String> back = postForm("/lti/deep-link", "request=" + request + "&choice=unit:" + UNIT);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(back.body()).contains("action=\"" + PLATFORM.deepLinkReturnUrl() + "\"")
                .contains("src=\"/lti/assets/autosubmit.js\"");
        String jwt = match(back.body(), "name=\"JWT\" value=\"([^\"]+)\"");
        HttpResponse<String> accepted = Http.send(HttpRequest.newBuilder(URI.create(PLATFORM.deepLinkReturnUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("JWT=" + jwt)).build());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        Map<String, Object> item = PLATFORM.deepLinkResponses().getLast().contentItems().getFirst();
        assertThat(item).containsEntry("type", "ltiResourceLink").containsEntry("custom", Map.of("unit", UNIT));
        assertThat(item.get("url")).isEqualTo("http://localhost:8080/lti/launch");

        // the pick is single use; a learner may not deep link; a choice not offered is refused
        assertThat(postForm("/lti/deep-link", "request=" + request + "&choice=unit:" + UNIT).statusCode())
                .isEqualTo(400);
        LtiTestPlatform.LoginRedirect learner = login();
        assertThat(postForm("/lti/launch", learner.launchForm(PLATFORM.idToken(LtiTestPlatform.LaunchClaims
                .deepLinking("pupil").roles(LtiTestPlatform.LEARNER).nonce(learner.nonce())
                .targetLinkUri(base() + "/lti/launch")))).statusCode()).isEqualTo(403);
    }

    @Test
    void givenAnInstructorLaunchWithNrps_whenItLands_thenTheCourseCohortHoldsItsActiveLearners() {
        String course = "course-nrps-" + UUID.randomUUID();
        PLATFORM.addMember(course, "s1", "Sam", LtiTestPlatform.LEARNER);
        PLATFORM.addMember(course, "s2", "Sol", LtiTestPlatform.LEARNER);
        PLATFORM.addMember(course, "t1", "Tess", LtiTestPlatform.INSTRUCTOR);
        LtiTestPlatform.LaunchClaims claims = LtiTestPlatform.LaunchClaims.resourceLink("t1", "rl-nrps")
                .roles(LtiTestPlatform.INSTRUCTOR).context(course, "NRPS course").nrps()
                .targetLinkUri(base() + "/lti/launch");

        HttpResponse<String> launched = launch(claims);

        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(303);
        String next = fragment(launched).get("next");
        assertThat(next).startsWith("/tutor/cohorts/lti-");
        String cohortId = next.substring("/tutor/cohorts/".length());
        assertThat(verifiedSession(fragment(launched).get("lti_token")).getPayload().toJSONObject())
                .containsEntry("roles", List.of("tutor"));
        await().atMost(Duration.ofSeconds(20)).until(() -> json(Http.get(base() + "/api/v1/progress/cohorts/"
                + cohortId)).get("learnerIds").size() == 2);
        assertThat(json(Http.get(base() + "/api/v1/progress/cohorts/" + cohortId)).get("learnerIds"))
                .extracting(JsonNode::asString).containsExactlyInAnyOrder(learnerOf("s1"), learnerOf("s2"));

        PLATFORM.addMember(course, "s3", "Sky", LtiTestPlatform.LEARNER);
        HttpResponse<String> synced = Http.post(base() + "/api/v1/lti/cohorts/" + cohortId + "/roster-sync",
                "application/json", "");
        assertThat(synced.statusCode()).as(synced.body()).isEqualTo(200);
        assertThat(json(synced).get("learners").asInt()).isEqualTo(3);
        assertThat(json(synced).get("members").asInt()).isEqualTo(4);
        assertProblem(Http.post(base() + "/api/v1/lti/cohorts/not-an-lti-cohort/roster-sync", "application/json", ""),
                404, null);
        HttpResponse<String> learnerTries = Http.send(withIdentity(HttpRequest.newBuilder(URI.create(base()
                + "/api/v1/lti/cohorts/" + cohortId + "/roster-sync")).POST(HttpRequest.BodyPublishers.noBody()),
                TestIdentity.of("pupil", "demo", Role.LEARNER)));
        assertThat(learnerTries.statusCode()).isEqualTo(403);
    }

    @Test
    void givenAKeyRotation_whenTheToolSignsAgain_thenBothKeysArePublishedAndThePlatformAcceptsTheNewOne()
            throws Exception {
        JsonNode rotated = json(Http.post(base() + "/api/v1/admin/lti/keys/rotate", "application/json", ""));
        String kid = rotated.get("kid").asString();
        assertThat(rotated.get("publishedKids")).hasSizeGreaterThanOrEqualTo(2);
        JWKSet published = JWKSet.parse(Http.get(base() + "/lti/jwks/demo").body());
        assertThat(published.getKeyByKeyId(kid)).isNotNull();
        assertThat(published.getKeys()).allMatch(k -> !k.isPrivate());
        // each tenant has its own tool keys: another tenant's LMS never trusts this one's
        assertThat(JWKSet.parse(Http.get(base() + "/lti/jwks/tenant-b").body()).getKeyByKeyId(kid)).isNull();
        assertThat(Http.get(base() + "/lti/jwks/..%2F..").statusCode()).isIn(400, 404);

        // the next client assertion is signed with the new key, and the platform (fetching /lti/jwks) accepts it
        String sub = "rotated-" + UUID.randomUUID();
        String quizId = fragment(launch(claims(sub).ags(PLATFORM.lineItemUrl("li-rot"), LtiTestPlatform.SCOPE_SCORE)))
                .get("next").substring("/quiz/".length());
        PLATFORM.expireAllTokens();
        finishWithOneAnswer(learnerOf(sub), quizId);
        await().atMost(Duration.ofSeconds(20)).until(() -> scoresFor(sub).size() == 1);
    }

    @Test
    void givenRegistrations_whenManaged_thenBadInputIsNamedDuplicatesConflictAndOtherTenantsSeeNothing() {
        String base = base() + "/api/v1/admin/lti/registrations";
        assertProblem(Http.postJson(base, "{\"issuer\": \"https://lms.example\", \"clientId\": \"c\", "
                + "\"deploymentIds\": [\"1\"], \"authLoginUrl\": \"not a url\", \"tokenUrl\": \"https://lms.example/t\", "
                + "\"jwksUrl\": \"https://lms.example/k\"}"), 400, "authLoginUrl");
        assertProblem(Http.postJson(base, "{\"issuer\": \"https://lms.example\", \"clientId\": \"c\", "
                + "\"deploymentIds\": [], \"authLoginUrl\": \"https://lms.example/a\", \"tokenUrl\": "
                + "\"https://lms.example/t\", \"jwksUrl\": \"https://lms.example/k\"}"), 400, "deploymentIds");
        assertProblem(Http.postJson(base, PLATFORM.registrationJson("again")), 409, null);
        assertThat(json(Http.get(base)).toString()).contains(registrationId);
        assertThat(json(Http.get(base + "/" + registrationId)).get("clientId").asString()).isEqualTo("markpoint-client");

        HttpResponse<String> otherTenant = Http.send(withIdentity(HttpRequest.newBuilder(URI.create(base + "/"
                + registrationId)).GET(), TestIdentity.of("admin-b", "tenant-b", Role.ADMIN)));
        assertThat(otherTenant.statusCode()).isEqualTo(404);
        assertThat(json(Http.send(withIdentity(HttpRequest.newBuilder(URI.create(base)).GET(),
                TestIdentity.of("admin-b", "tenant-b", Role.ADMIN))))).isEmpty();

        String temp = json(Http.postJson(base, "{\"issuer\": \"https://temp.example\", \"clientId\": \"c\", "
                + "\"deploymentIds\": [\"1\"], \"authLoginUrl\": \"https://temp.example/a\", \"tokenUrl\": "
                + "\"https://temp.example/t\", \"jwksUrl\": \"https://temp.example/k\"}")).get("id").asString();
        assertThat(Http.send(HttpRequest.newBuilder(URI.create(base + "/" + temp)).DELETE().build()).statusCode())
                .isEqualTo(204);
        assertProblem(Http.send(HttpRequest.newBuilder(URI.create(base + "/" + temp)).DELETE().build()), 404, null);

        JsonNode config = json(Http.get(base() + "/api/v1/admin/lti/tool-configuration"));
        assertThat(config.get("loginUrl").asString()).isEqualTo("http://localhost:8080/lti/login");
        assertThat(config.get("jwksUrl").asString()).isEqualTo("http://localhost:8080/lti/jwks/demo");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private LtiTestPlatform.LaunchClaims claims(String sub) {
        return LtiTestPlatform.LaunchClaims.resourceLink(sub, "rl-" + sub).context("course-1", "Customer Service L3")
                .custom("unit", UNIT).targetLinkUri(base() + "/lti/launch");
    }

    private LtiTestPlatform.LoginRedirect login() {
        Map<String, String> params = new LinkedHashMap<>(PLATFORM.loginInitiation("hint-" + UUID.randomUUID(),
                base() + "/lti/launch", "msg-hint"));
        HttpResponse<String> r = postForm("/lti/login", LtiTestPlatform.form(params));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        return PLATFORM.authorize(URI.create(r.headers().firstValue("Location").orElseThrow()));
    }

    /** The whole browser leg: login initiation, the platform's auth redirect, the id_token form post. */
    private HttpResponse<String> launch(LtiTestPlatform.LaunchClaims claims) {
        LtiTestPlatform.LoginRedirect login = login();
        assertThat(login.redirectUri().toString()).isEqualTo("http://localhost:8080/lti/launch");
        return postForm("/lti/launch", login.launchForm(PLATFORM.idToken(claims.nonce(login.nonce()))));
    }

    private HttpResponse<String> postForm(String path, String form) {
        return Http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static void assertRefused(HttpResponse<String> r, int status, String reason, CapturedOutput log) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("Markpoint could not start this launch").contains(LtiPages.esc(reason));
        assertThat(log.getOut()).contains("LTI launch refused (" + status + ")").contains(reason);
    }

    private static Map<String, String> fragment(HttpResponse<String> launched) {
        String location = launched.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("http://localhost:8080/index.html#");
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : location.substring(location.indexOf('#') + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }

    private SignedJWT verifiedSession(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
            RSAKey key = (RSAKey) JWKSet.parse(Http.get(base() + "/lti/session-keys").body())
                    .getKeyByKeyId(jwt.getHeader().getKeyID());
            assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
            return jwt;
        } catch (Exception e) {
            throw new AssertionError("session token does not verify: " + e, e);
        }
    }

    private static String learnerOf(String sub) {
        return "lti-" + sha256(PLATFORM.issuer()).substring(0, 8) + "-" + sub;
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<LtiTestPlatform.Score> scoresFor(String sub) {
        return PLATFORM.scores().stream().filter(s -> s.userId().equals(sub)).toList();
    }

    private JsonNode gradeOf(String quizId) {
        for (JsonNode g : json(Http.get(base() + "/api/v1/admin/lti/grades?limit=200")).get("items")) {
            if (g.get("quizId").asString().equals(quizId)) {
                return g;
            }
        }
        throw new AssertionError("no grade for quiz " + quizId);
    }

    /** Answers the current item, then asks for the next until the quiz ends (maxItems keeps it short). */
    private void finishWithOneAnswer(String learner, String quizId) {
        JsonNode quiz = quiz(learner, quizId);
        for (int n = 0; quiz.get("status").asString().equals("active") && n < 12; n++) {
            HttpResponse<String> r = asLearner(learner, HttpRequest.newBuilder(URI.create(base()
                    + "/api/v1/progress/quizzes/" + quizId + "/items/" + quiz.at("/current/itemId").asString()
                    + "/answer")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                    .ofString("{\"answer\": \"the right answer\"}")));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            String markId = json(r).at("/mark/markId").asString();
            await().atMost(Duration.ofSeconds(20)).until(() -> quiz(learner, quizId).toString().contains(markId));
            quiz = json(asLearner(learner, HttpRequest.newBuilder(URI.create(base() + "/api/v1/progress/quizzes/"
                    + quizId + "/next")).POST(HttpRequest.BodyPublishers.noBody())));
        }
        assertThat(quiz.get("status").asString()).isEqualTo("finished");
    }

    private JsonNode quiz(String learner, String quizId) {
        return json(asLearner(learner, HttpRequest.newBuilder(URI.create(base() + "/api/v1/progress/quizzes/"
                + quizId)).GET()));
    }

    private static HttpResponse<String> asLearner(String learner, HttpRequest.Builder request) {
        return Http.send(withIdentity(request, TestIdentity.of(learner, "demo", Role.LEARNER)));
    }

    private static HttpRequest withIdentity(HttpRequest.Builder request, org.markpoint.model.security.Identity who) {
        String[] h = TestIdentity.headers(who);
        for (int i = 0; i + 1 < h.length; i += 2) {
            request.header(h[i], h[i + 1]);
        }
        return request.build();
    }

    private String picker() {
        LtiTestPlatform.LoginRedirect login = login();
        return postForm("/lti/launch", login.launchForm(PLATFORM.idToken(LtiTestPlatform.LaunchClaims
                .deepLinking("teacher-probe").nonce(login.nonce()).targetLinkUri(base() + "/lti/launch")))).body();
    }

    private static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in %s", regex, text).isTrue();
        return m.group(1);
    }

    private void send(EventEnvelope<?> e) {
        try {
            kafka.send(e.topic(), e.key(), CODEC.encode(e)).get();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }
}

package org.markpoint.question.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.markpoint.model.security.Role;
import org.markpoint.question.support.Http;
import org.markpoint.question.support.TestIdentity;
import tools.jackson.databind.JsonNode;

/** Learners' view of the bank, and input shaped to attack: NoSQL operators, deep nesting, huge bodies. */
class HostileInputIT extends BankApiTestBase {

    private static final String INJECTION = "{\"$gt\": \"\"}";

    private static String[] learner() {
        return TestIdentity.headers(TestIdentity.of("learner1", "demo", Role.LEARNER));
    }

    private static String question(String id, boolean publish) {
        return """
            {"id": "%s", "unitId": "hostile-u", "publish": %s,
             "scheme": {"stem": "Explain why staff training matters.", "commandWord": "explain", "maxMarks": 1,
               "modelAnswer": "It closes skills gaps.",
               "markingPoints": [{"id": "a", "text": "closes skills gaps", "accept": ["skills gap"], "marks": 1}]}}
            """.formatted(id, publish);
    }

    @Test
    void givenALearner_whenReadingAQuestion_thenNoModelAnswerNorAcceptedPhrasings() {
        assertThat(Http.postJson(url("/api/v1/questions"), question("hostile-live", true)).statusCode())
                .isEqualTo(201);

        JsonNode asLearner = body(Http.request("GET", url("/api/v1/questions/hostile-live"), null, learner()));
        JsonNode asTutor = body(Http.get(url("/api/v1/questions/hostile-live")));

        assertThat(asLearner.at("/scheme/modelAnswer").asString()).isEmpty();
        assertThat(asLearner.at("/scheme/markingPoints/0/accept")).isEmpty();
        assertThat(asLearner.at("/scheme/markingPoints/0/text").asString()).isEqualTo("closes skills gaps");
        assertThat(asTutor.at("/scheme/modelAnswer").asString()).isEqualTo("It closes skills gaps.");
        assertThat(asTutor.at("/scheme/markingPoints/0/accept/0").asString()).isEqualTo("skills gap");
    }

    @Test
    void givenADraft_whenALearnerAsks_thenNotFoundAndNotListed() {
        assertThat(Http.postJson(url("/api/v1/questions"), question("hostile-draft", false)).statusCode())
                .isEqualTo(201);

        assertThat(Http.request("GET", url("/api/v1/questions/hostile-draft"), null, learner()).statusCode())
                .isEqualTo(404);
        JsonNode listed = body(Http.request("GET", url("/api/v1/questions?unit=hostile-u&status=draft"), null,
                learner()));
        assertThat(listed.get("items").valueStream().map(i -> i.get("id").asString()))
                .doesNotContain("hostile-draft");
    }

    @Test
    void givenAnOperatorAsASearchOrAnId_whenAsked_thenTakenLiterally() {
        HttpResponse<String> search = Http.get(url("/api/v1/questions?q=" + enc(INJECTION)));
        HttpResponse<String> byId = Http.get(url("/api/v1/questions/" + enc(INJECTION)));

        assertThat(search.statusCode()).isEqualTo(200);
        // only questions holding the text itself (one test stores it as a context), not "every id greater than ''"
        assertThat(body(search).get("items").valueStream().map(i -> i.get("context").asString()))
                .allSatisfy(c -> assertThat(c).contains(INJECTION));
        assertThat(byId.statusCode()).isEqualTo(404);
    }

    @Test
    void givenAnOperatorObjectWhereAStringBelongs_whenPosted_thenBadRequest() {
        HttpResponse<String> r = Http.postJson(url("/api/v1/questions"),
                question("x", true).replace("\"id\": \"x\"", "\"id\": " + INJECTION));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
    }

    @Test
    void givenAnOperatorAsAFieldValue_whenPosted_thenStoredAsText() {
        HttpResponse<String> r = Http.postJson(url("/api/v1/questions"),
                question("hostile-text", true).replace("\"unitId\": \"hostile-u\"",
                        "\"unitId\": \"hostile-u\", \"context\": " + JSON.writeValueAsString(INJECTION)));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(body(r).get("context").asString()).isEqualTo(INJECTION);
    }

    @Test
    void givenJsonNestedTenThousandDeep_whenPosted_thenBadRequestNotAServerError() {
        String deep = "{\"scheme\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        String deepObjects = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);

        assertThat(Http.postJson(url("/api/v1/questions"), deep).statusCode()).isEqualTo(400);
        assertThat(Http.postJson(url("/api/v1/questions"), deepObjects).statusCode()).isEqualTo(400);
        assertThat(Http.postJson(url("/api/v1/units"), deepObjects).statusCode()).isEqualTo(400);
    }

    @Test
    void givenAFiveMegabyteBody_whenPosted_thenRefusedAsTooLargeOrInvalid() {
        String huge = question("hostile-huge", true).replace("\"unitId\": \"hostile-u\"",
                "\"unitId\": \"hostile-u\", \"context\": \"" + "x".repeat(5 * 1024 * 1024) + "\"");

        assertThat(Http.postJson(url("/api/v1/questions"), huge).statusCode()).isIn(400, 413);
        assertThat(Http.get(url("/api/v1/questions/hostile-huge")).statusCode()).isEqualTo(404);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package org.markpoint.question.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.markpoint.model.event.QuestionPublished;
import org.markpoint.model.security.Role;
import org.markpoint.question.support.Http;
import org.markpoint.question.support.TestIdentity;

class QuestionApiIT extends BankApiTestBase {

    private static String question(String id, String unit, String commandWord) {
        return """
            {"id": "%s", "unitId": "%s", "learningOutcomes": ["lo1"],
             "scheme": {"stem": "Explain how training improves service.", "commandWord": "%s", "maxMarks": 2,
               "markingPoints": [{"id": "a", "text": "closes skills gaps", "accept": ["skills gap"], "marks": 1,
                                  "learningOutcome": "lo1"}]}}
            """.formatted(id, unit, commandWord);
    }

    @Test
    void givenAValidQuestion_whenPosted_thenCreatedPublishedAndReadable() {
        HttpResponse<String> created = Http.postJson(url("/api/v1/questions"), question("q-train", "u1", "explain"));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/q-train"));
        assertThat(body(created).get("version").asInt()).isEqualTo(1);
        assertThat(body(created).get("status").asString()).isEqualTo("published");
        HttpResponse<String> read = Http.get(url("/api/v1/questions/q-train"));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(body(read).at("/scheme/markingPoints/0/text").asString()).isEqualTo("closes skills gaps");

        QuestionPublished event = (QuestionPublished) events("q-train", 1).getFirst();
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.scheme().markingPoints()).hasSize(1);
    }

    @Test
    void givenManyQuestions_whenListedByUnitWithLimit_thenPagedWithCursorAndLinkHeader() {
        for (int i = 0; i < 5; i++) {
            assertThat(Http.postJson(url("/api/v1/questions"), question("page-" + i, "unit-paged", "describe"))
                    .statusCode()).isEqualTo(201);
        }
        HttpResponse<String> first = Http.get(url("/api/v1/questions?unit=unit-paged&limit=3"));
        assertThat(body(first).get("items")).hasSize(3);
        assertThat(first.headers().firstValue("Link")).hasValueSatisfying(l -> assertThat(l).contains("rel=\"next\""));
        String next = body(first).get("next").asString();
        HttpResponse<String> second = Http.get(url("/api/v1/questions?unit=unit-paged&limit=3&cursor=" + next));
        assertThat(body(second).get("items")).hasSize(2);
        assertThat(body(second).get("next").asString()).isEmpty();
    }

    @Test
    void givenTwoTenants_whenEachCreatesTheSameQuestionId_thenBothCreatedAndEachSeesOnlyItsOwn() {
        String[] tenantA = TestIdentity.headers(TestIdentity.of("author-a", "tenant-a", Role.AUTHOR));
        String[] tenantB = TestIdentity.headers(TestIdentity.of("author-b", "tenant-b", Role.AUTHOR));
        String[] readerB = TestIdentity.headers(TestIdentity.of("tutor-b", "tenant-b", Role.TUTOR));
        HttpResponse<String> createdA = Http.post(url("/api/v1/questions"), "application/json",
                question("shared-q", "unit-a", "explain"), tenantA);
        HttpResponse<String> onlyA = Http.post(url("/api/v1/questions"), "application/json",
                question("only-a", "unit-a", "explain"), tenantA);
        assertThat(createdA.statusCode()).isEqualTo(201);
        assertThat(onlyA.statusCode()).isEqualTo(201);
        assertThat(Http.request("GET", url("/api/v1/questions/only-a"), null, readerB).statusCode()).isEqualTo(404);

        HttpResponse<String> createdB = Http.post(url("/api/v1/questions"), "application/json",
                question("shared-q", "unit-b", "describe"), tenantB);

        assertThat(createdB.statusCode()).isEqualTo(201);
        assertThat(body(createdB).get("id").asString()).isEqualTo("shared-q");
        HttpResponse<String> readA = Http.request("GET", url("/api/v1/questions/shared-q"), null, tenantA);
        HttpResponse<String> readB = Http.request("GET", url("/api/v1/questions/shared-q"), null, tenantB);
        assertThat(body(readA).get("id").asString()).isEqualTo("shared-q");
        assertThat(body(readA).get("unitId").asString()).isEqualTo("unit-a");
        assertThat(body(readB).get("id").asString()).isEqualTo("shared-q");
        assertThat(body(readB).get("unitId").asString()).isEqualTo("unit-b");
        assertThat(Http.request("GET", url("/api/v1/questions"), null, readerB).body())
                .contains("unit-b").doesNotContain("unit-a").doesNotContain("only-a");
        HttpResponse<String> againB = Http.post(url("/api/v1/questions"), "application/json",
                question("shared-q", "unit-b", "describe"), tenantB);
        assertThat(againB.statusCode()).isEqualTo(409);
    }

    @Test
    void givenBadInputs_whenPosted_thenProblemDetailsNamingTheField() {
        Map<String, String> cases = Map.of(
                "{\"scheme\": ", "",
                "{}", "scheme",
                question("bad-1", "u", "ponder"), "scheme.commandWord",
                "{\"scheme\": {\"stem\": \"x\", \"commandWord\": \"explain\", \"maxMarks\": \"lots\"}}",
                "scheme.maxMarks",
                "{\"scheme\": {\"stem\": \"x\", \"commandWord\": \"explain\", \"maxMarks\": 2, \"markingPoints\": []}}",
                "scheme.markingPoints",
                "{\"id\": \"bad id!\", \"scheme\": {\"maxMarks\": 1, \"modelAnswer\": \"x\"}}", "id",
                "{\"learningOutcomes\": [null], \"scheme\": {\"stem\": \"x\", \"commandWord\": \"explain\","
                        + " \"maxMarks\": 1, \"markingPoints\": [{\"id\": \"a\", \"text\": \"y\"}]}}",
                "learningOutcomes[0]");
        cases.forEach((request, field) -> {
            HttpResponse<String> r = Http.postJson(url("/api/v1/questions"), request);
            assertThat(r.statusCode()).as(request).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    ct -> assertThat(ct).startsWith("application/problem+json"));
            if (!field.isEmpty()) {
                assertThat(body(r).at("/errors/0/field").asString()).as(request).isEqualTo(field);
            }
        });
    }

    @Test
    void givenWrongContentTypeUnknownIdDuplicateAndBadLimit_whenCalled_thenMatching4xx() {
        assertThat(Http.post(url("/api/v1/questions"), "text/plain", "hello").statusCode()).isEqualTo(415);
        HttpResponse<String> missing = Http.get(url("/api/v1/questions/no-such-question"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(body(missing).get("detail").asString()).contains("no-such-question");
        assertThat(Http.postJson(url("/api/v1/questions"), question("dup", "u", "state")).statusCode()).isEqualTo(201);
        assertThat(Http.postJson(url("/api/v1/questions"), question("dup", "u", "state")).statusCode()).isEqualTo(409);
        HttpResponse<String> badLimit = Http.get(url("/api/v1/questions?limit=500"));
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(body(badLimit).at("/errors/0/field").asString()).isEqualTo("limit");
        assertThat(Http.get(url("/api/v1/units/nope")).statusCode()).isEqualTo(404);
    }
}

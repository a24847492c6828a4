package org.markpoint.question.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.markpoint.question.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** Creating and editing units and their learning outcomes under the unit's ETag. */
class UnitApiIT extends BankApiTestBase {

    private static final String UNIT = """
        {"id": "unit-auth", "code": "U1", "title": "Handling complaints", "synopsis": "How to turn a complaint round.",
         "keyConcepts": ["LASS model"], "learningOutcomes": [{"code": "LO1", "title": "Understand complaints",
           "assessmentCriteria": ["Award credit for explaining why complaints matter."]}],
         "misconceptions": [{"id": "m1", "pattern": "complaints are always bad",
                             "correction": "Complaints show what to fix."}],
         "keyTerms": [{"term": "LASS", "definition": "Listen, Apologise, Solve, Speed", "synonyms": []}]}""";

    private HttpResponse<String> send(String method, String path, String etag, String body) {
        return etag == null ? Http.request(method, url(path), body)
                : Http.request(method, url(path), body, "If-Match", etag);
    }

    @Test
    void givenNewUnit_whenCreatedEditedAndOutcomesAddedAndEdited_thenEachUnderTheCurrentEtag() {
        HttpResponse<String> created = Http.postJson(url("/api/v1/units"), UNIT);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/api/v1/units/unit-auth"));
        assertThat(body(created).at("/learningOutcomes/0/id").asString()).isEqualTo("unit-auth-lo1");
        assertThat(Http.postJson(url("/api/v1/units"), UNIT).statusCode()).isEqualTo(409);
        HttpResponse<String> read = Http.get(url("/api/v1/units/unit-auth"));
        assertThat(etag(read)).isEqualTo(etag(created));

        String retitled = UNIT.replace("Handling complaints", "Handling complaints well")
                .replaceAll("(?s)\"learningOutcomes\": \\[.*?\\]\\],", "");
        assertThat(send("PUT", "/api/v1/units/unit-auth", null, retitled).statusCode()).isEqualTo(428);
        HttpResponse<String> updated = send("PUT", "/api/v1/units/unit-auth", etag(read), retitled);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(body(updated).get("title").asString()).isEqualTo("Handling complaints well");
        assertThat(body(updated).get("learningOutcomes")).hasSize(1); // left out of the PUT: kept
        assertThat(send("PUT", "/api/v1/units/unit-auth", etag(read), retitled).statusCode()).isEqualTo(412);

        String outcome = "{\"code\": \"LO2\", \"title\": \"Resolve complaints\"}";
        assertThat(send("POST", "/api/v1/units/unit-auth/outcomes", etag(read), outcome).statusCode())
                .isEqualTo(412);
        HttpResponse<String> added = send("POST", "/api/v1/units/unit-auth/outcomes", etag(updated), outcome);
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(body(added).get("id").asString()).isEqualTo("unit-auth-lo2");
        assertThat(added.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/api/v1/units/unit-auth/outcomes/unit-auth-lo2"));
        HttpResponse<String> duplicate = send("POST", "/api/v1/units/unit-auth/outcomes", etag(added),
                "{\"id\": \"unit-auth-lo1\", \"title\": \"Again\"}");
        assertThat(duplicate.statusCode()).isEqualTo(409);

        HttpResponse<String> edited = send("PUT", "/api/v1/units/unit-auth/outcomes/unit-auth-lo2", etag(added),
                "{\"code\": \"LO2\", \"title\": \"Resolve complaints quickly\", \"assessmentCriteria\": [\"Award credit for speed.\"]}");
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/api/v1/units/unit-auth/outcomes/nope", etag(edited), outcome).statusCode())
                .isEqualTo(404);
        JsonNode unit = body(Http.get(url("/api/v1/units/unit-auth")));
        assertThat(unit.get("learningOutcomes")).extracting(lo -> lo.get("title").asString())
                .containsExactly("Understand complaints", "Resolve complaints quickly");
        assertThat(unit.at("/misconceptions/0/pattern").asString()).isEqualTo("complaints are always bad");
        assertThat(body(Http.get(url("/api/v1/units/unit-auth/outcomes/unit-auth-lo2"))).at("/assessmentCriteria/0")
                .asString()).isEqualTo("Award credit for speed.");
        assertThat(Http.get(url("/api/v1/units")).body()).contains("\"id\":\"unit-auth\"");
    }

    @Test
    void givenBadUnits_whenPosted_then400NamingTheField() {
        java.util.Map.of(
                "{\"id\": \"u-bad\"}", "title",
                "{\"title\": \"No id\"}", "id",
                "{\"id\": \"bad id!\", \"title\": \"x\"}", "id",
                "{\"id\": \"u-bad\", \"title\": \"x\", \"misconceptions\": [{\"correction\": \"y\"}]}",
                "misconceptions[0].pattern",
                "{\"id\": \"u-bad\", \"title\": \"x\", \"learningOutcomes\": [{\"id\": \"a\", \"title\": \"A\"},"
                        + " {\"id\": \"a\", \"title\": \"B\"}]}", "learningOutcomes[1].id",
                "{\"id\": \"u-bad\", \"title\": \"x\", \"learningOutcomes\": [{\"code\": \"LO1\"}]}",
                "learningOutcomes[0].title")
                .forEach((request, field) -> {
                    HttpResponse<String> r = Http.postJson(url("/api/v1/units"), request);
                    assertThat(r.statusCode()).as(request).isEqualTo(400);
                    assertThat(body(r).at("/errors/0/field").asString()).as(request).isEqualTo(field);
                });
    }

    @Autowired
    MongoTemplate mongo;

    @Test
    void givenUnitStoredByAnOlderRelease_whenRead_thenEtagZeroAndItCanBeEdited() {
        mongo.insert(Document.parse("""
            {"_id": "demo:unit-legacy", "tenantId": "demo",
             "unit": {"_id": "unit-legacy", "title": "Legacy", "learningOutcomes": []}}"""), "units");
        HttpResponse<String> read = Http.get(url("/api/v1/units/unit-legacy"));
        assertThat(etag(read)).isEqualTo("\"0\"");

        HttpResponse<String> updated = send("PUT", "/api/v1/units/unit-legacy", "\"0\"", "{\"title\": \"Renewed\"}");

        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(etag(updated)).isEqualTo("\"1\"");
        assertThat(body(updated).get("title").asString()).isEqualTo("Renewed");
    }
}

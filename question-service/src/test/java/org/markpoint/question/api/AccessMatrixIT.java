package org.markpoint.question.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.markpoint.model.security.Role;
import org.markpoint.question.security.AccessTable;
import org.markpoint.question.support.AccessMatrix;
import org.markpoint.question.support.AccessMatrix.Sample;
import org.markpoint.question.support.Http;
import org.markpoint.question.support.TestIdentity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every question-service endpoint x every role x own / other tenant, plus no, forged and expired identities. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT extends BankApiTestBase {

    private static final String OWN = "mx-a";
    private static final String OTHER = "mx-b";
    private static final String STALE = "\"999\"";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    private String importId;

    static String question(String id) {
        return """
            {"id": "%s", "unitId": "mx-unit", "learningOutcomes": ["lo1"],
             "scheme": {"stem": "Explain why staff training matters.", "commandWord": "explain", "maxMarks": 1,
               "modelAnswer": "It closes skills gaps.",
               "markingPoints": [{"id": "a", "text": "closes skills gaps", "accept": ["skills gap"], "marks": 1,
                                  "learningOutcome": "lo1"}]}}
            """.formatted(id);
    }

    static String unit(String id) {
        return """
            {"id": "%s", "code": "U9", "title": "Matrix unit",
             "learningOutcomes": [{"id": "lo1", "code": "LO1", "title": "Understand training"}]}""".formatted(id);
    }

    static String[] as(String tenant, Role... roles) {
        return TestIdentity.headers(TestIdentity.of("fixture", tenant, roles));
    }

    @BeforeAll
    void fixtures() {
        assertThat(Http.post(url("/api/v1/units"), "application/json", unit("mx-unit"), as(OWN, Role.ADMIN))
                .statusCode()).isEqualTo(201);
        assertThat(Http.post(url("/api/v1/questions"), "application/json", question("mx-q"), as(OWN, Role.ADMIN))
                .statusCode()).isEqualTo(201);
        HttpResponse<String> job = Http.post(url("/api/v1/imports?format=seed&source=mx.txt"), "text/plain",
                "not a seed page", as(OWN, Role.ADMIN));
        assertThat(job.statusCode()).isEqualTo(202);
        importId = body(job).get("id").asString();
    }

    List<Sample> samples() {
        String q = "/api/v1/questions";
        String u = "/api/v1/units";
        return List.of(
                Sample.of("GET", q, q, 200, 200),
                Sample.of("GET", q + "/{id}", q + "/mx-q", 200, 404),
                Sample.of("GET", q + "/{id}/versions", q + "/mx-q/versions", 200, 404),
                Sample.of("GET", q + "/{id}/versions/{number}", q + "/mx-q/versions/1", 200, 404),
                Sample.of("POST", q, q, 201, 201).body(() -> question("mx-" + UUID.randomUUID())),
                Sample.of("PUT", q + "/{id}", q + "/mx-q", 412, 404).body(question("mx-q"))
                        .header("If-Match", STALE),
                Sample.of("POST", q + "/{id}/publish", q + "/mx-q/publish", 412, 404).header("If-Match", STALE),
                Sample.of("POST", q + "/{id}/retire", q + "/mx-q/retire", 412, 404).header("If-Match", STALE),
                Sample.of("GET", u, u, 200, 200),
                Sample.of("GET", u + "/{id}", u + "/mx-unit", 200, 404),
                Sample.of("GET", u + "/{id}/outcomes/{outcomeId}", u + "/mx-unit/outcomes/lo1", 200, 404),
                Sample.of("POST", u, u, 201, 201).body(() -> unit("mx-" + UUID.randomUUID())),
                Sample.of("PUT", u + "/{id}", u + "/mx-unit", 412, 404).body(unit("mx-unit"))
                        .header("If-Match", STALE),
                Sample.of("POST", u + "/{id}/outcomes", u + "/mx-unit/outcomes", 412, 404)
                        .body("{\"id\": \"lo2\", \"title\": \"Another\"}").header("If-Match", STALE),
                Sample.of("PUT", u + "/{id}/outcomes/{outcomeId}", u + "/mx-unit/outcomes/lo1", 412, 404)
                        .body("{\"title\": \"Renamed\"}").header("If-Match", STALE),
                Sample.of("POST", "/api/v1/imports", "/api/v1/imports?format=seed&source=m.txt", 202, 202)
                        .body("not a seed page").contentType("text/plain").header("Idempotency-Key", "mx"),
                Sample.of("GET", "/api/v1/imports/{id}", "/api/v1/imports/" + importId, 200, 404));
    }

    @Test
    void everyMappedEndpointHasAnAccessRule() {
        var endpoints = AccessMatrix.endpoints(mapping);
        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(17);
        matrix().assertCovers(endpoints);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointByEveryRoleAndTenant() {
        return matrix().tests(AccessMatrix.endpoints(mapping), samples());
    }

    private AccessMatrix matrix() {
        return new AccessMatrix(url(""), AccessTable.RULES, OWN, OTHER);
    }
}

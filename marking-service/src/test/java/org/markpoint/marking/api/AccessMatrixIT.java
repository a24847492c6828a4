package org.markpoint.marking.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.markpoint.marking.security.AccessTable;
import org.markpoint.marking.support.AccessMatrix;
import org.markpoint.marking.support.AccessMatrix.Sample;
import org.markpoint.marking.support.Http;
import org.markpoint.marking.support.TestIdentity;
import org.markpoint.model.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every marking-service endpoint x every role x own / other tenant, plus no, forged and expired identities. The
 * fixtures (a mark of learner1, a batch) belong to tenant mx-a; mx-b's callers must get 404 for them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT extends RunningService {

    private static final String OWN = "mx-a";
    private static final String OTHER = "mx-b";
    static final String SCHEME = """
        {"stem": "Explain how training improves service.", "commandWord": "explain", "maxMarks": 2,
         "markingPoints": [{"id": "a", "text": "skills gap", "marks": 1}, {"id": "b", "text": "complaints fall",
                            "marks": 1}]}""";
    static final String ANSWER = "{\"answer\": \"Training closes the skills gap.\", \"scheme\": " + SCHEME + "}";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    private String markId;
    private String batchId;

    @BeforeAll
    void fixtures() {
        String[] admin = TestIdentity.headers(TestIdentity.of("fixture", OWN, Role.ADMIN));
        HttpResponse<String> mark = Http.send(post("/api/v1/marking/mark", ANSWER.replace("{\"answer\"",
                "{\"learnerId\": \"" + AccessMatrix.subject(Role.LEARNER) + "\", \"answer\""), admin));
        assertThat(mark.statusCode()).as(mark.body()).isEqualTo(200);
        markId = json(mark).get("markId").asString();
        HttpResponse<String> batch = Http.send(post("/api/v1/marking/batches", "{\"scheme\": " + SCHEME
                + ", \"items\": [{\"answer\": \"The skills gap closes.\"}]}", admin));
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(202);
        batchId = json(batch).get("batchId").asString();
    }

    private HttpRequest post(String path, String body, String... headers) {
        return HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .headers(headers).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    List<Sample> samples() {
        String m = "/api/v1/marking";
        String dl = "/api/v1/admin/dead-letters";
        return List.of(
                Sample.of("POST", m + "/mark", m + "/mark", 200, 200).body(ANSWER),
                Sample.of("POST", m + "/preview", m + "/preview", 200, 200).body(ANSWER),
                Sample.of("GET", m + "/marks/{id}", m + "/marks/" + markId, 200, 404),
                Sample.of("POST", m + "/marks/{id}/appeal", m + "/marks/" + markId + "/appeal", 200, 404)
                        .body("{\"reason\": \"please look again\"}"),
                Sample.of("POST", m + "/marks/{id}/override", m + "/marks/" + markId + "/override", 200, 404)
                        .body("{\"mark\": 1, \"reason\": \"named the gap\"}"),
                Sample.of("POST", m + "/marks/{id}/accept", m + "/marks/" + markId + "/accept", 200, 404)
                        .body("{}"),
                Sample.of("GET", m + "/review-queue", m + "/review-queue", 200, 200),
                Sample.of("GET", m + "/agreement", m + "/agreement", 200, 200),
                Sample.of("POST", m + "/batches", m + "/batches", 202, 202).header("Idempotency-Key", "mx-batch")
                        .body("{\"scheme\": " + SCHEME + ", \"items\": [{\"answer\": \"Complaints fall.\"}]}"),
                Sample.of("GET", m + "/batches/{id}", m + "/batches/" + batchId, 200, 404),
                Sample.of("GET", m + "/batches/{id}/results", m + "/batches/" + batchId + "/results", 200, 404),
                Sample.of("POST", m + "/test-bench", m + "/test-bench", 200, 200).body("{\"scheme\": " + SCHEME
                        + ", \"answers\": [{\"answer\": \"The skills gap closes.\", \"mark\": 1}]}"),
                // operators' API across tenants (not routed by the gateway): admins only, unknown ids 404
                Sample.of("GET", dl, dl, 200, 200),
                Sample.of("GET", dl + "/{id}", dl + "/markpoint.answer.v1.dlt-0-999999", 404, 404),
                Sample.of("POST", dl + "/{id}/replay", dl + "/markpoint.answer.v1.dlt-0-999999/replay", 404, 404));
    }

    @Test
    void everyMappedEndpointHasAnAccessRule() {
        var endpoints = AccessMatrix.endpoints(mapping);
        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(15);
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

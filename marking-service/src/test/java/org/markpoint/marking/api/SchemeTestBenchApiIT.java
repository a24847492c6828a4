package org.markpoint.marking.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.markpoint.marking.support.Http;
import tools.jackson.databind.JsonNode;

/** The scheme test bench over HTTP: JSON and multipart uploads, the report's figures, the limits. */
class SchemeTestBenchApiIT extends RunningService {

    private static final String SCHEME = """
        {"stem": "Explain how training improves customer service.", "commandWord": "explain", "maxMarks": 2,
         "markingPoints": [{"id": "a", "text": "training closes skills gaps", "accept": ["skills gap"]},
                           {"id": "b", "text": "customers get consistent service", "accept": ["consistent"]}]}""";
    private static final String CSV = "answer,mark\n"
            + "\"Training closes the skills gap, so customers get consistent service.\",2\n"
            + "The weather was nice.,0\n"
            + "\"Training closes the skills gap, so customers get consistent service every day.\",0\n"
            + "Something,9\n";

    private HttpResponse<String> bench(String body) {
        return Http.postJson(url("/api/v1/marking/test-bench"), body);
    }

    @Test
    void givenAnInlineSchemeAndACsv_whenBenched_thenAgreementConfusionPointsAndDisagreementsWithEvidence() {
        HttpResponse<String> r = bench("{\"scheme\": " + SCHEME + ", \"csv\": " + JSON.writeValueAsString(CSV)
                + ", \"top\": 5}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = json(r);
        assertThat(report.get("n").asInt()).isEqualTo(3);
        assertThat(report.at("/agreement/n").asInt()).isEqualTo(3);
        assertThat(report.at("/agreement/exact").asDouble()).isCloseTo(2 / 3.0, org.assertj.core.data.Offset
                .offset(1e-9));
        assertThat(report.has("agreement") && report.get("agreement").has("qwk")
                && report.get("agreement").has("pearson") && report.get("agreement").has("adjacent")).isTrue();
        assertThat(report.at("/confusion/counts/0/2").asInt()).isEqualTo(1);
        assertThat(report.at("/points/0/id").asString()).isEqualTo("a");
        assertThat(report.at("/points/0/hits").asInt()).isEqualTo(2);
        assertThat(report.at("/disagreements/0/row").asInt()).isEqualTo(3);
        assertThat(report.at("/disagreements/0/points/0/status").asString()).isEqualTo("hit");
        assertThat(report.at("/disagreements/0/points/0/evidence/0/text").asString().toLowerCase())
                .contains("skills gap");
        assertThat(report.at("/rowProblems/0/row").asInt()).isEqualTo(4);
        assertThat(report.at("/rowProblems/0/field").asString()).isEqualTo("mark");
    }

    @Test
    void givenAMultipartUpload_whenBenched_thenTheSameReport() {
        String boundary = "markpoint-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"scheme\"\r\n\r\n" + SCHEME
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"marked.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + CSV + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = Http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/marking/test-bench")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("n").asInt()).isEqualTo(3);
        assertThat(json(r).at("/disagreements/0/row").asInt()).isEqualTo(3);
    }

    @Test
    void givenBadUploads_whenBenched_thenProblemsNamingTheFieldOr413() {
        assertProblem(bench("{\"scheme\": " + SCHEME + "}"), 400, "csv");
        assertProblem(bench("{\"scheme\": " + SCHEME + ", \"csv\": \"answer,score\\nx,1\\n\"}"), 400, "mark");
        assertProblem(bench("{\"csv\": \"answer,mark\\nx,1\\n\"}"), 400, "questionId");
        assertThat(bench("{\"questionId\": \"no-such\", \"csv\": \"answer,mark\\nx,1\\n\"}").statusCode())
                .isEqualTo(404);
        String many = "answer,mark\\n" + "x,1\\n".repeat(2_001);
        HttpResponse<String> tooMany = bench("{\"scheme\": " + SCHEME + ", \"csv\": \"" + many + "\"}");
        assertThat(tooMany.statusCode()).isEqualTo(413);
        assertThat(json(tooMany).get("detail").asString()).contains("2000");
        HttpResponse<String> pairs = bench("{\"scheme\": " + SCHEME + ", \"answers\": [{\"answer\": \"x\", "
                + "\"mark\": 1}, {\"answer\": \"y\", \"mark\": 3}]}");
        assertThat(pairs.statusCode()).as(pairs.body()).isEqualTo(200);
        assertThat(json(pairs).get("n").asInt()).isEqualTo(1);
        assertThat(json(pairs).at("/rowProblems/0/row").asInt()).isEqualTo(2);
    }

    private static void assertProblem(HttpResponse<String> r, int status, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(json(r).at("/errors/0/field").asString()).as(r.body()).isEqualTo(field);
    }
}

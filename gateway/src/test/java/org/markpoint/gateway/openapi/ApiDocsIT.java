package org.markpoint.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gateway fetches the services' documents over HTTP and serves one merged document and the Swagger UI page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "markpoint.openapi.fetch-timeout=60s")
class ApiDocsIT {

    private static HttpServer question;
    private static HttpServer marking;
    private static int deadPort;

    private static HttpServer docServer(String path) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/v3/api-docs", exchange -> {
            byte[] body = ("{\"openapi\":\"3.1.0\",\"paths\":{\"" + path + "\":{\"get\":{\"responses\":{\"200\":"
                    + "{\"description\":\"OK\"}}}}}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        s.start();
        return s;
    }

    @BeforeAll
    static void backends() throws IOException {
        question = docServer("/api/v1/questions");
        marking = docServer("/api/v1/marking/mark");
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
    }

    @AfterAll
    static void stop() {
        question.stop(0);
        marking.stop(0);
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry r) {
        r.add("MARKPOINT_QUESTION_URL", () -> "http://127.0.0.1:" + question.getAddress().getPort());
        r.add("MARKPOINT_MARKING_URL", () -> "http://127.0.0.1:" + marking.getAddress().getPort());
        r.add("MARKPOINT_PROGRESS_URL", () -> "http://127.0.0.1:" + deadPort);
    }

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void givenTwoServicesUpAndOneDown_whenTheDocsAreAsked_thenOneMergedDocumentNamesTheMissingService()
            throws Exception {
        HttpResponse<String> r = get("/v3/api-docs");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = JsonMapper.builder().build().readTree(r.body());
        assertThat(doc.get("openapi").asString()).isEqualTo("3.1.0");
        assertThat(doc.get("paths").has("/api/v1/questions")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/marking/mark")).isTrue();
        assertThat(doc.at("/info/x-markpoint-unavailable").asString()).isEqualTo("progress-service");
        assertThat(doc.at("/components/securitySchemes/apiKey/name").asString()).isEqualTo("X-Api-Key");
    }

    @Test
    void givenTheSwaggerUiPage_whenLoaded_thenItAndTheAssetsItNamesAreServedFromTheGateway() throws Exception {
        HttpResponse<String> page = get("/api.html");
        assertThat(page.statusCode()).isEqualTo(200);
        for (String asset : new String[] {"/webjars/swagger-ui/5.34.1/swagger-ui.css",
            "/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js", "/js/api-docs.js"}) {
            assertThat(page.body()).contains(asset);
            assertThat(get(asset).statusCode()).as(asset).isEqualTo(200);
        }
        assertThat(get("/js/api-docs.js").body()).contains("'/v3/api-docs'");
    }
}

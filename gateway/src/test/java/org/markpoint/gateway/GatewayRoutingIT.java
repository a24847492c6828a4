package org.markpoint.gateway;

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

/** Routes reach a real HTTP backend; a service that is down gets a 503 problem, not a 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingIT {

    private static HttpServer questionBackend;
    private static int deadPort;

    @BeforeAll
    static void backends() throws IOException {
        questionBackend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        questionBackend.createContext("/api/v1/questions", exchange -> {
            byte[] body = "{\"items\":[],\"next\":\"\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        questionBackend.start();
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort(); // closed again: nothing listens there
        }
    }

    @AfterAll
    static void stop() {
        questionBackend.stop(0);
    }

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry r) {
        r.add("MARKPOINT_QUESTION_URL", () -> "http://127.0.0.1:" + questionBackend.getAddress().getPort());
        r.add("MARKPOINT_MARKING_URL", () -> "http://127.0.0.1:" + deadPort);
        r.add("MARKPOINT_PROGRESS_URL", () -> "http://127.0.0.1:" + deadPort);
        r.add("markpoint.security.dev-issuer.enabled", () -> "true");
    }

    @LocalServerPort
    int port;

    private String token;

    /** A tutor's token from the dev issuer: /api/** needs one. */
    private String bearer() throws Exception {
        if (token == null) {
            token = DevTokens.tutorBearer(port);
        }
        return token;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", bearer()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void givenQuestionServiceUp_whenQuestionsRequested_thenRoutedThrough() throws Exception {
        HttpResponse<String> r = get("/api/v1/questions?limit=1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"items\"");
    }

    @Test
    void givenMarkingServiceDown_whenMarkRequested_then503ProblemNamingTheService() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/marking/mark"))
                .header("Content-Type", "application/json").header("Authorization", bearer())
                .POST(HttpRequest.BodyPublishers.ofString("{\"answer\":\"x\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(r.body()).contains("marking-service").contains("service-unavailable");
    }

    @Test
    void givenProgressServiceDown_whenMasteryRequested_then503() throws Exception {
        assertThat(get("/api/v1/progress/learners/l1/mastery").statusCode()).isEqualTo(503);
    }

    @Test
    void givenWebUi_whenRootRequested_thenIndexHtmlWithTheAppScript() throws Exception {
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("text/html"));
        assertThat(r.body()).contains("<title>Markpoint</title>").contains("js/app.js");
        HttpResponse<String> script = get("/js/app.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).contains("javascript"));
        // put there by the build (npm ci + copy), not committed: the tutor charts load it
        assertThat(get("/vendor/echarts.esm.min.js").statusCode()).isEqualTo(200);
    }
}

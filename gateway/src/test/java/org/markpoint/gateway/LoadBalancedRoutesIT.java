package org.markpoint.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The routes {@code ./markpoint start --scale N} configures: {@code MARKPOINT_MARKING_URL=lb://marking-service} and
 * the instances listed as {@code spring.cloud.discovery.client.simple.instances.marking-service[i].uri}. Requests
 * are spread round-robin over both instances.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoadBalancedRoutesIT {

    private static final List<AtomicInteger> SERVED = List.of(new AtomicInteger(), new AtomicInteger());
    private static final List<HttpServer> INSTANCES = new java.util.ArrayList<>();

    @BeforeAll
    static void instances() throws IOException {
        for (AtomicInteger served : SERVED) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v1/marking", exchange -> {
                served.incrementAndGet();
                byte[] body = "{\"markId\":\"m\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            INSTANCES.add(server);
        }
    }

    @AfterAll
    static void stop() {
        INSTANCES.forEach(s -> s.stop(0));
    }

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry r) {
        r.add("MARKPOINT_MARKING_URL", () -> "lb://marking-service");
        for (int i = 0; i < SERVED.size(); i++) {
            int n = i;
            r.add("spring.cloud.discovery.client.simple.instances.marking-service[" + n + "].uri",
                    () -> "http://127.0.0.1:" + INSTANCES.get(n).getAddress().getPort());
        }
    }

    @LocalServerPort
    int port;

    /** The one place this test calls the gateway (credentials go here once the gateway asks for them). */
    private HttpResponse<String> mark() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/marking/mark"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"answer\":\"x\",\"questionId\":\"q\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void givenTwoMarkingInstances_whenTwentyMarksSent_thenEachInstanceServesHalf() throws Exception {
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r = mark();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        assertThat(SERVED).extracting(AtomicInteger::get).containsExactly(10, 10);
    }
}

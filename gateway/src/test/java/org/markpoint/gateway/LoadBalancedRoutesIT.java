package org.markpoint.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The routes {@code ./markpoint start --scale N} configures: {@code MARKPOINT_MARKING_URL=lb://marking-service} and
 * the instances listed as {@code spring.cloud.discovery.client.simple.instances.marking-service[i].uri}. Requests
 * are spread round robin over the instances that pass their readiness check.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadBalancedRoutesIT {

    private static final List<AtomicInteger> SERVED = List.of(new AtomicInteger(), new AtomicInteger());
    private static final List<HttpServer> INSTANCES = new java.util.ArrayList<>();

    @BeforeAll
    static void instances() throws IOException {
        for (AtomicInteger served : SERVED) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/actuator/health/readiness", exchange -> {
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
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
        r.add("markpoint.security.dev-issuer.enabled", () -> "true");
        for (int i = 0; i < SERVED.size(); i++) {
            int n = i;
            r.add("spring.cloud.discovery.client.simple.instances.marking-service[" + n + "].uri",
                    () -> "http://127.0.0.1:" + INSTANCES.get(n).getAddress().getPort());
        }
    }

    @LocalServerPort
    int port;

    private String bearer;

    /** The one place this test calls the gateway, as a tutor signed in with the dev issuer. */
    private HttpResponse<String> mark() throws Exception {
        if (bearer == null) {
            bearer = DevTokens.tutorBearer(port);
        }
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/marking/mark"))
                .header("Content-Type", "application/json").header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.ofString("{\"answer\":\"x\",\"questionId\":\"q\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void givenTwoMarkingInstances_whenTwentyMarksSent_thenEachInstanceServesAboutHalf() throws Exception {
        await("both instances pass the health check").atMost(Duration.ofSeconds(20)).until(() -> {
            SERVED.forEach(n -> n.set(0));
            mark();
            mark();
            return SERVED.get(0).get() == 1 && SERVED.get(1).get() == 1;
        });
        SERVED.forEach(n -> n.set(0));
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r = mark();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        // round robin; the health check re-emits the instance list every 2 s, which may restart the rotation
        assertThat(SERVED).extracting(AtomicInteger::get).allSatisfy(n -> assertThat(n).isBetween(6, 14));
    }

    @Test
    @Order(2)
    void givenOneInstanceStops_whenItsHealthCheckFails_thenEveryMarkGoesToTheOther() throws Exception {
        INSTANCES.getFirst().stop(0);
        // the health check runs every 2 s: until it notices, the stopped instance's share fails
        await("the stopped instance leaves the rotation").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500)).until(() -> mark().statusCode() == 200
                        && mark().statusCode() == 200 && mark().statusCode() == 200);
        SERVED.get(1).set(0);
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> r = mark();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        assertThat(SERVED.get(1).get()).isEqualTo(10);
    }
}

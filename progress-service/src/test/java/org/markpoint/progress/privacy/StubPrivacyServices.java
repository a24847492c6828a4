package org.markpoint.progress.privacy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for marking-service's or question-service's internal GDPR endpoints: an export that holds a mark for the
 * learners it was told of, and an erasure acknowledged once {@link #acknowledge} was called. It can be down.
 */
final class StubPrivacyServices implements AutoCloseable {

    private final HttpServer server;
    private final String service;
    private final Set<String> learners = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final List<String> identityHeadersSeen = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    StubPrivacyServices(String service) {
        this.service = service;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/internal/learners/", this::export);
        server.createContext("/api/v1/internal/erasures/", this::erasure);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void holds(String learnerId) {
        learners.add(learnerId);
    }

    void acknowledge(String pseudonym) {
        acknowledged.add(pseudonym);
    }

    void down(boolean isDown) {
        down = isDown;
    }

    private void export(HttpExchange exchange) throws IOException {
        String learner = exchange.getRequestURI().getPath().split("/")[5];
        String identity = exchange.getRequestHeaders().getFirst("X-Markpoint-Identity");
        if (identity != null) {
            identityHeadersSeen.add(identity);
        }
        boolean found = learners.contains(learner);
        reply(exchange, """
            {"service": "%s", "learnerId": "%s", "found": %s, "marks": [%s]}
            """.formatted(service, learner, found, found ? "{\"markId\": \"m-" + learner + "\"}" : ""));
    }

    private void erasure(HttpExchange exchange) throws IOException {
        String pseudonym = exchange.getRequestURI().getPath().split("/")[5];
        boolean done = acknowledged.contains(pseudonym);
        reply(exchange, """
            {"service": "%s", "acknowledged": %s, "acknowledgedAt": %s}
            """.formatted(service, done, done ? "\"2026-01-01T00:00:00Z\"" : "null"));
    }

    private void reply(HttpExchange exchange, String body) throws IOException {
        try (exchange) {
            if (down) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

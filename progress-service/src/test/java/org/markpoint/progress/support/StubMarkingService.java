package org.markpoint.progress.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.markpoint.model.event.AnswerMarked;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.OutcomeEvidence;
import org.markpoint.model.security.Identity;
import org.markpoint.model.security.IdentityCodec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for marking-service's {@code POST /api/v1/marking/mark} on the JDK's HTTP server: an answer containing
 * "right" earns full marks, anything else none; one mark per Idempotency-Key, each announced once as
 * {@code AnswerMarked} through {@link #announceWith}. It can be made slow, down, or refusing. Like the real service it
 * answers 401 to a call without a valid signed identity.
 */
public final class StubMarkingService implements AutoCloseable {

    public enum Mode { NORMAL, SLOW, DOWN, REFUSING }

    /** What the stub knows of a question: its outcome and max marks. */
    public record Question(String outcome, int maxMarks) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, Question> questions;
    private final Map<String, ObjectNode> marks = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Identity lastCaller;
    private volatile Mode mode = Mode.NORMAL;
    private volatile CountDownLatch slowRelease = new CountDownLatch(1);
    private volatile Consumer<EventEnvelope<AnswerMarked>> announcer = e -> { };

    public StubMarkingService(Map<String, Question> questions) {
        this.questions = Map.copyOf(questions);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/marking/mark", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void announceWith(Consumer<EventEnvelope<AnswerMarked>> announcer) {
        this.announcer = announcer;
    }

    public void mode(Mode next) {
        if (mode == Mode.SLOW && next != Mode.SLOW) {
            slowRelease.countDown();
        }
        if (next == Mode.SLOW) {
            slowRelease = new CountDownLatch(1);
        }
        mode = next;
    }

    /** Who the last call came as (verified as marking-service would), if anyone. */
    public Optional<Identity> lastCaller() {
        return Optional.ofNullable(lastCaller);
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public void close() {
        slowRelease.countDown();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        try (exchange) {
            Optional<Identity> caller = TestIdentity.CODEC.verify(exchange.getRequestHeaders().getFirst(
                    IdentityCodec.HEADER), exchange.getRequestHeaders().getFirst(IdentityCodec.SIGNATURE_HEADER),
                    Instant.now());
            if (caller.isEmpty()) {
                reply(exchange, 401, "{\"title\":\"Unauthenticated\"}");
                return;
            }
            lastCaller = caller.get();
            switch (mode) {
                case SLOW -> awaitRelease();
                case DOWN -> {
                    reply(exchange, 503, "{\"title\":\"Service unavailable\"}");
                    return;
                }
                case REFUSING -> {
                    reply(exchange, 409, "{\"detail\":\"question was retired; it no longer takes answers\"}");
                    return;
                }
                case NORMAL -> { }
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            ObjectNode mark = marks.computeIfAbsent(key, k -> newMark(k, request));
            reply(exchange, 200, JSON.writeValueAsString(mark));
        }
    }

    private void awaitRelease() {
        try {
            slowRelease.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ObjectNode newMark(String key, JsonNode request) {
        String questionId = request.path("questionId").asString();
        Question q = questions.get(questionId);
        boolean right = request.path("answer").asString().toLowerCase().contains("right");
        int mark = right ? q.maxMarks() : 0;
        ObjectNode body = JSON.createObjectNode();
        body.put("markId", "mark-" + key);
        body.put("questionId", questionId);
        body.put("questionVersion", 1);
        body.put("mark", mark);
        body.put("maxMarks", q.maxMarks());
        ObjectNode point = body.putArray("points").addObject();
        point.put("id", "a");
        point.put("status", right ? "hit" : "missed");
        point.put("marks", mark);
        body.putArray("feedback").add(right ? "Well done." : "Name the key idea.");
        body.put("confidence", 0.9);
        AnswerMarked event = new AnswerMarked("mark-" + key, key, request.path("learnerId").asString(), questionId, 1,
                mark, q.maxMarks(), right ? List.of("a") : List.of(), right ? List.of() : List.of("a"),
                List.of(new OutcomeEvidence(q.outcome(), mark, q.maxMarks())), 0.9, request.path("quizId").asString());
        announcer.accept(EventEnvelope.wrap("demo", event, Instant.now()));
        return body;
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json"
                : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}

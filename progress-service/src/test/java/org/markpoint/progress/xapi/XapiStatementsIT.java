package org.markpoint.progress.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.markpoint.model.event.AnswerMarked;
import org.markpoint.model.event.EventCodec;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.MasteryUpdated;
import org.markpoint.model.event.OutcomeEvidence;
import org.markpoint.model.event.Topics;
import org.markpoint.progress.support.Http;
import org.markpoint.progress.support.TestMongo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Marks and mastery moves on the real broker become stored, queryable, spec-conformant xAPI statements, forwarded to
 * a loopback LRS that refuses the first batch (so the retry is exercised) and checks HTTP Basic and the version header.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=progress-service", "markpoint.xapi.base-iri=https://markpoint.example.org",
            "markpoint.xapi.lrs.username=markpoint", "markpoint.xapi.lrs.password=s3cret",
            "markpoint.xapi.lrs.poll-ms=100", "markpoint.xapi.lrs.first-retry=200ms"})
@EmbeddedKafka(partitions = 1, topics = {Topics.QUESTION, Topics.ANSWER_MARKED, Topics.MASTERY})
class XapiStatementsIT {

    private static final EventCodec CODEC = new EventCodec();
    private static final List<String> LRS_BATCHES = new CopyOnWriteArrayList<>();
    private static final List<String> LRS_AUTH = new CopyOnWriteArrayList<>();
    private static final List<String> LRS_VERSION = new CopyOnWriteArrayList<>();
    private static final AtomicInteger LRS_FAILURES_LEFT = new AtomicInteger(1);
    private static final HttpServer LRS = loopbackLrs();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("spring.mongodb.uri", TestMongo::uri);
        r.add("spring.mongodb.database", () -> "progress-xapi-it");
        r.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        r.add("markpoint.xapi.lrs.endpoint", () -> "http://127.0.0.1:" + LRS.getAddress().getPort() + "/lrs/xapi");
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    /** An LRS: 503 to the first POST, 200 with the statement ids after; it records what it was sent. */
    private static HttpServer loopbackLrs() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/lrs/xapi/statements", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                LRS_AUTH.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                LRS_VERSION.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Experience-API-Version")));
                int status = LRS_FAILURES_LEFT.getAndDecrement() > 0 ? 503 : 200;
                if (status == 200) {
                    LRS_BATCHES.add(body);
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopLrs() {
        LRS.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void publish(EventEnvelope<?> e) throws Exception {
        kafka.send(e.topic(), e.key(), CODEC.encode(e)).get();
    }

    private JsonNode statements(String query) {
        HttpResponse<String> r = Http.get(url("/api/v1/xapi/statements" + query));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return StatementStore.JSON.readTree(r.body());
    }

    @Test
    void givenMarksAndMasteryMoves_whenConsumed_thenConformantStatementsAreStoredQueryableAndForwarded()
            throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        var marked = EventEnvelope.wrap("demo", new AnswerMarked("xm-1", "xa-1", "xapi-learner", "q-7", 2, 2, 3,
                List.of("a", "b"), List.of("c"), List.of(new OutcomeEvidence("lo-3", 2, 3)), 0.9, ""), Instant.now());
        publish(marked);
        publish(marked); // redelivered: still one statement
        publish(EventEnvelope.wrap("demo", new MasteryUpdated("xapi-learner", "lo-3", 0.91, 0.97, 5), Instant.now()));
        publish(EventEnvelope.wrap("demo", new MasteryUpdated("other-learner", "lo-3", 0.2, 0.35, 1), Instant.now()));

        // progress-service's own tracing of that mark adds a "progressed" of its own; ours are the answered and mastered
        await().atMost(Duration.ofSeconds(60)).until(() -> verbs(statements("?learner=xapi-learner&since=" + before)
                .get("statements")).contains(StatementFactory.MASTERED));
        await().atMost(Duration.ofSeconds(30)).until(() -> statements("?learner=other-learner&since=" + before)
                .get("statements").size() == 1);

        JsonNode mine = statements("?learner=xapi-learner&since=" + before).get("statements");
        for (JsonNode s : mine) {
            assertThat(XapiConformance.violations(s)).as(s.toString()).isEmpty();
            assertThat(s.get("actor").get("account").get("name").asString()).isEqualTo("xapi-learner");
        }
        List<String> verbs = verbs(mine);
        assertThat(verbs).containsOnlyOnce(StatementFactory.ANSWERED, StatementFactory.MASTERED);
        JsonNode answered = mine.get(verbs.indexOf(StatementFactory.ANSWERED));
        assertThat(answered.get("result").get("score").get("scaled").asDouble()).isEqualTo(2 / 3.0);
        assertThat(answered.get("result").get("response").asString()).isEqualTo("a[,]b");

        // paging: one at a time, "more" leads to the next page
        JsonNode first = statements("?learner=xapi-learner&limit=1&since=" + before);
        assertThat(first.get("statements")).hasSize(1);
        assertThat(first.get("more").asString()).contains("cursor=1");
        JsonNode second = StatementStore.JSON.readTree(Http.get(first.get("more").asString()).body());
        assertThat(second.get("statements").get(0).get("id").asString())
                .isNotEqualTo(first.get("statements").get(0).get("id").asString());

        // forwarded to the LRS after its first refusal, in batches, with Basic auth and the xAPI version header
        await().atMost(Duration.ofSeconds(30)).until(() -> LRS_BATCHES.stream().mapToInt(b -> StatementStore.JSON
                .readTree(b).size()).sum() >= 4);
        assertThat(LRS_AUTH).allMatch(a -> a.equals("Basic " + Base64.getEncoder()
                .encodeToString("markpoint:s3cret".getBytes(StandardCharsets.UTF_8))));
        assertThat(LRS_VERSION).allMatch("1.0.3"::equals);
        assertThat(LRS_AUTH.size()).isGreaterThan(LRS_BATCHES.size());
        List<String> forwardedIds = new ArrayList<>();
        LRS_BATCHES.forEach(b -> StatementStore.JSON.readTree(b).forEach(s -> forwardedIds.add(s.get("id")
                .asString())));
        assertThat(forwardedIds).doesNotHaveDuplicates().contains(answered.get("id").asString());
    }

    private static List<String> verbs(JsonNode statements) {
        List<String> verbs = new ArrayList<>();
        statements.forEach(s -> verbs.add(s.get("verb").get("id").asString()));
        return verbs;
    }

    @Test
    void givenBadQueries_whenAsked_then400NamingTheParameter() {
        HttpResponse<String> since = Http.get(url("/api/v1/xapi/statements?since=last-tuesday"));
        assertThat(since.statusCode()).isEqualTo(400);
        assertThat(since.body()).contains("\"field\":\"since\"");
        HttpResponse<String> limit = Http.get(url("/api/v1/xapi/statements?limit=0"));
        assertThat(limit.statusCode()).isEqualTo(400);
        assertThat(limit.body()).contains("limit");
    }
}

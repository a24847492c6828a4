package org.markpoint.marking.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.markpoint.marking.support.Http;
import org.markpoint.marking.webhooks.LoopbackReceiver;
import org.markpoint.marking.webhooks.LoopbackReceiver.Received;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks end to end: registration, a batch completion and a mark override POSTed to real loopback receivers whose
 * signature check is written here from the documented scheme (not with the service's own signer), retries with a
 * receiver that fails twice, the delivery log, and bad registrations.
 */
class WebhookApiIT extends RunningService {

    private static final String SCHEME = """
        {"stem": "Explain how training improves service.", "commandWord": "explain", "maxMarks": 2,
         "markingPoints": [{"id": "a", "text": "skills gap", "marks": 1}, {"id": "b", "text": "complaints fall", "marks": 1}]}
        """;

    private final List<String> registered = new ArrayList<>();
    private final List<LoopbackReceiver> receivers = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        registered.forEach(id -> Http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/marking/webhooks/" + id)))
                .DELETE().build()));
        receivers.forEach(LoopbackReceiver::close);
    }

    private LoopbackReceiver receiver(int failures) {
        LoopbackReceiver r = new LoopbackReceiver(failures, 500);
        receivers.add(r);
        return r;
    }

    private JsonNode register(String body) {
        HttpResponse<String> r = Http.postJson(url("/api/v1/marking/webhooks"), body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode hook = json(r);
        registered.add(hook.get("id").asString());
        return hook;
    }

    /** The receiver's side, from the README: HMAC-SHA256 over "t.body", hex, compared in constant time. */
    private static boolean verifies(String secret, Received delivery) throws Exception {
        Map<String, String> parts = new HashMap<>();
        for (String kv : delivery.header("Markpoint-Signature").split(",")) {
            String[] p = kv.split("=", 2);
            parts.put(p[0], p[1]);
        }
        long t = Long.parseLong(parts.get("t"));
        if (Math.abs(Instant.now().getEpochSecond() - t) > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((t + "." + delivery.body()).getBytes(StandardCharsets.UTF_8));
        return java.security.MessageDigest.isEqual(expected, HexFormat.of().parseHex(parts.get("v1")));
    }

    @Test
    void givenAWebhook_whenABatchCompletes_thenASignedBatchCompletedIsPosted() throws Exception {
        LoopbackReceiver lms = receiver(0);
        JsonNode hook = register("""
            {"url": "%s", "events": ["batch.completed"], "description": "gradebook sync"}
            """.formatted(lms.url("/hooks/markpoint")));
        String secret = hook.get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        JsonNode listed = json(Http.get(url("/api/v1/marking/webhooks")));
        assertThat(listed.get("items").toString()).contains(hook.get("id").asString()).doesNotContain(secret);

        HttpResponse<String> batch = Http.postJson(url("/api/v1/marking/batches"), """
            {"scheme": %s, "items": [{"answer": "Training closes the skills gap.", "ref": "x1"},
                                     {"answer": "Complaints fall after training.", "ref": "x2"}]}
            """.formatted(SCHEME));
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(202);
        String batchId = json(batch).get("batchId").asString();

        await().atMost(Duration.ofSeconds(30)).until(() -> lms.received().stream()
                .anyMatch(d -> d.body().contains(batchId)));
        Received delivery = lms.received().stream().filter(d -> d.body().contains(batchId)).findFirst().orElseThrow();
        assertThat(delivery.path()).isEqualTo("/hooks/markpoint");
        assertThat(delivery.header("Markpoint-Event")).isEqualTo("batch.completed");
        assertThat(verifies(secret, delivery)).isTrue();
        assertThat(verifies("whsec_someone-else", delivery)).isFalse();
        JsonNode body = JSON.readTree(delivery.body());
        assertThat(body.get("type").asString()).isEqualTo("batch.completed");
        assertThat(body.get("data").get("status").asString()).isEqualTo("done");
        assertThat(body.get("data").get("total").asInt()).isEqualTo(2);
        assertThat(body.get("data").get("results").asString()).endsWith("/batches/" + batchId + "/results");
        // the batch is done by the time its webhook arrives
        assertThat(json(Http.get(url("/api/v1/marking/batches/" + batchId))).get("status").asString())
                .isEqualTo("done");
    }

    @Test
    void givenAReceiverFailingTwice_whenAMarkIsOverridden_thenThreeAttemptsAreLoggedAndTheThirdDelivers()
            throws Exception {
        LoopbackReceiver flaky = receiver(2);
        JsonNode hook = register("""
            {"url": "%s", "events": ["mark.overridden"]}""".formatted(flaky.url("/flaky")));
        String hookId = hook.get("id").asString();
        HttpResponse<String> marked = Http.postJson(url("/api/v1/marking/mark"), """
            {"answer": "Training closes the skills gap.", "learnerId": "hook-learner", "scheme": %s}
            """.formatted(SCHEME));
        String markId = json(marked).get("markId").asString();

        HttpResponse<String> overridden = Http.postJson(url("/api/v1/marking/marks/" + markId + "/override"),
                "{\"mark\": 2, \"reason\": \"names both points\", \"tutorId\": \"tutor1\"}");
        assertThat(overridden.statusCode()).as(overridden.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> json(Http.get(url("/api/v1/marking/webhooks/" + hookId
                + "/deliveries"))).get("items").get(0).get("status").asString().equals("delivered"));
        JsonNode log = json(Http.get(url("/api/v1/marking/webhooks/" + hookId + "/deliveries"))).get("items");
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("event").asString()).isEqualTo("mark.overridden");
        assertThat(log.get(0).get("attempts").asInt()).isEqualTo(3);
        assertThat(log.get(0).get("lastResponseCode").asInt()).isEqualTo(200);
        List<Received> attempts = flaky.received();
        assertThat(attempts).hasSize(3);
        assertThat(attempts).allSatisfy(a -> assertThat(a.body()).isEqualTo(attempts.getFirst().body()));
        assertThat(verifies(hook.get("secret").asString(), attempts.getLast())).isTrue();
        JsonNode data = JSON.readTree(attempts.getLast().body()).get("data");
        assertThat(data.get("markId").asString()).isEqualTo(markId);
        assertThat(data.get("mark").asInt()).isEqualTo(2);
        assertThat(data.get("learnerId").asString()).isEqualTo("hook-learner");
    }

    @Test
    void givenBadRegistrations_whenPosted_then400NamingTheField() {
        Map<String, String> cases = Map.of(
                "{\"url\": \"ftp://lms.example/hook\", \"events\": [\"batch.completed\"]}", "url",
                "{\"url\": \"javascript:alert(1)\", \"events\": [\"batch.completed\"]}", "url",
                "{\"events\": [\"batch.completed\"]}", "url",
                "{\"url\": \"https://lms.example/hook\", \"events\": [\"grade.changed\"]}", "events",
                "{\"url\": \"https://lms.example/hook\", \"events\": []}", "events");
        cases.forEach((body, field) -> {
            HttpResponse<String> r = Http.postJson(url("/api/v1/marking/webhooks"), body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(json(r).get("errors").get(0).get("field").asString()).as(body).isEqualTo(field);
        });
    }

    @Test
    void givenADeletedWebhook_whenReadAgain_then404() {
        JsonNode hook = register("{\"url\": \"https://lms.example/hook\", \"events\": [\"mark.overridden\"]}");
        String id = hook.get("id").asString();
        assertThat(Http.get(url("/api/v1/marking/webhooks/" + id)).statusCode()).isEqualTo(200);
        HttpResponse<String> deleted = Http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/marking/webhooks/"
                + id))).DELETE().build());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(Http.get(url("/api/v1/marking/webhooks/" + id)).statusCode()).isEqualTo(404);
        assertThat(Http.get(url("/api/v1/marking/webhooks/" + id + "/deliveries")).statusCode()).isEqualTo(404);
    }
}

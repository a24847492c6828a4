package org.markpoint.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.markpoint.model.security.Identity;
import org.markpoint.model.security.IdentityCodec;
import org.markpoint.model.security.Role;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway's security over real HTTP: a stub upstream echoes the identity headers it received, an in-memory
 * MongoDB-wire server holds the API keys, the dev issuer signs tokens with a key in a temp file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewaySecurityIT {

    static final String SECRET = "gateway-security-it-secret-0123456789abcdef";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern FIELD = Pattern.compile("\"([a-zA-Z_]+)\":\"([^\"]*)\"");

    private static HttpServer upstream;
    private static MongoServer mongo;
    private static Path keyFile;

    @BeforeAll
    static void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/api/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String id = String.valueOf(exchange.getRequestHeaders().getFirst(IdentityCodec.HEADER));
            String sig = String.valueOf(exchange.getRequestHeaders().getFirst(IdentityCodec.SIGNATURE_HEADER));
            int count = exchange.getRequestHeaders().get(IdentityCodec.HEADER) == null ? 0
                    : exchange.getRequestHeaders().get(IdentityCodec.HEADER).size();
            byte[] body = ("{\"identity\":\"" + id + "\",\"signature\":\"" + sig + "\",\"count\":\"" + count + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        upstream.start();
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        keyFile = Files.createTempDirectory("gw-sec-").resolve("keys/dev-issuer.jwk.json");
    }

    @AfterAll
    static void stop() {
        upstream.stop(0);
        mongo.shutdownNow();
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        String url = "http://127.0.0.1:" + upstream.getAddress().getPort();
        r.add("MARKPOINT_QUESTION_URL", () -> url);
        r.add("MARKPOINT_MARKING_URL", () -> url);
        r.add("MARKPOINT_PROGRESS_URL", () -> url);
        r.add("markpoint.security.internal-secret", () -> SECRET);
        r.add("markpoint.security.dev-issuer.enabled", () -> "true");
        r.add("markpoint.security.dev-issuer.key-file", () -> keyFile.toString());
        r.add("markpoint.security.api-keys.mongodb-uri",
                () -> "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort());
        r.add("markpoint.security.rate-limit.capacity", () -> "25");
        r.add("markpoint.security.rate-limit.refill-per-second", () -> "0.5");
        r.add("markpoint.security.max-body-bytes", () -> "2048");
    }

    @LocalServerPort
    int port;

    // ------------------------------------------------------------------ helpers

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder r) throws Exception {
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder r = request(path).GET();
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return send(r);
    }

    private HttpResponse<String> postJson(String path, String token, String json) throws Exception {
        HttpRequest.Builder r = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return send(r);
    }

    private String token(String subject, String tenant, String... roles) throws Exception {
        HttpResponse<String> r = postJson("/auth/dev/token", null, "{\"subject\":\"" + subject + "\",\"tenant\":\""
                + tenant + "\",\"roles\":[\"" + String.join("\",\"", roles) + "\"],\"ttlSeconds\":600}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"token_type\":\"Bearer\"").contains("\"expires_in\":600");
        return field(r.body(), "access_token");
    }

    private static String field(String json, String name) {
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new AssertionError("no " + name + " in " + json);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The identity the upstream received, verified as a service would verify it. */
    private static Identity forwarded(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(field(r.body(), "count")).isEqualTo("1");
        return new IdentityCodec(SECRET).verify(field(r.body(), "identity"), field(r.body(), "signature"),
                Instant.now()).orElseThrow(() -> new AssertionError("identity did not verify: " + r.body()));
    }

    private static void assertProblem(HttpResponse<String> r, int status, String type) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"type\":\"https://markpoint.org/problems/" + type + "\"")
                .contains("\"status\":" + status);
    }

    private SecurityProperties.Jwt claims() {
        return new SecurityProperties.Jwt(null, null, null, null, null);
    }

    private RSAKey devKey() throws Exception {
        token("warm-up", "demo", "learner"); // the key file exists once the issuer is up
        return RSAKey.parse(Files.readString(keyFile));
    }

    private String issuer() {
        return "http://localhost:0/auth"; // server.port is 0 in a RANDOM_PORT test
    }

    // ------------------------------------------------------------------ 401

    @Test
    void givenNoCredential_whenApiCalled_then401ProblemWithWwwAuthenticate() throws Exception {
        HttpResponse<String> r = get("/api/v1/questions", null);
        assertProblem(r, 401, "unauthenticated");
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void givenTokenSignedByAnotherKey_whenApiCalled_then401() throws Exception {
        RSAKey dev = devKey();
        RSAKey forger = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID(dev.getKeyID()).generate();
        String forged = DevIssuer.sign(forger, issuer(), "mallory", "demo", List.of(Role.ADMIN), Instant.now(),
                Instant.now().plusSeconds(600), claims());
        HttpResponse<String> r = get("/api/v1/questions", forged);
        assertProblem(r, 401, "unauthenticated");
        assertThat(r.body()).contains("signature");
    }

    @Test
    void givenTamperedPayload_whenApiCalled_then401() throws Exception {
        String[] parts = token(unique("learner"), "demo", "learner").split("\\.");
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"" + issuer() + "\",\"sub\":\"x\",\"tenant\":\"demo\",\"roles\":[\"admin\"],\"exp\":"
                        + (Instant.now().getEpochSecond() + 600) + "}").getBytes(StandardCharsets.UTF_8));
        assertProblem(get("/api/v1/questions", parts[0] + "." + payload + "." + parts[2]), 401, "unauthenticated");
    }

    @Test
    void givenExpiredToken_whenApiCalled_then401SayingExpired() throws Exception {
        String expired = DevIssuer.sign(devKey(), issuer(), "tutor1", "demo", List.of(Role.TUTOR),
                Instant.now().minusSeconds(3600), Instant.now().minusSeconds(600), claims());
        HttpResponse<String> r = get("/api/v1/questions", expired);
        assertProblem(r, 401, "unauthenticated");
        assertThat(r.body()).contains("expired");
    }

    @Test
    void givenTokenFromAnotherIssuer_whenApiCalled_then401() throws Exception {
        String foreign = DevIssuer.sign(devKey(), "https://idp.example.org/realms/other", "tutor1", "demo",
                List.of(Role.TUTOR), Instant.now(), Instant.now().plusSeconds(600), claims());
        HttpResponse<String> r = get("/api/v1/questions", foreign);
        assertProblem(r, 401, "unauthenticated");
        assertThat(r.body()).contains("issuer");
        assertProblem(get("/api/v1/questions", "not-a-jwt"), 401, "unauthenticated");
    }

    // ------------------------------------------------------------------ routed identity

    @Test
    void givenDevToken_whenApiCalled_thenRoutedWithSignedIdentityOfThatUser() throws Exception {
        String subject = unique("tutor");
        Identity id = forwarded(get("/api/v1/marking/review-queue", token(subject, "college-a", "tutor", "author")));
        assertThat(id.subject()).isEqualTo(subject);
        assertThat(id.tenant()).isEqualTo("college-a");
        assertThat(id.roles()).containsExactlyInAnyOrder(Role.TUTOR, Role.AUTHOR);
        assertThat(id.expiresAt()).isBefore(Instant.now().plusSeconds(61)).isAfter(Instant.now());
    }

    @Test
    void givenSpoofedIdentityHeaders_whenApiCalled_thenUpstreamSeesOnlyTheGatewaysOwn() throws Exception {
        IdentityCodec.Headers spoof = new IdentityCodec(SECRET).sign(new Identity("evil-admin", "other",
                Set.of(Role.ADMIN), Set.of(), Instant.now().plusSeconds(60)));
        String subject = unique("learner");
        HttpResponse<String> r = send(request("/api/v1/progress/learners/" + subject + "/mastery").GET()
                .header("Authorization", "Bearer " + token(subject, "demo", "learner"))
                .header(IdentityCodec.HEADER, spoof.identity()).header(IdentityCodec.SIGNATURE_HEADER, spoof.signature())
                .header("x-markpoint-identity-extra", "x"));
        Identity id = forwarded(r);
        assertThat(id.subject()).isEqualTo(subject);
        assertThat(id.tenant()).isEqualTo("demo");
        assertThat(id.roles()).containsExactly(Role.LEARNER);

        // a public path forwards nothing of the kind either: without a credential the spoof is simply dropped
        assertProblem(send(request("/api/v1/questions").GET().header(IdentityCodec.HEADER, spoof.identity())
                .header(IdentityCodec.SIGNATURE_HEADER, spoof.signature())), 401, "unauthenticated");
    }

    // ------------------------------------------------------------------ dev issuer

    @Test
    void givenDevIssuer_whenJwksRequested_thenOnlyThePublicKey() throws Exception {
        HttpResponse<String> r = get("/auth/jwks.json", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"kty\":\"RSA\"").contains("\"n\":").doesNotContain("\"d\":")
                .doesNotContain("\"p\":");
    }

    @Test
    void givenBadTokenRequest_whenDevTokenAsked_then400NamingTheField() throws Exception {
        HttpResponse<String> r = postJson("/auth/dev/token", null,
                "{\"subject\":\"tutor1\",\"tenant\":\"demo\",\"roles\":[\"superuser\"]}");
        assertProblem(r, 400, "validation");
        assertThat(r.body()).contains("\"field\":\"roles\"");
        assertProblem(postJson("/auth/dev/token", null, "{\"subject\":\"\",\"tenant\":\"demo\",\"roles\":[\"tutor\"]}"),
                400, "validation");
        assertProblem(postJson("/auth/dev/token", null,
                "{\"subject\":\"a\",\"tenant\":\"demo\",\"roles\":[\"tutor\"],\"ttlSeconds\":0}"), 400, "validation");
    }

    @Test
    void givenWebUi_whenLoginPageRequested_thenServedWithItsScript() throws Exception {
        HttpResponse<String> r = get("/login.html", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("js/login.js");
        assertThat(get("/js/login.js", null).statusCode()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ API keys

    @Test
    void givenAdmin_whenApiKeyCreatedUsedListedAndRevoked_thenEachStepHolds() throws Exception {
        String admin = token(unique("admin"), "college-k", "admin");
        HttpResponse<String> created = postJson("/api/v1/admin/api-keys", admin,
                "{\"name\":\"Moodle\",\"scopes\":[\"bank:read\",\"marking\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = field(created.body(), "id");
        String secret = field(created.body(), "key");
        assertThat(secret).startsWith("mpk_" + id + "_");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/admin/api-keys/" + id);

        HttpResponse<String> listed = get("/api/v1/admin/api-keys", admin);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"id\":\"" + id + "\"").contains("\"status\":\"active\"")
                .contains("\"lastUsedAt\":null").doesNotContain(secret.substring(24)).doesNotContain("secretSha256");

        // used as X-Api-Key and as a bearer token: an lms identity with the key's scopes in the key's tenant
        Identity viaHeader = forwarded(send(request("/api/v1/questions?limit=1").GET().header("X-Api-Key", secret)));
        assertThat(viaHeader.subject()).isEqualTo("key:" + id);
        assertThat(viaHeader.tenant()).isEqualTo("college-k");
        assertThat(viaHeader.roles()).containsExactly(Role.LMS);
        assertThat(viaHeader.scopes()).containsExactlyInAnyOrder("bank:read", "marking");
        assertThat(forwarded(postJson("/api/v1/marking/mark", secret, "{}")).subject()).isEqualTo("key:" + id);
        // a scope it was not given
        assertProblem(get("/api/v1/progress/learners/l1/mastery", secret), 403, "forbidden");
        assertThat(get("/api/v1/admin/api-keys", admin).body()).doesNotContain("\"lastUsedAt\":null");

        // another tenant's admin cannot see or revoke it
        String otherAdmin = token(unique("admin"), "college-z", "admin");
        assertThat(get("/api/v1/admin/api-keys", otherAdmin).body()).doesNotContain(id);
        assertProblem(send(request("/api/v1/admin/api-keys/" + id).DELETE()
                .header("Authorization", "Bearer " + otherAdmin)), 404, "not-found");

        HttpResponse<String> revoked = send(request("/api/v1/admin/api-keys/" + id).DELETE()
                .header("Authorization", "Bearer " + admin));
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(get("/api/v1/admin/api-keys", admin).body()).contains("\"status\":\"revoked\"");
        assertProblem(send(request("/api/v1/questions").GET().header("X-Api-Key", secret)), 401, "unauthenticated");
        assertProblem(send(request("/api/v1/questions").GET().header("X-Api-Key", secret.substring(0, secret.length() - 2) + "xx")),
                401, "unauthenticated");
    }

    @Test
    void givenNonAdmin_whenApiKeysCalled_then403() throws Exception {
        assertProblem(get("/api/v1/admin/api-keys", token(unique("learner"), "demo", "learner")), 403, "forbidden");
        assertProblem(postJson("/api/v1/admin/api-keys", token(unique("tutor"), "demo", "tutor"), "{\"name\":\"x\"}"),
                403, "forbidden");
        assertProblem(get("/api/v1/admin/api-keys", null), 401, "unauthenticated");
    }

    @Test
    void givenBadApiKeyRequest_whenCreated_then400NamingTheField() throws Exception {
        String admin = token(unique("admin"), "demo", "admin");
        HttpResponse<String> r = postJson("/api/v1/admin/api-keys", admin, "{\"name\":\"x\",\"scopes\":[\"everything\"]}");
        assertProblem(r, 400, "validation");
        assertThat(r.body()).contains("\"field\":\"scopes\"");
        assertProblem(postJson("/api/v1/admin/api-keys", admin, "{\"name\":\"\"}"), 400, "validation");
    }

    // ------------------------------------------------------------------ abuse limits and headers

    @Test
    void givenBurstOverCapacity_whenApiCalled_then429WithRetryAfter() throws Exception {
        String token = token(unique("learner"), "demo", "learner");
        HttpResponse<String> last = null;
        for (int i = 0; i < 26; i++) {
            last = get("/api/v1/questions", token);
            if (last.statusCode() == 429) {
                break;
            }
            assertThat(last.statusCode()).isEqualTo(200);
        }
        assertProblem(last, 429, "rate-limited");
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(
                v -> assertThat(Integer.parseInt(v)).isBetween(1, 2));
        // per caller: someone else is not held back
        assertThat(get("/api/v1/questions", token(unique("learner"), "demo", "learner")).statusCode()).isEqualTo(200);
    }

    @Test
    void givenBodyOverTheLimit_whenPosted_then413Problem() throws Exception {
        String big = "{\"answer\":\"" + "x".repeat(3000) + "\"}";
        assertProblem(postJson("/api/v1/marking/mark", token(unique("learner"), "demo", "learner"), big), 413,
                "payload-too-large");
        // batch uploads have their own, larger limit
        assertThat(postJson("/api/v1/marking/batches", token(unique("tutor"), "demo", "tutor"), big).statusCode())
                .isEqualTo(200);
    }

    @Test
    void givenChunkedBodyOverTheLimit_whenPosted_then413() throws Exception {
        byte[] big = ("{\"answer\":\"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = send(request("/api/v1/marking/mark").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token(unique("learner"), "demo", "learner"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
    }

    @Test
    void givenMalformedJson_whenDevTokenAsked_then400Problem() throws Exception {
        HttpResponse<String> r = postJson("/auth/dev/token", null, "{\"subject\": ");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
    }

    @Test
    void givenAnyAnswer_thenSecurityHeadersAreSet() throws Exception {
        for (HttpResponse<String> r : List.of(get("/", null), get("/api/v1/questions", null),
                get("/api/v1/questions", token(unique("tutor"), "demo", "tutor")))) {
            assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'").contains("frame-ancestors 'none'").contains("script-src 'self'"));
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        }
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertProblem(get("/actuator/gateway/routes", null), 401, "unauthenticated");
    }
}

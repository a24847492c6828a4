package org.markpoint.progress.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fake LMS itself: what it accepts and refuses, so tool tests built on it can trust it. */
class LtiTestPlatformTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String TOOL_LAUNCH = "http://127.0.0.1:9/lti/launch";

    private static RSAKey toolKey;
    private static HttpServer toolJwks;

    private LtiTestPlatform platform;

    @BeforeAll
    static void toolJwksServer() throws Exception {
        toolKey = new RSAKeyGenerator(2048).keyID("tool-1").generate();
        byte[] jwks = new JWKSet(toolKey.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
        toolJwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        toolJwks.createContext("/lti/jwks", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
            }
        });
        toolJwks.start();
    }

    @AfterAll
    static void stopToolJwks() {
        toolJwks.stop(0);
    }

    @BeforeEach
    void start() {
        platform = new LtiTestPlatform("client-1", "deployment-1");
        platform.toolJwksUrl("http://127.0.0.1:" + toolJwks.getAddress().getPort() + "/lti/jwks");
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void tokenEndpointGrantsOnlyToAnAssertionSignedWithTheToolsKeyAndOnlyOnce() throws Exception {
        RSAKey unknown = new RSAKeyGenerator(2048).keyID("tool-1").generate();

        HttpResponse<String> forged = requestToken(assertion(unknown), LtiTestPlatform.SCOPE_SCORE);
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(401);
        assertThat(JSON.readTree(forged.body()).path("error").asString()).isEqualTo("invalid_client");
        assertThat(JSON.readTree(forged.body()).path("error_description").asString()).contains("signature");

        String good = assertion(toolKey);
        String scopes = LtiTestPlatform.SCOPE_SCORE + " " + LtiTestPlatform.SCOPE_NRPS;
        HttpResponse<String> granted = requestToken(good, scopes);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(granted.body());
        assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asInt()).isEqualTo(3600);
        assertThat(body.path("scope").asString()).isEqualTo(scopes);
        assertThat(platform.grantedTokens()).singleElement()
                .satisfies(t -> assertThat(t.accessToken()).isEqualTo(body.path("access_token").asString()));

        HttpResponse<String> replay = requestToken(good, scopes);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(replay.body()).path("error").asString()).isEqualTo("invalid_grant");
        assertThat(platform.tokenRequests()).isEqualTo(3);
    }

    @Test
    void aScoreIsRecordedOnlyWithABearerTokenHoldingTheScoreScope() throws Exception {
        String score = """
                {"userId":"u1","scoreGiven":7,"scoreMaximum":10,"activityProgress":"Completed",
                 "gradingProgress":"FullyGraded","timestamp":"2026-03-01T10:15:30.000Z"}""";
        assertThat(postScore(null, score).statusCode()).isEqualTo(401);

        String token = JSON.readTree(requestToken(assertion(toolKey), LtiTestPlatform.SCOPE_SCORE).body())
                .path("access_token").asString();
        assertThat(postScore(token, score.replace("\"scoreMaximum\":10", "\"scoreMaximum\":0")).statusCode())
                .isEqualTo(400);
        platform.failNextScorePosts(1);
        assertThat(postScore(token, score).statusCode()).isEqualTo(503);
        assertThat(postScore(token, score).statusCode()).isEqualTo(204);

        assertThat(platform.scores()).singleElement().satisfies(s -> {
            assertThat(s.lineItemId()).isEqualTo("li-1");
            assertThat(s.userId()).isEqualTo("u1");
            assertThat(s.scoreGiven()).isEqualTo(7.0);
            assertThat(s.scoreMaximum()).isEqualTo(10.0);
            assertThat(s.gradingProgress()).isEqualTo("FullyGraded");
            assertThat(s.timestamp().toInstant()).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
        });
        assertThat(platform.requests()).contains("POST /lineitems/li-1/scores", "POST /token");
    }

    @Test
    void idTokenVerifiesAgainstThePlatformJwksAndCarriesTheRequiredClaims() throws Exception {
        String idToken = platform.idToken(LtiTestPlatform.LaunchClaims.resourceLink("u1", "rl-1")
                .targetLinkUri(TOOL_LAUNCH).name("Ada").context("c-1", "Physics").nonce("n-1")
                .ags(platform.lineItemUrl("li-1")).nrps());

        JWKSet jwks = JWKSet.parse(get(platform.jwksUrl()).body());
        assertThat(jwks.getKeys()).singleElement().satisfies(k -> assertThat(k.isPrivate()).isFalse());
        SignedJWT jwt = SignedJWT.parse(idToken);
        RSAKey published = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.verify(new RSASSAVerifier(published))).isTrue();

        JWTClaimsSet c = jwt.getJWTClaimsSet();
        assertThat(c.getIssuer()).isEqualTo(platform.issuer());
        assertThat(c.getAudience()).containsExactly("client-1");
        assertThat(c.getStringClaim("azp")).isEqualTo("client-1");
        assertThat(c.getSubject()).isEqualTo("u1");
        assertThat(c.getExpirationTime()).isAfter(new Date());
        assertThat(c.getIssueTime()).isNotNull();
        assertThat(c.getStringClaim("nonce")).isEqualTo("n-1");
        assertThat(c.getStringClaim(LtiTestPlatform.CLAIM_MESSAGE_TYPE)).isEqualTo("LtiResourceLinkRequest");
        assertThat(c.getStringClaim(LtiTestPlatform.CLAIM_VERSION)).isEqualTo("1.3.0");
        assertThat(c.getStringClaim(LtiTestPlatform.CLAIM_DEPLOYMENT_ID)).isEqualTo("deployment-1");
        assertThat(c.getStringClaim(LtiTestPlatform.CLAIM_TARGET_LINK_URI)).isEqualTo(TOOL_LAUNCH);
        assertThat(c.getJSONObjectClaim(LtiTestPlatform.CLAIM_RESOURCE_LINK)).containsEntry("id", "rl-1");
        assertThat(c.getStringListClaim(LtiTestPlatform.CLAIM_ROLES)).containsExactly(LtiTestPlatform.LEARNER);
        assertThat(c.getJSONObjectClaim(LtiTestPlatform.CLAIM_CONTEXT))
                .containsEntry("id", "c-1").containsEntry("label", "c-1").containsEntry("title", "Physics");
        assertThat(c.getJSONObjectClaim(LtiTestPlatform.CLAIM_AGS_ENDPOINT))
                .containsEntry("lineitem", platform.lineItemUrl("li-1"));
        assertThat(c.getJSONObjectClaim(LtiTestPlatform.CLAIM_NRPS))
                .containsEntry("context_memberships_url", platform.membershipsUrl("c-1"));

        String forged = platform.idToken(LtiTestPlatform.LaunchClaims.resourceLink("u1", "rl-1")
                .targetLinkUri(TOOL_LAUNCH).signWithRogueKey());
        SignedJWT rogue = SignedJWT.parse(forged);
        assertThat(rogue.getHeader().getKeyID()).isEqualTo(jwt.getHeader().getKeyID());
        assertThat(rogue.verify(new RSASSAVerifier(published))).isFalse();
    }

    @Test
    void authorizeChecksTheToolsLoginRedirectAndRejectsOneWithoutNonce() {
        platform.loginInitiation("hint-1", TOOL_LAUNCH, "msg-1");
        String query = "scope=openid&response_type=id_token&response_mode=form_post&prompt=none&client_id=client-1"
                + "&redirect_uri=" + TOOL_LAUNCH + "&login_hint=hint-1&lti_message_hint=msg-1&state=s-1";

        assertThatThrownBy(() -> platform.authorize(URI.create(platform.authUrl() + "?" + query)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("'nonce' is missing");

        LtiTestPlatform.LoginRedirect ok = platform.authorize(URI.create(platform.authUrl() + "?" + query
                + "&nonce=n-1"));
        assertThat(ok).isEqualTo(new LtiTestPlatform.LoginRedirect(URI.create(TOOL_LAUNCH), "s-1", "n-1", "hint-1",
                "msg-1"));
        assertThatThrownBy(() -> platform.authorize(URI.create(platform.authUrl() + "?"
                + query.replace("hint-1", "hint-2") + "&nonce=n-1")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("login_hint");
    }

    @Test
    void deepLinkReturnRecordsAResponseSignedByTheToolThatEchoesTheData() throws Exception {
        Map<String, Object> item = Map.of("type", "ltiResourceLink", "title", "Unit 1", "url", TOOL_LAUNCH);
        HttpResponse<String> ok = postForm(platform.deepLinkReturnUrl(),
                Map.of("JWT", deepLinkResponse(LtiTestPlatform.DEEP_LINK_DATA, List.of(item))));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(platform.deepLinkResponses()).singleElement()
                .satisfies(r -> assertThat(r.contentItems()).containsExactly(item));

        HttpResponse<String> lost = postForm(platform.deepLinkReturnUrl(),
                Map.of("JWT", deepLinkResponse("other-data", List.of(item))));
        assertThat(lost.statusCode()).isEqualTo(400);
        assertThat(lost.body()).contains("data");
        assertThat(platform.deepLinkResponses()).hasSize(1);
    }

    @Test
    void membershipsListTheAddedMembersToATokenWithTheNrpsScope() throws Exception {
        platform.addMember("c-1", "u1", "Ada", LtiTestPlatform.LEARNER);
        String token = JSON.readTree(requestToken(assertion(toolKey), LtiTestPlatform.SCOPE_NRPS).body())
                .path("access_token").asString();

        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(platform.membershipsUrl("c-1")))
                .header("Authorization", "Bearer " + token)
                .header("Accept", LtiTestPlatform.MEMBERSHIPS_MEDIA_TYPE).GET().build());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.at("/context/id").asString()).isEqualTo("c-1");
        assertThat(body.at("/members/0/user_id").asString()).isEqualTo("u1");
        assertThat(body.at("/members/0/roles/0").asString()).isEqualTo(LtiTestPlatform.LEARNER);
        assertThat(body.at("/members/0/status").asString()).isEqualTo("Active");
    }

    private String assertion(RSAKey signer) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("client-1").subject("client-1")
                .audience(platform.tokenUrl()).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString()).build();
        return signed(signer, claims);
    }

    private String deepLinkResponse(String data, List<Map<String, Object>> items) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("client-1").audience(platform.issuer())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", UUID.randomUUID().toString())
                .claim(LtiTestPlatform.CLAIM_MESSAGE_TYPE, LtiTestPlatform.DEEP_LINKING_RESPONSE)
                .claim(LtiTestPlatform.CLAIM_VERSION, "1.3.0")
                .claim(LtiTestPlatform.CLAIM_DEPLOYMENT_ID, "deployment-1")
                .claim(LtiTestPlatform.CLAIM_DL_DATA, data)
                .claim(LtiTestPlatform.CLAIM_DL_CONTENT_ITEMS, items).build();
        return signed(toolKey, claims);
    }

    private static String signed(RSAKey signer, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    private HttpResponse<String> requestToken(String clientAssertion, String scope) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", clientAssertion);
        form.put("scope", scope);
        return postForm(platform.tokenUrl(), form);
    }

    private HttpResponse<String> postScore(String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(platform.lineItemUrl("li-1") + "/scores"))
                .header("Content-Type", LtiTestPlatform.SCORE_MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    private static HttpResponse<String> postForm(String url, Map<String, String> form) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(LtiTestPlatform.form(form))).build());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

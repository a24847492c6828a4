package org.markpoint.progress.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake LMS: the platform side of LTI 1.3 Advantage on the JDK's HTTP server, for driving the tool in tests.
 *
 * <p>It signs id_tokens ({@link #idToken}) with its own RS256 key, published at {@link #jwksUrl()}, or with a rogue
 * key carrying the same kid (a forgery the tool must refuse). The key pairs are made once per JVM; each instance has
 * its own kid. {@link #authorize} plays the browser's visit to the platform's OIDC auth endpoint. Over HTTP it
 * serves:
 * <ul>
 *   <li>{@code GET /jwks}: the platform public key (never the rogue one);</li>
 *   <li>{@code POST /token}: OAuth 2 client credentials with a JWT client assertion, checked against the tool's
 *       JWKS at {@link #toolJwksUrl(String)};</li>
 *   <li>{@code POST /lineitems/{id}/scores}: AGS scores, recorded in {@link #scores()};</li>
 *   <li>{@code GET /memberships/{contextId}}: NRPS, from {@link #addMember};</li>
 *   <li>{@code POST /deep-link-return}: the tool's signed LtiDeepLinkingResponse, recorded in
 *       {@link #deepLinkResponses()}.</li>
 * </ul>
 * Errors answer {@code {"error", "error_description"}} (token endpoint, as OAuth 2 says) or
 * {@code {"title", "detail"}} (the service endpoints) with a 4xx; every request is logged in {@link #requests()}.
 */
public final class LtiTestPlatform implements AutoCloseable {

    public static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    public static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

    public static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
    public static final String DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";
    public static final String DEEP_LINKING_RESPONSE = "LtiDeepLinkingResponse";

    public static final String SCOPE_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    public static final String SCOPE_LINEITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    public static final String SCOPE_RESULT_READONLY = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";
    public static final String SCOPE_NRPS =
            "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    public static final String CLAIM_MESSAGE_TYPE = LTI + "message_type";
    public static final String CLAIM_VERSION = LTI + "version";
    public static final String CLAIM_DEPLOYMENT_ID = LTI + "deployment_id";
    public static final String CLAIM_TARGET_LINK_URI = LTI + "target_link_uri";
    public static final String CLAIM_RESOURCE_LINK = LTI + "resource_link";
    public static final String CLAIM_ROLES = LTI + "roles";
    public static final String CLAIM_CONTEXT = LTI + "context";
    public static final String CLAIM_CUSTOM = LTI + "custom";
    public static final String CLAIM_AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    public static final String CLAIM_NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    public static final String CLAIM_DL_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
    public static final String CLAIM_DL_CONTENT_ITEMS = "https://purl.imsglobal.org/spec/lti-dl/claim/content_items";
    public static final String CLAIM_DL_DATA = "https://purl.imsglobal.org/spec/lti-dl/claim/data";

    /** The opaque {@code data} sent in deep_linking_settings; the tool must echo it back. */
    public static final String DEEP_LINK_DATA = "opaque-dl-data";

    public static final String SCORE_MEDIA_TYPE = "application/vnd.ims.lis.v1.score+json";
    public static final String MEMBERSHIPS_MEDIA_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final Set<String> KNOWN_SCOPES = Set.of(SCOPE_SCORE, SCOPE_LINEITEM, SCOPE_RESULT_READONLY,
            SCOPE_NRPS);
    private static final Set<String> ACTIVITY_PROGRESS = Set.of("Initialized", "Started", "InProgress", "Submitted",
            "Completed");
    private static final Set<String> GRADING_PROGRESS = Set.of("FullyGraded", "Pending", "PendingManual", "Failed",
            "NotReady");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the platform's auth endpoint received from the tool's login redirect; see {@link #authorize}. */
    public record LoginRedirect(URI redirectUri, String state, String nonce, String loginHint, String ltiMessageHint) {

        /** The form body a browser would POST to {@link #redirectUri()}: {@code id_token} and {@code state}. */
        public String launchForm(String idToken) {
            return form(Map.of("id_token", idToken, "state", state));
        }
    }

    /** An access token granted at {@code /token}. */
    public record GrantedToken(String accessToken, Set<String> scopes, Instant expiresAt) {
    }

    /** A score accepted at {@code POST /lineitems/{lineItemId}/scores}. */
    public record Score(String lineItemId, String userId, double scoreGiven, double scoreMaximum,
            String activityProgress, String gradingProgress, OffsetDateTime timestamp) {
    }

    /** An accepted LtiDeepLinkingResponse: its verified claims and the content items it carried. */
    public record DeepLinkResponse(JWTClaimsSet claims, List<Map<String, Object>> contentItems) {
    }

    /** A member of a context, as NRPS lists it. */
    public record Member(String userId, String name, List<String> roles) {
    }

    private final String clientId;
    private final String deploymentId;
    private final RSAKey key;
    private final RSAKey rogueKey;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile String toolJwksUrl;

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final Map<String, GrantedToken> tokens = new ConcurrentHashMap<>();
    private final Set<String> seenJtis = ConcurrentHashMap.newKeySet();
    private final List<Score> scores = new CopyOnWriteArrayList<>();
    private final AtomicInteger failScorePosts = new AtomicInteger();
    private final Map<String, List<Member>> members = new ConcurrentHashMap<>();
    private final Map<String, String> contextTitles = new ConcurrentHashMap<>();
    private final List<DeepLinkResponse> deepLinkResponses = new CopyOnWriteArrayList<>();
    private final Set<String> loginHints = ConcurrentHashMap.newKeySet();

    public LtiTestPlatform(String clientId, String deploymentId) {
        this.clientId = clientId;
        this.deploymentId = deploymentId;
        String kid = "platform-" + UUID.randomUUID();
        this.key = new RSAKey.Builder(Keys.PLATFORM).keyID(kid).build();
        this.rogueKey = new RSAKey.Builder(Keys.ROGUE).keyID(kid).build();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    // ---- addresses -------------------------------------------------------------------------------------------

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The platform issuer ({@code iss} of its id_tokens, {@code aud} of deep-linking responses): {@link #url()}. */
    public String issuer() {
        return url();
    }

    public String clientId() {
        return clientId;
    }

    public String deploymentId() {
        return deploymentId;
    }

    public String jwksUrl() {
        return url() + "/jwks";
    }

    public String authUrl() {
        return url() + "/auth";
    }

    public String tokenUrl() {
        return url() + "/token";
    }

    public String lineItemUrl(String lineItemId) {
        return url() + "/lineitems/" + lineItemId;
    }

    public String membershipsUrl(String contextId) {
        return url() + "/memberships/" + contextId;
    }

    public String deepLinkReturnUrl() {
        return url() + "/deep-link-return";
    }

    /** The registration JSON for the tool's admin API ({@code POST /api/v1/admin/lti/registrations}). */
    public String registrationJson(String name) {
        ObjectNode body = JSON.createObjectNode();
        body.put("issuer", issuer());
        body.put("clientId", clientId);
        body.putArray("deploymentIds").add(deploymentId);
        body.put("authLoginUrl", authUrl());
        body.put("tokenUrl", tokenUrl());
        body.put("jwksUrl", jwksUrl());
        body.put("name", name);
        return JSON.writeValueAsString(body);
    }

    /** Where to fetch the TOOL's JWKS, to verify its client assertions and deep-linking responses. */
    public void toolJwksUrl(String url) {
        this.toolJwksUrl = url;
    }

    // ---- the browser leg -------------------------------------------------------------------------------------

    /**
     * The form parameters of a third-party login initiation, to send to the tool's {@code /lti/login}: iss,
     * login_hint, target_link_uri, client_id, lti_deployment_id and (if not null) lti_message_hint. The login_hint
     * is remembered, so {@link #authorize} then insists the tool echoes one it was given.
     */
    public Map<String, String> loginInitiation(String loginHint, String targetLinkUri, String ltiMessageHint) {
        loginHints.add(loginHint);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("iss", issuer());
        params.put("login_hint", loginHint);
        params.put("target_link_uri", targetLinkUri);
        params.put("client_id", clientId);
        params.put("lti_deployment_id", deploymentId);
        if (ltiMessageHint != null) {
            params.put("lti_message_hint", ltiMessageHint);
        }
        return params;
    }

    /**
     * Plays the browser arriving at the platform's auth endpoint: given the Location of the tool's login redirect,
     * checks the OIDC authentication request (it points at {@link #authUrl()}; scope=openid, response_type=id_token,
     * response_mode=form_post, prompt=none, client_id is ours, redirect_uri, state, nonce and login_hint present, the
     * login_hint one from {@link #loginInitiation} if that was used) and returns what a test needs to build the
     * id_token (with {@link LaunchClaims#nonce}) and POST it with the state to the redirect_uri.
     *
     * @throws AssertionError naming the first parameter that is missing or wrong
     */
    public LoginRedirect authorize(URI toolRedirect) {
        String target = toolRedirect.getScheme() + "://" + toolRedirect.getRawAuthority() + toolRedirect.getRawPath();
        if (!target.equals(authUrl())) {
            throw new AssertionError("login redirect goes to " + target + ", not the platform auth URL " + authUrl());
        }
        Map<String, String> q = parseForm(toolRedirect.getRawQuery());
        expectParam(q, "scope", "openid");
        expectParam(q, "response_type", "id_token");
        expectParam(q, "response_mode", "form_post");
        expectParam(q, "prompt", "none");
        expectParam(q, "client_id", clientId);
        String redirectUri = requireParam(q, "redirect_uri");
        String state = requireParam(q, "state");
        String nonce = requireParam(q, "nonce");
        String loginHint = requireParam(q, "login_hint");
        if (!loginHints.isEmpty() && !loginHints.contains(loginHint)) {
            throw new AssertionError("login redirect: login_hint '" + loginHint + "' is not one the platform sent "
                    + loginHints);
        }
        URI redirect;
        try {
            redirect = URI.create(redirectUri);
        } catch (IllegalArgumentException e) {
            throw new AssertionError("login redirect: redirect_uri '" + redirectUri + "' is not a URI", e);
        }
        return new LoginRedirect(redirect, state, nonce, loginHint, q.get("lti_message_hint"));
    }

    private static String requireParam(Map<String, String> q, String name) {
        String value = q.get(name);
        if (value == null || value.isBlank()) {
            throw new AssertionError("login redirect: required parameter '" + name + "' is missing; got " + q.keySet());
        }
        return value;
    }

    private static void expectParam(Map<String, String> q, String name, String expected) {
        String value = requireParam(q, name);
        if (!value.equals(expected)) {
            throw new AssertionError("login redirect: '" + name + "' is '" + value + "', expected '" + expected + "'");
        }
    }

    // ---- id_tokens -------------------------------------------------------------------------------------------

    /**
     * What goes into one id_token. Start from {@link #resourceLink} or {@link #deepLinking}; unset parts take the
     * platform's values (issuer, client id as aud/azp, deployment id) or the defaults noted on each setter.
     */
    public static final class LaunchClaims {
        private String messageType;
        private final String sub;
        private String name;
        private String email;
        private List<String> roles;
        private String contextId = "context-1";
        private String contextTitle = "Context 1";
        private String resourceLinkId;
        private String resourceLinkTitle;
        private String targetLinkUri;
        private final Map<String, String> custom = new LinkedHashMap<>();
        private String deploymentId;
        private List<String> audience;
        private String issuer;
        private Instant expiresAt;
        private String nonce = UUID.randomUUID().toString();
        private boolean rogue;
        private String agsLineItemUrl;
        private List<String> agsScopes;
        private boolean nrps;
        private final Set<String> omitted = new HashSet<>();

        private LaunchClaims(String messageType, String sub, List<String> roles) {
            this.messageType = messageType;
            this.sub = sub;
            this.roles = roles;
        }

        /** An LtiResourceLinkRequest for user {@code sub} (a Learner unless {@link #roles} says otherwise). */
        public static LaunchClaims resourceLink(String sub, String resourceLinkId) {
            LaunchClaims c = new LaunchClaims(RESOURCE_LINK_REQUEST, sub, List.of(LEARNER));
            c.resourceLinkId = resourceLinkId;
            c.resourceLinkTitle = "Resource " + resourceLinkId;
            return c;
        }

        /** An LtiDeepLinkingRequest for user {@code sub} (an Instructor unless {@link #roles} says otherwise). */
        public static LaunchClaims deepLinking(String sub) {
            return new LaunchClaims(DEEP_LINKING_REQUEST, sub, List.of(INSTRUCTOR));
        }

        /** Any message_type, e.g. one the tool does not support. */
        public LaunchClaims messageType(String type) {
            this.messageType = type;
            return this;
        }

        public LaunchClaims name(String name) {
            this.name = name;
            return this;
        }

        public LaunchClaims email(String email) {
            this.email = email;
            return this;
        }

        /** LTI role URIs, e.g. {@link LtiTestPlatform#INSTRUCTOR}. */
        public LaunchClaims roles(String... roles) {
            this.roles = List.of(roles);
            return this;
        }

        /** The context (course); default {@code context-1} / "Context 1". The label is the id. */
        public LaunchClaims context(String id, String title) {
            this.contextId = id;
            this.contextTitle = title;
            return this;
        }

        public LaunchClaims resourceLinkTitle(String title) {
            this.resourceLinkTitle = title;
            return this;
        }

        /** Required: the tool URL the launch is for (the target_link_uri of the login initiation). */
        public LaunchClaims targetLinkUri(String uri) {
            this.targetLinkUri = uri;
            return this;
        }

        public LaunchClaims custom(String key, String value) {
            custom.put(key, value);
            return this;
        }

        /** Overrides the platform's deployment id. */
        public LaunchClaims deploymentId(String id) {
            this.deploymentId = id;
            return this;
        }

        /** Overrides aud (default: the client id); azp stays the client id. */
        public LaunchClaims audience(String... audience) {
            this.audience = List.of(audience);
            return this;
        }

        /** Overrides iss (default: the platform issuer). */
        public LaunchClaims issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** Overrides exp (default: five minutes from signing). */
        public LaunchClaims expiresAt(Instant exp) {
            this.expiresAt = exp;
            return this;
        }

        /** The nonce; default a random one. Use {@link LoginRedirect#nonce()} for a launch that should pass. */
        public LaunchClaims nonce(String nonce) {
            this.nonce = nonce;
            return this;
        }

        /** Sign with the rogue key: same kid and alg as the platform key, so only the signature check catches it. */
        public LaunchClaims signWithRogueKey() {
            this.rogue = true;
            return this;
        }

        /**
         * Adds the AGS endpoint claim for one line item (e.g. {@link LtiTestPlatform#lineItemUrl}); scopes default to
         * score, lineitem and result.readonly.
         */
        public LaunchClaims ags(String lineItemUrl, String... scopes) {
            this.agsLineItemUrl = lineItemUrl;
            this.agsScopes = scopes.length == 0 ? List.of(SCOPE_SCORE, SCOPE_LINEITEM, SCOPE_RESULT_READONLY)
                    : List.of(scopes);
            return this;
        }

        /** Adds the NRPS claim: context_memberships_url of this launch's context, service_versions ["2.0"]. */
        public LaunchClaims nrps() {
            this.nrps = true;
            return this;
        }

        /** Leaves out a claim (full name, e.g. {@link LtiTestPlatform#CLAIM_DEPLOYMENT_ID} or "nonce"). */
        public LaunchClaims omit(String claim) {
            omitted.add(claim);
            return this;
        }

        public String nonce() {
            return nonce;
        }

        public String contextId() {
            return contextId;
        }
    }

    /** The id_token for these claims, signed RS256 with the platform key (or the rogue one), kid in the header. */
    public String idToken(LaunchClaims c) {
        if (c.targetLinkUri == null) {
            throw new IllegalStateException("LaunchClaims: targetLinkUri is required (the tool URL launched)");
        }
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", c.issuer != null ? c.issuer : issuer());
        claims.put("aud", c.audience != null ? c.audience : List.of(clientId));
        claims.put("azp", clientId);
        claims.put("sub", c.sub);
        claims.put("exp", (c.expiresAt != null ? c.expiresAt : now.plusSeconds(300)).getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        claims.put("nonce", c.nonce);
        if (c.name != null) {
            claims.put("name", c.name);
        }
        if (c.email != null) {
            claims.put("email", c.email);
        }
        claims.put(CLAIM_MESSAGE_TYPE, c.messageType);
        claims.put(CLAIM_VERSION, "1.3.0");
        claims.put(CLAIM_DEPLOYMENT_ID, c.deploymentId != null ? c.deploymentId : deploymentId);
        claims.put(CLAIM_TARGET_LINK_URI, c.targetLinkUri);
        if (RESOURCE_LINK_REQUEST.equals(c.messageType)) {
            claims.put(CLAIM_RESOURCE_LINK, Map.of("id", c.resourceLinkId, "title", c.resourceLinkTitle));
        }
        claims.put(CLAIM_ROLES, c.roles);
        claims.put(CLAIM_CONTEXT, Map.of("id", c.contextId, "label", c.contextId, "title", c.contextTitle));
        contextTitles.put(c.contextId, c.contextTitle);
        if (!c.custom.isEmpty()) {
            claims.put(CLAIM_CUSTOM, new LinkedHashMap<>(c.custom));
        }
        if (c.agsLineItemUrl != null) {
            claims.put(CLAIM_AGS_ENDPOINT, Map.of("scope", c.agsScopes, "lineitem", c.agsLineItemUrl));
        }
        if (c.nrps) {
            claims.put(CLAIM_NRPS, Map.of("context_memberships_url", membershipsUrl(c.contextId),
                    "service_versions", List.of("2.0")));
        }
        if (DEEP_LINKING_REQUEST.equals(c.messageType)) {
            claims.put(CLAIM_DL_SETTINGS, Map.of("deep_link_return_url", deepLinkReturnUrl(),
                    "accept_types", List.of("ltiResourceLink"),
                    "accept_presentation_document_targets", List.of("iframe", "window"),
                    "data", DEEP_LINK_DATA));
        }
        claims.keySet().removeAll(c.omitted);
        try {
            return sign(JWTClaimsSet.parse(claims), c.rogue ? rogueKey : key);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWTClaimsSet claims, RSAKey signingKey) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    // ---- state for tests -------------------------------------------------------------------------------------

    /** Adds a member to a context's NRPS roster. */
    public void addMember(String contextId, String userId, String name, String... roles) {
        members.computeIfAbsent(contextId, k -> new CopyOnWriteArrayList<>())
                .add(new Member(userId, name, List.of(roles)));
    }

    /** Every request so far as "METHOD path" (path without query), oldest first. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Requests to {@code /token}, good or bad. */
    public int tokenRequests() {
        return tokenRequests.get();
    }

    public List<GrantedToken> grantedTokens() {
        return List.copyOf(tokens.values());
    }

    /** Makes every token granted so far expired, so the next service call with one answers 401. */
    public void expireAllTokens() {
        Instant past = Instant.now().minusSeconds(1);
        tokens.replaceAll((t, g) -> new GrantedToken(t, g.scopes(), past));
    }

    public List<Score> scores() {
        return List.copyOf(scores);
    }

    /** The next {@code n} score posts answer 503 (before any other check), to test the tool's retries. */
    public void failNextScorePosts(int n) {
        failScorePosts.set(n);
    }

    public List<DeepLinkResponse> deepLinkResponses() {
        return List.copyOf(deepLinkResponses);
    }

    @Override
    public void close() {
        server.stop(0);
        http.close();
    }

    // ---- HTTP ------------------------------------------------------------------------------------------------

    /** A 4xx/5xx answer decided while handling a request. */
    private static final class Reject extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String error;

        Reject(int status, String error, String detail) {
            super(detail, null, false, false);
            this.status = status;
            this.error = error;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            requests.add(method + " " + path);
            try {
                route(exchange, method, path);
            } catch (Reject r) {
                if (path.equals("/token")) {
                    ObjectNode body = JSON.createObjectNode();
                    body.put("error", r.error);
                    body.put("error_description", r.getMessage());
                    reply(exchange, r.status, "application/json", JSON.writeValueAsString(body));
                } else if (path.equals("/deep-link-return")) {
                    reply(exchange, r.status, "text/plain", r.getMessage());
                } else {
                    ObjectNode body = JSON.createObjectNode();
                    body.put("title", r.error);
                    body.put("status", r.status);
                    body.put("detail", r.getMessage());
                    reply(exchange, r.status, "application/problem+json", JSON.writeValueAsString(body));
                }
            } catch (RuntimeException e) {
                reply(exchange, 500, "text/plain", "LtiTestPlatform failed: " + e);
            }
        }
    }

    private void route(HttpExchange exchange, String method, String path) throws IOException, Reject {
        String[] parts = path.split("/");
        if (path.equals("/jwks")) {
            requireMethod(method, "GET");
            reply(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString(true));
        } else if (path.equals("/token")) {
            tokenRequests.incrementAndGet();
            requireMethod(method, "POST");
            reply(exchange, 200, "application/json", token(exchange));
        } else if (parts.length == 4 && parts[1].equals("lineitems") && parts[3].equals("scores")) {
            requireMethod(method, "POST");
            score(exchange, decode(parts[2]));
            exchange.sendResponseHeaders(204, -1);
        } else if (parts.length == 3 && parts[1].equals("memberships")) {
            requireMethod(method, "GET");
            reply(exchange, 200, MEMBERSHIPS_MEDIA_TYPE, memberships(exchange, decode(parts[2])));
        } else if (path.equals("/deep-link-return")) {
            requireMethod(method, "POST");
            deepLinkReturn(exchange);
            reply(exchange, 200, "text/plain", "ok");
        } else {
            throw new Reject(404, "Not Found", "no such platform endpoint: " + path);
        }
    }

    private static void requireMethod(String method, String expected) throws Reject {
        if (!method.equals(expected)) {
            throw new Reject(405, "invalid_request", "method " + method + " not allowed; use " + expected);
        }
    }

    // /token
    private String token(HttpExchange exchange) throws IOException, Reject {
        Map<String, String> form = readForm(exchange, "invalid_request");
        if (!"client_credentials".equals(form.get("grant_type"))) {
            throw new Reject(400, "unsupported_grant_type", "grant_type must be client_credentials, was "
                    + form.get("grant_type"));
        }
        if (!JWT_BEARER.equals(form.get("client_assertion_type"))) {
            throw new Reject(401, "invalid_client", "client_assertion_type must be " + JWT_BEARER + ", was "
                    + form.get("client_assertion_type"));
        }
        String assertion = form.get("client_assertion");
        if (assertion == null || assertion.isBlank()) {
            throw new Reject(401, "invalid_client", "client_assertion is missing");
        }
        JWTClaimsSet claims = verifyToolJwt(assertion, 401, "invalid_client");
        if (!clientId.equals(claims.getIssuer()) || !clientId.equals(claims.getSubject())) {
            throw new Reject(401, "invalid_client", "client_assertion iss and sub must both be the client id "
                    + clientId + ", were " + claims.getIssuer() + " and " + claims.getSubject());
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(tokenUrl())) {
            throw new Reject(401, "invalid_client", "client_assertion aud " + claims.getAudience()
                    + " does not contain the token URL " + tokenUrl());
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank()) {
            throw new Reject(401, "invalid_client", "client_assertion has no jti");
        }
        if (!seenJtis.add(jti)) {
            throw new Reject(400, "invalid_grant", "client_assertion jti " + jti + " was already used");
        }
        Set<String> scopes = new LinkedHashSet<>();
        String scope = form.getOrDefault("scope", "").trim();
        if (!scope.isEmpty()) {
            scopes.addAll(Arrays.asList(scope.split("\\s+")));
        }
        Set<String> unknown = new LinkedHashSet<>(scopes);
        unknown.removeAll(KNOWN_SCOPES);
        if (scopes.isEmpty() || !unknown.isEmpty()) {
            throw new Reject(400, "invalid_scope", scopes.isEmpty() ? "scope is missing"
                    : "unknown scope(s) " + unknown);
        }
        String accessToken = UUID.randomUUID().toString();
        tokens.put(accessToken, new GrantedToken(accessToken, Set.copyOf(scopes), Instant.now().plusSeconds(3600)));
        ObjectNode body = JSON.createObjectNode();
        body.put("access_token", accessToken);
        body.put("token_type", "Bearer");
        body.put("expires_in", 3600);
        body.put("scope", String.join(" ", scopes));
        return JSON.writeValueAsString(body);
    }

    // POST /lineitems/{id}/scores
    private void score(HttpExchange exchange, String lineItemId) throws IOException, Reject {
        if (failScorePosts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new Reject(503, "Service Unavailable", "score post failed on purpose (failNextScorePosts)");
        }
        requireBearer(exchange, SCOPE_SCORE);
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase().startsWith(SCORE_MEDIA_TYPE)) {
            throw new Reject(415, "Unsupported Media Type", "Content-Type must be " + SCORE_MEDIA_TYPE + ", was "
                    + type);
        }
        JsonNode body;
        try {
            body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        } catch (JacksonException e) {
            throw new Reject(400, "Bad Request", "body is not JSON: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw new Reject(400, "Bad Request", "body must be a JSON object");
        }
        String userId = requireText(body, "userId");
        double given = requireNumber(body, "scoreGiven");
        double maximum = requireNumber(body, "scoreMaximum");
        if (given < 0) {
            throw new Reject(400, "Bad Request", "scoreGiven must be 0 or more, was " + given);
        }
        if (maximum <= 0) {
            throw new Reject(400, "Bad Request", "scoreMaximum must be more than 0, was " + maximum);
        }
        String activity = requireText(body, "activityProgress");
        if (!ACTIVITY_PROGRESS.contains(activity)) {
            throw new Reject(400, "Bad Request", "activityProgress '" + activity + "' is not one of "
                    + ACTIVITY_PROGRESS);
        }
        String grading = requireText(body, "gradingProgress");
        if (!GRADING_PROGRESS.contains(grading)) {
            throw new Reject(400, "Bad Request", "gradingProgress '" + grading + "' is not one of "
                    + GRADING_PROGRESS);
        }
        String timestamp = requireText(body, "timestamp");
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw new Reject(400, "Bad Request", "timestamp '" + timestamp
                    + "' is not an ISO-8601 date-time with an offset");
        }
        scores.add(new Score(lineItemId, userId, given, maximum, activity, grading, at));
    }

    private static String requireText(JsonNode body, String field) throws Reject {
        JsonNode node = body.get(field);
        if (node == null || !node.isString() || node.asString().isBlank()) {
            throw new Reject(400, "Bad Request", field + " is required (a non-blank string)");
        }
        return node.asString();
    }

    private static double requireNumber(JsonNode body, String field) throws Reject {
        JsonNode node = body.get(field);
        if (node == null || !node.isNumber()) {
            throw new Reject(400, "Bad Request", field + " is required (a number)");
        }
        return node.doubleValue();
    }

    // GET /memberships/{contextId}
    private String memberships(HttpExchange exchange, String contextId) throws Reject {
        requireBearer(exchange, SCOPE_NRPS);
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (accept == null || !accept.toLowerCase().contains(MEMBERSHIPS_MEDIA_TYPE)) {
            throw new Reject(406, "Not Acceptable", "Accept must include " + MEMBERSHIPS_MEDIA_TYPE + ", was "
                    + accept);
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("id", membershipsUrl(contextId));
        ObjectNode context = body.putObject("context");
        context.put("id", contextId);
        context.put("label", contextId);
        context.put("title", contextTitles.getOrDefault(contextId, contextId));
        ArrayNode list = body.putArray("members");
        for (Member m : members.getOrDefault(contextId, List.of())) {
            ObjectNode member = list.addObject();
            member.put("user_id", m.userId());
            member.put("name", m.name());
            member.put("status", "Active");
            ArrayNode roles = member.putArray("roles");
            m.roles().forEach(roles::add);
        }
        return JSON.writeValueAsString(body);
    }

    private void requireBearer(HttpExchange exchange, String scope) throws Reject {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Reject(401, "Unauthorized", "Authorization: Bearer <access token> is required");
        }
        GrantedToken token = tokens.get(auth.substring(7).trim());
        if (token == null || !token.expiresAt().isAfter(Instant.now())) {
            throw new Reject(401, "Unauthorized", token == null ? "unknown access token" : "access token expired");
        }
        if (!token.scopes().contains(scope)) {
            throw new Reject(403, "Forbidden", "access token lacks scope " + scope + "; has " + token.scopes());
        }
    }

    // POST /deep-link-return
    private void deepLinkReturn(HttpExchange exchange) throws IOException, Reject {
        String jwt = readForm(exchange, "Bad Request").get("JWT");
        if (jwt == null || jwt.isBlank()) {
            throw new Reject(400, "Bad Request", "form field JWT is missing");
        }
        JWTClaimsSet claims = verifyToolJwt(jwt, 400, "Bad Request");
        expectClaim(claims.getIssuer(), clientId, "iss");
        if (claims.getAudience() == null || !claims.getAudience().contains(issuer())) {
            throw new Reject(400, "Bad Request", "aud " + claims.getAudience() + " must be the platform issuer "
                    + issuer());
        }
        Map<String, Object> all = claims.getClaims();
        if (!(all.get("nonce") instanceof String nonce) || nonce.isBlank()) {
            throw new Reject(400, "Bad Request", "nonce is missing");
        }
        expectClaim(all.get(CLAIM_MESSAGE_TYPE), DEEP_LINKING_RESPONSE, CLAIM_MESSAGE_TYPE);
        expectClaim(all.get(CLAIM_VERSION), "1.3.0", CLAIM_VERSION);
        expectClaim(all.get(CLAIM_DEPLOYMENT_ID), deploymentId, CLAIM_DEPLOYMENT_ID);
        expectClaim(all.get(CLAIM_DL_DATA), DEEP_LINK_DATA, CLAIM_DL_DATA);
        if (!(all.get(CLAIM_DL_CONTENT_ITEMS) instanceof List<?> items)) {
            throw new Reject(400, "Bad Request", CLAIM_DL_CONTENT_ITEMS + " must be a list");
        }
        List<Map<String, Object>> contentItems = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new Reject(400, "Bad Request", CLAIM_DL_CONTENT_ITEMS + " holds a non-object: " + item);
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), v));
            contentItems.add(Collections.unmodifiableMap(copy));
        }
        deepLinkResponses.add(new DeepLinkResponse(claims, List.copyOf(contentItems)));
    }

    private static void expectClaim(Object actual, String expected, String name) throws Reject {
        if (!expected.equals(actual)) {
            throw new Reject(400, "Bad Request", name + " must be '" + expected + "', was " + actual);
        }
    }

    /** Verifies a JWT signed by the tool (RS256, kid found in the tool's JWKS, not expired) and returns its claims. */
    private JWTClaimsSet verifyToolJwt(String jwt, int status, String error) throws Reject {
        if (toolJwksUrl == null) {
            throw new Reject(status, error, "the platform has no tool JWKS URL (call toolJwksUrl first)");
        }
        SignedJWT signed;
        JWTClaimsSet claims;
        try {
            signed = SignedJWT.parse(jwt);
            claims = signed.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Reject(status, error, "not a signed JWT: " + e.getMessage());
        }
        if (!JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
            throw new Reject(status, error, "alg must be RS256, was " + signed.getHeader().getAlgorithm());
        }
        String kid = signed.getHeader().getKeyID();
        if (kid == null) {
            throw new Reject(status, error, "JWT header has no kid");
        }
        JWK jwk = toolJwks(status, error).getKeyByKeyId(kid);
        if (!(jwk instanceof RSAKey rsa)) {
            throw new Reject(status, error, "kid " + kid + " is not an RSA key in the tool JWKS at " + toolJwksUrl);
        }
        try {
            if (!signed.verify(new RSASSAVerifier(rsa.toRSAPublicKey()))) {
                throw new Reject(status, error, "signature does not verify with tool key " + kid);
            }
        } catch (JOSEException e) {
            throw new Reject(status, error, "signature check failed: " + e.getMessage());
        }
        if (claims.getExpirationTime() == null || !claims.getExpirationTime().toInstant().isAfter(Instant.now())) {
            throw new Reject(status, error, "exp is missing or past: " + claims.getExpirationTime());
        }
        if (claims.getIssueTime() == null) {
            throw new Reject(status, error, "iat is missing");
        }
        return claims;
    }

    private JWKSet toolJwks(int status, String error) throws Reject {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(toolJwksUrl))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new Reject(status, error, "tool JWKS at " + toolJwksUrl + " answered " + response.statusCode());
            }
            return JWKSet.parse(response.body());
        } catch (IOException | ParseException e) {
            throw new Reject(status, error, "cannot read the tool JWKS at " + toolJwksUrl + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Reject(status, error, "interrupted fetching the tool JWKS");
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static Map<String, String> readForm(HttpExchange exchange, String error) throws IOException, Reject {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            throw new Reject(400, error, "Content-Type must be application/x-www-form-urlencoded, was " + type);
        }
        return parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Decodes {@code a=1&b=2} (a query string or a form body); the first value of a repeated name wins. */
    static Map<String, String> parseForm(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
        return params;
    }

    /** Encodes a form body ({@code application/x-www-form-urlencoded}). */
    public static String form(Map<String, String> params) {
        StringBuilder body = new StringBuilder();
        params.forEach((name, value) -> {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return body.toString();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /**
     * The RSA 2048 key pairs, made once per JVM (a pair takes about a second on a busy CI box); each platform gives
     * them its own kid, so a token from one platform never finds its key in another's JWKS.
     */
    private static final class Keys {
        static final RSAKey PLATFORM = newKey();
        static final RSAKey ROGUE = newKey();

        private static RSAKey newKey() {
            try {
                return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}

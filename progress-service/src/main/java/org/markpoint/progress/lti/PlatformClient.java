package org.markpoint.progress.lti;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Markpoint calling a platform's LTI Advantage services: an access token by the client-credentials grant with a
 * signed JWT assertion (cached until a minute before it expires), AGS score posts, and NRPS membership pages.
 * Failures throw {@link PlatformException} with what the platform said; callers retry.
 */
@Component
class PlatformClient {

    static final String SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    static final String MEMBERSHIP_SCOPE =
            "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_PAGES = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final class PlatformException extends RuntimeException {
        PlatformException(String message) {
            super(message);
        }
    }

    /** One score for AGS, in marks ({@code scoreMaximum} > 0). */
    record Score(String userId, double scoreGiven, double scoreMaximum, Instant timestamp) {
    }

    /** One course member from NRPS. */
    record Member(String userId, String name, List<String> roles, String status) {
    }

    private record CachedToken(String token, Instant until) {
    }

    private final SessionTokens signer;
    private final UrlPolicy urls;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

    PlatformClient(SessionTokens signer, UrlPolicy urls, Clock clock) {
        this.signer = signer;
        this.urls = urls;
        this.clock = clock;
    }

    void postScore(LtiRegistration reg, String lineItemUrl, Score score) {
        String body = JSON.createObjectNode().put("userId", score.userId()).put("scoreGiven", score.scoreGiven())
                .put("scoreMaximum", score.scoreMaximum()).put("activityProgress", "Completed")
                .put("gradingProgress", "FullyGraded").put("timestamp", score.timestamp().toString()).toString();
        HttpRequest request = HttpRequest.newBuilder(checked(() -> scoresUrl(lineItemUrl), lineItemUrl)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token(reg, SCORE_SCOPE))
                .header("Content-Type", "application/vnd.ims.lis.v1.score+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            if (response.statusCode() == 401) {
                tokens.remove(reg.id() + " " + SCORE_SCOPE);
            }
            throw new PlatformException("the platform answered " + response.statusCode() + " to the score post: "
                    + abbreviate(response.body()));
        }
    }

    /** Every member of the course, following NRPS {@code Link: rel="next"} pages (at most {@link #MAX_PAGES}). */
    List<Member> members(LtiRegistration reg, String membershipsUrl) {
        List<Member> members = new ArrayList<>();
        String next = membershipsUrl;
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            String url = next;
            HttpResponse<String> response = send(HttpRequest.newBuilder(checked(() -> URI.create(url), url))
                    .timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + token(reg, MEMBERSHIP_SCOPE))
                    .header("Accept", "application/vnd.ims.lti-nrps.v2.membershipcontainer+json").GET().build());
            if (response.statusCode() != 200) {
                throw new PlatformException("the platform answered " + response.statusCode()
                        + " to the membership request: " + abbreviate(response.body()));
            }
            for (JsonNode m : json(response.body(), "membership").path("members")) {
                List<String> roles = new ArrayList<>();
                m.path("roles").forEach(r -> roles.add(r.asString()));
                members.add(new Member(m.path("user_id").asString(""), m.path("name").asString(""), roles,
                        m.path("status").asString("Active")));
            }
            next = nextLink(response).orElse(null);
            if (next != null && page == MAX_PAGES - 1) {
                throw new PlatformException("the course has more than " + MAX_PAGES + " membership pages: the roster "
                        + "was left as it was rather than cut short");
            }
        }
        return members;
    }

    private String token(LtiRegistration reg, String scope) {
        String cacheKey = reg.id() + " " + scope;
        CachedToken cached = tokens.get(cacheKey);
        Instant now = clock.instant();
        if (cached != null && cached.until().isAfter(now)) {
            return cached.token();
        }
        Map<String, Object> assertion = new LinkedHashMap<>();
        assertion.put("iss", reg.clientId());
        assertion.put("sub", reg.clientId());
        assertion.put("aud", reg.tokenUrl());
        assertion.put("iat", Date.from(now));
        assertion.put("exp", Date.from(now.plus(Duration.ofMinutes(5))));
        assertion.put("jti", LaunchStates.random());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", signer.toPlatform(reg, assertion));
        form.put("scope", scope);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(reg.tokenUrl())).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build());
        if (response.statusCode() != 200) {
            throw new PlatformException("the platform's token endpoint answered " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        JsonNode body = json(response.body(), "token");
        String token = body.path("access_token").asString("");
        if (token.isEmpty()) {
            throw new PlatformException("the platform's token endpoint gave no access_token");
        }
        long seconds = body.path("expires_in").asLong(3600);
        tokens.put(cacheKey, new CachedToken(token, now.plusSeconds(Math.max(0, seconds - 60))));
        return token;
    }

    /** A URL the platform gave us; one that does not parse is the platform's error, not ours. */
    private URI checked(Supplier<URI> parse, String url) {
        urls.refusal(url).ifPresent(why -> {
            throw new PlatformException("the platform's URL '" + abbreviate(url) + "' " + why);
        });
        try {
            return parse.get(); // the policy above already refused anything but an absolute http(s) URL
        } catch (IllegalArgumentException e) {
            throw new PlatformException("the platform's URL '" + abbreviate(url) + "' is not usable: "
                    + e.getMessage());
        }
    }

    private static JsonNode json(String body, String what) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            throw new PlatformException("the platform's " + what + " answer is not JSON: " + abbreviate(body));
        }
    }

    /** The {@code rel="next"} URL of an NRPS page, if any (a malformed header is the platform's error). */
    private static Optional<String> nextLink(HttpResponse<String> response) {
        for (String header : response.headers().allValues("Link")) {
            for (String link : header.split(",")) {
                if (link.contains("rel=\"next\"")) {
                    int open = link.indexOf('<');
                    int close = link.indexOf('>');
                    if (open < 0 || close < open) {
                        throw new PlatformException("the platform's Link header is malformed: " + abbreviate(header));
                    }
                    String url = link.substring(open + 1, close).strip();
                    if (!url.matches("https?://\\S+")) {
                        throw new PlatformException("the platform's next page is not an http(s) URL: " + url);
                    }
                    return Optional.of(url);
                }
            }
        }
        return Optional.empty();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | IllegalArgumentException e) {
            throw new PlatformException("could not reach " + request.uri() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted calling " + request.uri());
        }
    }

    /** The line item's scores endpoint: {@code /scores} appended to its path, keeping any query string. */
    static URI scoresUrl(String lineItemUrl) {
        URI item = URI.create(lineItemUrl);
        String path = (item.getRawPath() == null ? "" : item.getRawPath()).replaceAll("/+$", "") + "/scores";
        return URI.create(item.getScheme() + "://" + item.getRawAuthority() + path
                + (item.getRawQuery() == null ? "" : "?" + item.getRawQuery()));
    }

    private static String formBody(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}

package org.markpoint.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.markpoint.model.security.Identity;
import org.markpoint.model.security.IdentityCodec;
import org.markpoint.model.security.Role;

/**
 * Credentials for the stacks the infra tests start: one fixed gateway-to-service secret, the env that turns the dev
 * issuer on and the rate limits out of the way (a load test must not meet a 429), dev tokens from a running
 * gateway, and signed identity headers for tests that call a service directly.
 */
public final class TestCredentials {

    /** The internal secret every test stack shares (never used outside tests). */
    public static final String SECRET = "markpoint-infra-tests-internal-secret-0123456789";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    private TestCredentials() {
    }

    /** Env for every process of a test stack. */
    public static Map<String, String> stackEnv() {
        return Map.of("MARKPOINT_INTERNAL_SECRET", SECRET, "MARKPOINT_DEV_ISSUER_ENABLED", "true",
                "MARKPOINT_RATE_LIMIT_CAPACITY", "1000000", "MARKPOINT_RATE_LIMIT_REFILL_PER_SECOND", "1000000");
    }

    /** A token from the running gateway's dev issuer, valid for 8 hours. */
    public static String devToken(String gatewayUrl, String subject, String tenant, Role... roles) {
        String json = "{\"subject\":\"" + subject + "\",\"tenant\":\"" + tenant + "\",\"roles\":["
                + String.join(",", Arrays.stream(roles).map(r -> "\"" + r.wireName() + "\"").toList())
                + "],\"ttlSeconds\":28800}";
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/auth/dev/token"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = ACCESS_TOKEN.matcher(r.body());
            if (r.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("no dev token from " + gatewayUrl + ": HTTP " + r.statusCode() + " "
                        + r.body());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("no dev token from " + gatewayUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A token that may do everything in the demo tenant (staff roles plus lms): for tests that drive all APIs. */
    public static String staffToken(String gatewayUrl) {
        return devToken(gatewayUrl, "infra-test", "demo", Role.ADMIN, Role.TUTOR, Role.AUTHOR, Role.LMS);
    }

    /** {@code Bearer <staff token>} for this gateway, fetched once per gateway URL. */
    public static String authorization(String gatewayUrl) {
        return "Bearer " + TOKENS.computeIfAbsent(gatewayUrl, TestCredentials::staffToken);
    }

    /** Adds the two signed identity headers a service expects from the gateway (for direct calls to a service). */
    public static HttpRequest.Builder signed(HttpRequest.Builder request, String subject, String tenant,
            Role... roles) {
        IdentityCodec.Headers h = new IdentityCodec(SECRET).sign(new Identity(subject, tenant, Set.of(roles), Set.of(),
                Instant.now().plus(Duration.ofSeconds(60))));
        return request.header(IdentityCodec.HEADER, h.identity()).header(IdentityCodec.SIGNATURE_HEADER, h.signature());
    }

    /**
     * Sends a request straight to a service (no gateway), signed as a staff member of the demo tenant the way the
     * gateway would sign it.
     */
    public static HttpResponse<String> sendAsStaff(HttpRequest.Builder request) {
        try {
            return HTTP.send(signedStaff(request).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signed as a staff member of the demo tenant (admin, tutor, author, lms). */
    public static HttpRequest.Builder signedStaff(HttpRequest.Builder request) {
        return signed(request, "infra-test", "demo", Role.ADMIN, Role.TUTOR, Role.AUTHOR, Role.LMS);
    }
}

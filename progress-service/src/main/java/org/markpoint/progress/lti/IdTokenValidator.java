package org.markpoint.progress.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Full validation of a platform's id_token (LTI 1.3 core, section 5.1.3): RS256 signature against the platform's
 * JWKS (fetched, cached, refetched for an unknown kid), {@code iss}, {@code aud} (and {@code azp} when there are
 * several audiences), {@code exp}/{@code iat} with 60 s skew, the {@code nonce} Markpoint issued at login, a
 * registered {@code deployment_id}, version 1.3.0 and a message type Markpoint handles. Each failure names itself.
 */
@Component
class IdTokenValidator {

    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    static final String AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    static final String DEEP_LINKING = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
    private static final Duration SKEW = Duration.ofSeconds(60);

    private final Map<String, JWKSource<SecurityContext>> platformKeys = new ConcurrentHashMap<>();
    private final Clock clock;

    IdTokenValidator(Clock clock) {
        this.clock = clock;
    }

    LtiMessage validate(LtiRegistration reg, String idToken, String expectedNonce) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(idToken);
        } catch (ParseException e) {
            throw new LaunchRejected(400, "the id_token is not a signed JWT");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new LaunchRejected(401, "the id_token is signed with " + jwt.getHeader().getAlgorithm()
                    + "; LTI 1.3 requires RS256");
        }
        JWTClaimsSet claims = verified(reg, jwt);
        Instant now = clock.instant();
        if (!reg.issuer().equals(claims.getIssuer())) {
            throw new LaunchRejected(401, "the id_token's issuer '" + claims.getIssuer()
                    + "' is not the registered platform '" + reg.issuer() + "'");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(reg.clientId())) {
            throw new LaunchRejected(401, "the id_token's audience " + audience + " does not include Markpoint's "
                    + "client id '" + reg.clientId() + "'");
        }
        String azp = text(claims, "azp");
        if ((audience.size() > 1 || !azp.isEmpty()) && !reg.clientId().equals(azp)) {
            throw new LaunchRejected(401, "the id_token's azp '" + azp + "' is not Markpoint's client id (required "
                    + "when present, and when there are several audiences)");
        }
        if (claims.getExpirationTime() == null || claims.getExpirationTime().toInstant().isBefore(now.minus(SKEW))) {
            throw new LaunchRejected(401, "the id_token has expired");
        }
        if (claims.getIssueTime() == null || claims.getIssueTime().toInstant().isAfter(now.plus(SKEW))) {
            throw new LaunchRejected(401, "the id_token has no issue time, or one in the future");
        }
        if (!expectedNonce.equals(text(claims, "nonce"))) {
            throw new LaunchRejected(401, "the id_token's nonce is not the one Markpoint issued for this login");
        }
        String deployment = text(claims, LTI + "deployment_id");
        if (!reg.deploymentIds().contains(deployment)) {
            throw new LaunchRejected(403, "deployment '" + deployment + "' is not registered for this platform");
        }
        if (!"1.3.0".equals(text(claims, LTI + "version"))) {
            throw new LaunchRejected(400, "LTI version '" + text(claims, LTI + "version") + "' is not 1.3.0");
        }
        String type = text(claims, LTI + "message_type");
        if (!LtiMessage.RESOURCE_LINK.equals(type) && !LtiMessage.DEEP_LINKING.equals(type)) {
            throw new LaunchRejected(400, "message type '" + type + "' is not one Markpoint handles");
        }
        String subject = claims.getSubject() == null ? "" : claims.getSubject().strip();
        if (subject.isEmpty()) {
            throw new LaunchRejected(400, "the launch has no user (sub): anonymous launches are not supported");
        }
        LtiMessage message = message(claims, type, deployment, subject);
        if (LtiMessage.RESOURCE_LINK.equals(type) && message.resourceLinkId().isEmpty()) {
            throw new LaunchRejected(400, "the resource-link launch has no resource_link id");
        }
        return message;
    }

    private JWTClaimsSet verified(LtiRegistration reg, SignedJWT jwt) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys(reg.jwksUrl())));
        processor.setJWTClaimsSetVerifier((claims, context) -> { }); // checked one by one above, each named
        try {
            return processor.process(jwt, null);
        } catch (BadJOSEException e) {
            throw new LaunchRejected(401, "the id_token's signature does not verify against the platform's keys");
        } catch (JOSEException e) {
            // what the far end said stays in the log, not on the page
            LoggerFactory.getLogger(IdTokenValidator.class).warn("LTI: fetching {} failed: {}", reg.jwksUrl(),
                    e.getMessage());
            throw new LaunchRejected(502, "the platform's keys could not be fetched from its registered JWKS URL");
        }
    }

    private JWKSource<SecurityContext> keys(String jwksUrl) {
        return platformKeys.computeIfAbsent(jwksUrl, url -> {
            try {
                return JWKSourceBuilder.<SecurityContext>create(URI.create(url).toURL()).retrying(true).build();
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new LaunchRejected(500, "the registration's JWKS URL is not a URL: " + url);
            }
        });
    }

    private static LtiMessage message(JWTClaimsSet claims, String type, String deployment, String subject) {
        Map<String, Object> context = object(claims, LTI + "context");
        Map<String, Object> link = object(claims, LTI + "resource_link");
        Map<String, Object> ags = object(claims, AGS);
        Map<String, Object> nrps = object(claims, NRPS);
        Map<String, Object> dl = object(claims, DEEP_LINKING);
        Map<String, String> custom = new LinkedHashMap<>();
        object(claims, LTI + "custom").forEach((k, v) -> custom.put(k, String.valueOf(v)));
        String name = text(claims, "name");
        if (name.isEmpty()) {
            name = (text(claims, "given_name") + " " + text(claims, "family_name")).strip();
        }
        LtiMessage.DeepLinkSettings settings = LtiMessage.DEEP_LINKING.equals(type)
                ? new LtiMessage.DeepLinkSettings(string(dl.get("deep_link_return_url")), strings(dl.get("accept_types")),
                        string(dl.get("data")), !Boolean.FALSE.equals(dl.get("accept_lineitem")))
                : null;
        if (settings != null && !settings.returnUrl().matches("https?://\\S+")) {
            throw new LaunchRejected(400, "the deep-linking request has no http(s) deep_link_return_url");
        }
        if (settings != null && !settings.acceptTypes().contains("ltiResourceLink")) {
            throw new LaunchRejected(400, "the platform accepts " + settings.acceptTypes() + " here, but Markpoint "
                    + "offers LTI resource links (ltiResourceLink) only");
        }
        return new LtiMessage(type, deployment, subject, name, strings(claims.getClaim(LTI + "roles")),
                string(context.get("id")), firstNonEmpty(string(context.get("title")), string(context.get("label"))),
                string(link.get("id")), string(link.get("title")), text(claims, LTI + "target_link_uri"), custom,
                string(ags.get("lineitem")), strings(ags.get("scope")), string(nrps.get("context_memberships_url")),
                settings);
    }

    private static String firstNonEmpty(String a, String b) {
        return a.isEmpty() ? b : a;
    }

    private static String text(JWTClaimsSet claims, String name) {
        return string(claims.getClaim(name));
    }

    private static String string(Object value) {
        return value == null ? "" : String.valueOf(value).strip();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }
}

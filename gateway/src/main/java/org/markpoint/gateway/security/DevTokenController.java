package org.markpoint.gateway.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.markpoint.model.problem.ProblemTypes;
import org.markpoint.model.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dev issuer's endpoints: {@code POST /auth/dev/token} mints a token for any subject, tenant and roles (local
 * use only: on when {@code markpoint.security.dev-issuer.enabled}, 404 otherwise), {@code GET /auth/jwks.json}
 * its public key.
 */
@RestController
class DevTokenController {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@:-]{1,100}");
    static final long MAX_TTL_SECONDS = 7 * 24 * 3600;

    private final DevIssuer issuer;

    DevTokenController(ObjectProvider<DevIssuer> issuer) {
        this.issuer = issuer.getIfAvailable();
    }

    /** Body: {@code {"subject":"tutor1","tenant":"demo","roles":["tutor"],"ttlSeconds":3600}}. */
    record TokenRequest(String subject, String tenant, List<String> roles, Long ttlSeconds) {
    }

    @PostMapping(path = "/auth/dev/token", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> token(@RequestBody(required = false) TokenRequest body) {
        if (issuer == null) {
            return off();
        }
        if (body == null) {
            return Problems.invalid("body", "must be a JSON object with subject, tenant and roles");
        }
        if (body.subject() == null || !NAME.matcher(body.subject()).matches()) {
            return Problems.invalid("subject", "must be 1-100 letters, digits or . _ @ : -");
        }
        if (body.tenant() == null || !NAME.matcher(body.tenant()).matches()) {
            return Problems.invalid("tenant", "must be 1-100 letters, digits or . _ @ : -");
        }
        if (body.roles() == null || body.roles().isEmpty()) {
            return Problems.invalid("roles", "must name at least one of learner, tutor, author, admin, lms");
        }
        List<Role> roles = new ArrayList<>();
        for (String r : body.roles()) {
            Role role = Role.ofWireName(r).orElse(null);
            if (role == null) {
                return Problems.invalid("roles", "unknown role '" + r + "' (learner, tutor, author, admin, lms)");
            }
            roles.add(role);
        }
        long ttl = body.ttlSeconds() == null ? 3600 : body.ttlSeconds();
        if (ttl < 1 || ttl > MAX_TTL_SECONDS) {
            return Problems.invalid("ttlSeconds", "must be between 1 and " + MAX_TTL_SECONDS);
        }
        String token = issuer.mint(body.subject(), body.tenant(), roles, Duration.ofSeconds(ttl));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("access_token", token);
        out.put("token_type", "Bearer");
        out.put("expires_in", ttl);
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(out);
    }

    @GetMapping(path = "/auth/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> jwks() {
        if (issuer == null) {
            return off();
        }
        return ResponseEntity.ok(issuer.publicKeys().toJSONObject(true));
    }

    private static ResponseEntity<?> off() {
        return Problems.entity(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                "The dev token issuer is off (markpoint.security.dev-issuer.enabled=false).");
    }
}

package org.markpoint.marking.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.markpoint.model.problem.ProblemTypes;
import org.markpoint.model.security.AccessRules;
import org.markpoint.model.security.Identity;
import org.markpoint.model.security.IdentityCodec;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code /api/**} request must carry the gateway's signed identity (else 401) and be allowed by the service's
 * {@link AccessTable} (else 403 naming the roles that may). Everything else ({@code /actuator/**}) passes untouched.
 */
final class IdentityFilter extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IdentityCodec codec;
    private final AccessRules rules;

    IdentityFilter(IdentityCodec codec, AccessRules rules) {
        this.codec = codec;
        this.rules = rules;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !path.equals("/api") && !path.startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // real time, not the service's Clock bean: expiry is about the gateway's wall clock
        Optional<Identity> who = codec.verify(request.getHeader(IdentityCodec.HEADER),
                request.getHeader(IdentityCodec.SIGNATURE_HEADER), Instant.now());
        if (who.isEmpty()) {
            problem(request, response, 401, ProblemTypes.UNAUTHENTICATED, "Unauthenticated",
                    "a valid, unexpired signed identity is required: call through the gateway with a credential",
                    List.of());
            return;
        }
        switch (rules.decide(who.get(), request.getMethod(), path(request))) {
            case AccessRules.Decision.Forbidden f -> problem(request, response, 403, ProblemTypes.FORBIDDEN,
                    "Forbidden", f.reason(), f.requiredRoles());
            case AccessRules.Decision.Allowed a -> {
                request.setAttribute(CurrentIdentity.ATTRIBUTE, who.get());
                request.setAttribute(CurrentIdentity.LEARNER_ONLY, a.asLearnerOnly());
                chain.doFilter(request, response);
            }
        }
    }

    /** The decoded, normalised path inside the application (what the controllers' mappings see). */
    private static String path(HttpServletRequest request) {
        String info = request.getPathInfo();
        return request.getServletPath() + (info == null ? "" : info);
    }

    private static void problem(HttpServletRequest request, HttpServletResponse response, int status, URI type,
                                String title, String detail, List<String> requiredRoles) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.toString());
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        if (!requiredRoles.isEmpty()) {
            body.put("requiredRoles", requiredRoles);
        }
        response.setStatus(status);
        response.setContentType("application/problem+json");
        JSON.writeValue(response.getOutputStream(), body);
    }
}

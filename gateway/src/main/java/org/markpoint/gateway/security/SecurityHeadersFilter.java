package org.markpoint.gateway.security;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Response headers on everything the gateway answers: a Content-Security-Policy the web UI satisfies (no inline
 * script or style, same-origin calls only, no framing), nosniff, DENY framing, no referrer to other sites, and no
 * caching of API answers. Set before the response commits, so services' answers get them too.
 *
 * <p>Two LTI allowances: the launch pages under {@code /lti/} may post a form back to the LMS (a deep-linking
 * response), and when {@code frameAncestors} lists LMS origins, every page may be framed by them (and only them)
 * instead of not at all.
 */
public final class SecurityHeadersFilter implements WebFilter {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final String csp;
    private final String ltiCsp;
    private final boolean framable;

    public SecurityHeadersFilter() {
        this(List.of());
    }

    public SecurityHeadersFilter(List<String> frameAncestors) {
        for (String origin : frameAncestors) {
            if (!origin.matches("https?://[A-Za-z0-9.-]+(:\\d+)?")) {
                throw new IllegalStateException("markpoint.security.frame-ancestors (MARKPOINT_FRAME_ANCESTORS) takes "
                        + "origins like https://moodle.college.ac.uk, not '" + origin + "'");
            }
        }
        framable = !frameAncestors.isEmpty();
        String ancestors = framable ? "frame-ancestors 'self' " + String.join(" ", frameAncestors)
                : "frame-ancestors 'none'";
        csp = CSP.replace("frame-ancestors 'none'", ancestors);
        ltiCsp = csp.replace("form-action 'self'", "form-action 'self' https: http:");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders h = exchange.getResponse().getHeaders();
            String path = exchange.getRequest().getPath().value();
            h.set("Content-Security-Policy", path.startsWith("/lti/") ? ltiCsp : csp);
            h.set("X-Content-Type-Options", "nosniff");
            if (framable) {
                h.remove("X-Frame-Options"); // it cannot name origins; frame-ancestors does
            } else {
                h.set("X-Frame-Options", "DENY");
            }
            h.set("Referrer-Policy", "no-referrer");
            h.set("Cross-Origin-Opener-Policy", "same-origin");
            h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            if ((path.startsWith("/api/") || path.startsWith("/auth/")) && !h.containsHeader(HttpHeaders.CACHE_CONTROL)) {
                h.set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}

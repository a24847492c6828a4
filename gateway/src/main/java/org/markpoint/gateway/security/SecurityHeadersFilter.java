package org.markpoint.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Response headers on everything the gateway answers: a Content-Security-Policy the web UI satisfies (no inline
 * script or style, same-origin calls only, no framing), nosniff, DENY framing, no referrer to other sites, and no
 * caching of API answers. Set before the response commits, so services' answers get them too.
 */
public final class SecurityHeadersFilter implements WebFilter {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders h = exchange.getResponse().getHeaders();
            h.set("Content-Security-Policy", CSP);
            h.set("X-Content-Type-Options", "nosniff");
            h.set("X-Frame-Options", "DENY");
            h.set("Referrer-Policy", "no-referrer");
            h.set("Cross-Origin-Opener-Policy", "same-origin");
            h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            String path = exchange.getRequest().getPath().value();
            if ((path.startsWith("/api/") || path.startsWith("/auth/")) && !h.containsHeader(HttpHeaders.CACHE_CONTROL)) {
                h.set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}

package org.markpoint.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.markpoint.model.security.IdentityCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/** Wires the gateway's security: headers, CORS, body limits, authentication, dev issuer, API keys. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfig {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfig.class);

    @Bean
    @ConditionalOnProperty(name = "markpoint.security.dev-issuer.enabled", havingValue = "true")
    DevIssuer devIssuer(SecurityProperties props) {
        SecurityProperties.DevIssuer dev = props.devIssuer();
        LOG.warn("dev token issuer ON ({}): anyone who reaches POST /auth/dev/token can sign in as anyone. "
                + "Turn it off (MARKPOINT_DEV_ISSUER_ENABLED=false) outside local use.", dev.issuer());
        return new DevIssuer(dev.issuer(), DevIssuer.loadOrCreateKey(dev.keyFile()), props.jwt());
    }

    @Bean
    JwtAuthenticator jwtAuthenticator(SecurityProperties props, ObjectProvider<DevIssuer> devIssuer) {
        if (!props.jwt().configured() && devIssuer.getIfAvailable() == null) {
            LOG.warn("no token issuer configured (markpoint.security.jwt.issuer-uri) and the dev issuer is off: "
                    + "only API keys can call /api/**");
        }
        return new JwtAuthenticator(props.jwt(), devIssuer.getIfAvailable(), props.ltiSessions());
    }

    @Bean(destroyMethod = "close")
    ApiKeyStore apiKeyStore(SecurityProperties props) {
        return new ApiKeyStore(props.apiKeys().mongodbUri(), props.apiKeys().database());
    }

    @Bean
    IdentityCodec identityCodec(SecurityProperties props) {
        String secret = props.internalSecret();
        if (secret == null || secret.isBlank()) {
            LOG.warn("markpoint.security.internal-secret (MARKPOINT_INTERNAL_SECRET) is not set: using a random "
                    + "secret, which services checking identities will refuse. ./markpoint start sets one.");
            byte[] raw = new byte[32];
            new SecureRandom().nextBytes(raw);
            secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        } else if (secret.getBytes(StandardCharsets.UTF_8).length < IdentityCodec.MIN_SECRET_BYTES) {
            throw new IllegalStateException("markpoint.security.internal-secret must be at least "
                    + IdentityCodec.MIN_SECRET_BYTES + " bytes");
        }
        return new IdentityCodec(secret);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityHeadersFilter securityHeadersFilter(SecurityProperties props) {
        return new SecurityHeadersFilter(props.frameAncestors());
    }

    /** Only the listed origins (none by default: the UI is same-origin) may call the API from a browser. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    CorsWebFilter corsWebFilter(SecurityProperties props) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> origins = props.cors().allowedOrigins();
        if (!origins.isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(origins);
            cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "If-Match",
                    "X-Api-Key"));
            cors.setExposedHeaders(List.of("Location", "ETag", "Retry-After", "Link"));
            cors.setAllowCredentials(false);
            cors.setMaxAge(3600L);
            source.registerCorsConfiguration("/api/**", cors);
            source.registerCorsConfiguration("/auth/**", cors);
        }
        return new CorsWebFilter(source);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 2)
    BodyLimitFilter bodyLimitFilter(SecurityProperties props) {
        return new BodyLimitFilter(props.maxBodyBytes(), props.maxUploadBytes());
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 3)
    AuthenticationFilter authenticationFilter(JwtAuthenticator jwt, ApiKeyStore keys, SecurityProperties props,
            IdentityCodec codec) {
        return new AuthenticationFilter(jwt, keys,
                new RateLimiter(props.rateLimit().capacity(), props.rateLimit().refillPerSecond()), codec);
    }
}

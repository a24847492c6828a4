package org.markpoint.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/** The LTI allowances of the security headers: posting back to an LMS from /lti/ pages, framing by listed LMSs. */
class SecurityHeadersFilterTest {

    private static HttpHeaders headers(SecurityHeadersFilter filter, String path) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));
        filter.filter(exchange, e -> e.getResponse().setComplete()).block();
        return exchange.getResponse().getHeaders();
    }

    @Test
    void givenNoFrameAncestors_whenAnyPageServed_thenNoFramingAndOnlyLtiPagesMayPostElsewhere() {
        SecurityHeadersFilter filter = new SecurityHeadersFilter(List.of());
        HttpHeaders ui = headers(filter, "/index.html");
        assertThat(ui.getFirst("Content-Security-Policy")).contains("form-action 'self';")
                .contains("frame-ancestors 'none'");
        assertThat(ui.getFirst("X-Frame-Options")).isEqualTo("DENY");
        HttpHeaders lti = headers(filter, "/lti/deep-link");
        assertThat(lti.getFirst("Content-Security-Policy")).contains("form-action 'self' https: http:;")
                .contains("script-src 'self'").contains("frame-ancestors 'none'");
    }

    @Test
    void givenLmsOrigins_whenPagesServed_thenOnlyThoseMayFrameThem() {
        SecurityHeadersFilter filter = new SecurityHeadersFilter(List.of("https://moodle.college.ac.uk",
                "https://canvas.example"));
        for (String path : List.of("/index.html", "/lti/launch")) {
            HttpHeaders h = headers(filter, path);
            assertThat(h.getFirst("Content-Security-Policy"))
                    .contains("frame-ancestors 'self' https://moodle.college.ac.uk https://canvas.example");
            assertThat(h.getFirst("X-Frame-Options")).as("cannot name origins, so absent").isNull();
        }
    }

    @Test
    void givenAWildcardOrSchemeOnlyFrameAncestor_whenConfigured_thenRefusedAtStartup() {
        for (String bad : List.of("*", "https:", "https://*.example", "https://lms.example/path")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SecurityHeadersFilter(List.of(bad)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("origins like");
        }
    }
}

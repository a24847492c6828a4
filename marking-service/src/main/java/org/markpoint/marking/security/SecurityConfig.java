package org.markpoint.marking.security;

import java.nio.charset.StandardCharsets;
import org.markpoint.model.security.IdentityCodec;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The identity check in front of the API; the service does not start without a strong shared secret. */
@Configuration
@EnableConfigurationProperties(SecurityConfig.Properties.class)
class SecurityConfig {

    /** @param internalSecret the secret shared with the gateway ({@code MARKPOINT_INTERNAL_SECRET}) */
    @ConfigurationProperties("markpoint.security")
    record Properties(String internalSecret) {
    }

    @Bean
    IdentityCodec identityCodec(Properties props) {
        String secret = props.internalSecret();
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < IdentityCodec.MIN_SECRET_BYTES) {
            throw new IllegalStateException("marking-service will not start: markpoint.security.internal-secret "
                    + "(env MARKPOINT_INTERNAL_SECRET) is " + (secret == null || secret.isEmpty() ? "missing"
                    : "shorter than " + IdentityCodec.MIN_SECRET_BYTES + " bytes")
                    + "; set it to the secret the gateway signs identities with (./markpoint generates one)");
        }
        return new IdentityCodec(secret);
    }

    @Bean
    FilterRegistrationBean<IdentityFilter> identityFilter(IdentityCodec codec) {
        FilterRegistrationBean<IdentityFilter> bean = new FilterRegistrationBean<>(
                new IdentityFilter(codec, AccessTable.RULES));
        bean.setOrder(0);
        return bean;
    }
}

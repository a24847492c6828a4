package org.markpoint.marking.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Delivery policy: up to {@code maxAttempts} tries, the n-th retry after {@code firstRetry * 2^(n-1)} (capped at
 * {@code maxRetry}); a receiver has {@code timeout} to answer 2xx.
 */
@ConfigurationProperties("markpoint.webhooks")
public record WebhookProperties(Integer maxAttempts, Duration firstRetry, Duration maxRetry, Duration timeout,
                                Integer maxPerTenant) {

    public WebhookProperties {
        maxAttempts = maxAttempts == null || maxAttempts < 1 ? 8 : maxAttempts;
        firstRetry = firstRetry == null ? Duration.ofSeconds(10) : firstRetry;
        maxRetry = maxRetry == null ? Duration.ofHours(1) : maxRetry;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        maxPerTenant = maxPerTenant == null || maxPerTenant < 1 ? 20 : maxPerTenant;
    }

    /** How long to wait after the {@code attempts}-th failed attempt. */
    public Duration backoffAfter(int attempts) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}

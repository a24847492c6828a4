package org.markpoint.progress.xapi;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code baseIri}: Markpoint's public URL, the home of learner accounts and activity ids. {@code lrs}: where to
 * forward statements (off while {@code endpoint} is blank); batches of up to {@code batchSize}, HTTP Basic, retried
 * after {@code firstRetry * 2^(n-1)} up to {@code maxRetry} (statements are never dropped).
 */
@ConfigurationProperties("markpoint.xapi")
public record XapiProperties(String baseIri, Double masteryThreshold, Lrs lrs) {

    public record Lrs(String endpoint, String username, String password, Integer batchSize, Duration firstRetry,
                      Duration maxRetry, Duration timeout) {

        public Lrs {
            endpoint = endpoint == null ? "" : endpoint.strip();
            username = username == null ? "" : username;
            password = password == null ? "" : password;
            batchSize = batchSize == null || batchSize < 1 ? 100 : batchSize;
            firstRetry = firstRetry == null ? Duration.ofSeconds(5) : firstRetry;
            maxRetry = maxRetry == null ? Duration.ofMinutes(10) : maxRetry;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }

        public boolean enabled() {
            return !endpoint.isEmpty();
        }

        public Duration backoffAfter(int attempts) {
            Duration wait = firstRetry.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
            return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
        }
    }

    public XapiProperties {
        baseIri = baseIri == null || baseIri.isBlank() ? "http://localhost:8080" : baseIri.strip();
        masteryThreshold = masteryThreshold == null ? 0.95 : masteryThreshold;
        lrs = lrs == null ? new Lrs(null, null, null, null, null, null, null) : lrs;
    }
}

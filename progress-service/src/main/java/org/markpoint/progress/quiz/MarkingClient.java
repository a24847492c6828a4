package org.markpoint.progress.quiz;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.markpoint.model.security.IdentityCodec;
import org.markpoint.progress.security.ForwardedIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The one synchronous service-to-service call: ask marking-service to mark a quiz answer now. Guarded by the
 * Resilience4j bulkhead, circuit breaker and time limiter named {@value #INSTANCE} (configured in
 * {@code progress-service.yml}); whatever goes wrong comes back as {@link Outcome.Unavailable} so the caller can fall
 * back to asynchronous marking, except a refusal (4xx other than 404), which no retry would change. The caller's
 * identity goes along (re-signed, {@link ForwardedIdentity}), so marking-service applies the caller's own rights.
 */
@Component
@EnableConfigurationProperties(MarkingClient.Properties.class)
class MarkingClient {

    static final String INSTANCE = "marking";
    private static final Logger log = LoggerFactory.getLogger(MarkingClient.class);

    /**
     * @param url          marking-service's base URL
     * @param readTimeout  backstop for the HTTP read; the time limiter normally gives up first
     * @param asyncAfter   an answer whose synchronous mark is not recorded by then is marked asynchronously
     */
    @ConfigurationProperties("markpoint.marking")
    record Properties(URI url, Duration connectTimeout, Duration readTimeout, Duration asyncAfter) {
        Properties {
            url = url == null ? URI.create("http://127.0.0.1:8082") : url;
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
            asyncAfter = asyncAfter == null ? Duration.ofSeconds(30) : asyncAfter;
        }
    }

    /** What marking-service's {@code POST /api/v1/marking/mark} takes for a bank question. */
    record Call(String answer, String learnerId, String questionId, String quizId) {
    }

    sealed interface Outcome {

        /** marking-service's reply, as it sent it. */
        record Marked(JsonNode response) implements Outcome {
        }

        /** marking-service said no (e.g. 409: the question was retired); marking later would say no too. */
        record Refused(int status, String detail) implements Outcome {
        }

        /** Slow, down, overloaded or circuit open: mark it later. */
        record Unavailable(String reason) implements Outcome {
        }
    }

    private final RestClient http;
    private final ForwardedIdentity identity;
    private final CircuitBreaker breaker;
    private final TimeLimiter timeLimiter;
    private final Bulkhead bulkhead;
    // a virtual thread per call, so the time limiter can interrupt a call it gave up on
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    MarkingClient(RestClient.Builder builder, Properties props, CircuitBreakerRegistry breakers,
                  TimeLimiterRegistry timeLimiters, BulkheadRegistry bulkheads, ForwardedIdentity identity) {
        this.identity = identity;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(props.connectTimeout()).build());
        factory.setReadTimeout(props.readTimeout());
        this.http = builder.baseUrl(props.url().toString()).requestFactory(factory).build();
        this.breaker = breakers.circuitBreaker(INSTANCE);
        this.timeLimiter = timeLimiters.timeLimiter(INSTANCE);
        this.bulkhead = bulkheads.bulkhead(INSTANCE);
    }

    /** Marks once per {@code answerId}: marking-service keys the mark on it, so a retry or a late async mark agree. */
    Outcome mark(Call call, String answerId) {
        // signed here, on the request's thread: the call itself runs on another
        IdentityCodec.Headers caller = identity.current();
        Callable<JsonNode> timed = () -> timeLimiter.executeFutureSupplier(() -> calls.submit(() -> post(call,
                answerId, caller)));
        Callable<JsonNode> guarded = Bulkhead.decorateCallable(bulkhead,
                CircuitBreaker.decorateCallable(breaker, timed));
        try {
            return new Outcome.Marked(guarded.call());
        } catch (Exception e) {
            Throwable cause = unwrap(e);
            if (cause instanceof HttpClientErrorException refused && refused.getStatusCode() != HttpStatus.NOT_FOUND) {
                return new Outcome.Refused(refused.getStatusCode().value(), detail(refused));
            }
            String reason = switch (cause) {
                case TimeoutException t -> "timed out";
                case CallNotPermittedException c -> "circuit open";
                case BulkheadFullException b -> "too many marking calls in flight";
                default -> cause.toString();
            };
            log.info("marking {} asynchronously: {}", answerId, reason);
            return new Outcome.Unavailable(reason);
        }
    }

    private JsonNode post(Call call, String answerId, IdentityCodec.Headers caller) {
        return http.post().uri("/api/v1/marking/mark").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", answerId).header(IdentityCodec.HEADER, caller.identity())
                .header(IdentityCodec.SIGNATURE_HEADER, caller.signature()).body(call).retrieve()
                .body(JsonNode.class);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t instanceof ExecutionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String detail(HttpClientErrorException e) {
        try {
            JsonNode body = e.getResponseBodyAs(JsonNode.class);
            return body != null && body.has("detail") ? body.get("detail").asString() : e.getStatusText();
        } catch (RuntimeException unreadable) {
            return e.getStatusText();
        }
    }
}

package org.markpoint.gateway.security;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.markpoint.model.problem.ProblemTypes;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Request bodies on {@code /api/**} above the limit get 413 before anything is routed: by Content-Length when the
 * caller sends one, else by counting as the body streams. Batch marking and imports have the larger upload limit.
 */
public final class BodyLimitFilter implements WebFilter {

    private final long maxBody;
    private final long maxUpload;

    public BodyLimitFilter(long maxBody, long maxUpload) {
        this.maxBody = maxBody;
        this.maxUpload = maxUpload;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (!path.startsWith("/api/") && !path.startsWith("/auth/")) {
            return chain.filter(exchange);
        }
        long limit = path.startsWith("/api/v1/marking/batches") || path.startsWith("/api/v1/imports") ? maxUpload
                : maxBody;
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return tooLarge(exchange, limit);
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        AtomicLong seen = new AtomicLong();
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                                "request body over " + limit + " bytes"));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private static Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
        return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
                "Payload too large", "The request body is over the " + limit + "-byte limit for "
                        + exchange.getRequest().getPath().value() + ".", Map.of());
    }
}

package org.markpoint.gateway.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.markpoint.model.problem.ProblemTypes;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** RFC 9457 answers the gateway gives itself (401, 403, 413, 429, 400), from filters and controllers alike. */
final class Problems {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Problems() {
    }

    /** Writes a problem as the whole response of a filter; nothing is routed. */
    static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, URI type, String title, String detail,
            Map<String, String> headers) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.forEach(response.getHeaders()::set);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.toString());
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", exchange.getRequest().getPath().value());
        DataBuffer buffer = response.bufferFactory().wrap(MAPPER.writeValueAsBytes(body));
        return response.writeWith(Mono.just(buffer));
    }

    static Mono<Void> unauthenticated(ServerWebExchange exchange, String detail) {
        return write(exchange, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Unauthenticated", detail,
                Map.of("WWW-Authenticate", "Bearer realm=\"markpoint\""));
    }

    static Mono<Void> forbidden(ServerWebExchange exchange, String detail) {
        return write(exchange, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", detail, Map.of());
    }

    static ResponseEntity<ProblemDetail> entity(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(type);
        p.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    /** 400 naming the field, in the services' {@code errors: [{field, message}]} shape. */
    static ResponseEntity<ProblemDetail> invalid(String field, String message) {
        ResponseEntity<ProblemDetail> e = entity(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                field + " " + message);
        e.getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return e;
    }

    static byte[] json(Object value) {
        return MAPPER.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
    }
}

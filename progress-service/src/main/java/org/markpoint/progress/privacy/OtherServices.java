package org.markpoint.progress.privacy;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.markpoint.model.security.IdentityCodec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;

/**
 * The other services' GDPR endpoints: their part of a learner's export and whether they have erased a learner. The
 * caller's signed identity headers travel along, so each service checks the admin itself. A service that cannot be
 * reached is {@link Unreachable}: never guessed at.
 */
@Component
class OtherServices {

    static final String MARKING = "marking-service";
    static final String QUESTION = "question-service";

    /** A service did not answer (down, timed out, or answered with an error). */
    static class Unreachable extends RuntimeException {

        private final String service;

        Unreachable(String service, Exception cause) {
            super(service + " did not answer: " + cause.getMessage(), cause);
            this.service = service;
        }

        String service() {
            return service;
        }
    }

    private final Map<String, RestClient> clients = new LinkedHashMap<>();

    OtherServices(RestClient.Builder builder,
                  @Value("${markpoint.marking.url:http://127.0.0.1:8082}") URI marking,
                  @Value("${markpoint.question.url:http://127.0.0.1:8081}") URI question) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2)).build());
        factory.setReadTimeout(Duration.ofSeconds(20));
        clients.put(MARKING, builder.clone().baseUrl(marking.toString()).requestFactory(factory).build());
        clients.put(QUESTION, builder.clone().baseUrl(question.toString()).requestFactory(factory).build());
    }

    Iterable<String> names() {
        return clients.keySet();
    }

    JsonNode export(String service, String learnerId) {
        return get(service, "/api/v1/internal/learners/{id}/export", learnerId);
    }

    JsonNode erasure(String service, String pseudonym) {
        return get(service, "/api/v1/internal/erasures/{pseudonym}", pseudonym);
    }

    private JsonNode get(String service, String path, String variable) {
        try {
            return clients.get(service).get().uri(path, variable).headers(h -> {
                HttpServletRequest caller = caller();
                if (caller != null) {
                    for (String name : new String[] {IdentityCodec.HEADER, IdentityCodec.SIGNATURE_HEADER}) {
                        String value = caller.getHeader(name);
                        if (value != null) {
                            h.set(name, value);
                        }
                    }
                }
            }).retrieve().body(JsonNode.class);
        } catch (RestClientException e) {
            throw new Unreachable(service, e);
        }
    }

    private static HttpServletRequest caller() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a.getRequest()
                : null;
    }
}

package org.markpoint.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v3/api-docs}: the one public OpenAPI 3.1 document, merged from the services' own documents at request
 * time (so it always describes what is deployed); {@code /api.html} shows it in Swagger UI. A service that does not
 * answer is left out and named in {@code info.x-markpoint-unavailable}.
 */
@RestController
class ApiDocsController {

    private static final Logger log = LoggerFactory.getLogger(ApiDocsController.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, String> services = new LinkedHashMap<>();
    private final OpenApiMerger merger;
    private final Duration timeout;
    private final WebClient http = WebClient.builder()
            .codecs(c -> c.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build();

    ApiDocsController(@Value("${MARKPOINT_QUESTION_URL:http://127.0.0.1:8081}") String question,
                      @Value("${MARKPOINT_MARKING_URL:http://127.0.0.1:8082}") String marking,
                      @Value("${MARKPOINT_PROGRESS_URL:http://127.0.0.1:8083}") String progress,
                      @Value("${markpoint.openapi.fetch-timeout:10s}") Duration timeout) {
        this.timeout = timeout;
        services.put("question-service", question);
        services.put("marking-service", marking);
        services.put("progress-service", progress);
        this.merger = new OpenApiMerger(examples());
    }

    static JsonNode examples() {
        try (InputStream in = new ClassPathResource("openapi/examples.json").getInputStream()) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<String> apiDocs() {
        return Flux.fromIterable(services.entrySet())
                .flatMapSequential(e -> fetch(e.getKey(), e.getValue()))
                .collectList()
                .map(fetched -> {
                    List<OpenApiMerger.ServiceDoc> docs = new ArrayList<>();
                    List<String> unavailable = new ArrayList<>();
                    fetched.forEach(f -> f.doc().ifPresentOrElse(d -> docs.add(new OpenApiMerger.ServiceDoc(
                            f.service(), d)), () -> unavailable.add(f.service())));
                    return JSON.writeValueAsString(merger.merge(docs, unavailable));
                });
    }

    private record Fetched(String service, Optional<JsonNode> doc) {
    }

    private Mono<Fetched> fetch(String service, String baseUrl) {
        return http.get().uri(baseUrl + "/v3/api-docs").retrieve().bodyToMono(String.class).timeout(timeout)
                .map(body -> new Fetched(service, Optional.of(JSON.readTree(body))))
                .onErrorResume(e -> {
                    log.warn("OpenAPI: {} did not give its document ({}); left out of /v3/api-docs", service,
                            e.toString());
                    return Mono.just(new Fetched(service, Optional.empty()));
                });
    }
}

package org.markpoint.gateway.security;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.markpoint.model.problem.ProblemTypes;
import org.markpoint.model.security.Identity;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * LMS API keys of the caller's tenant (the filter already required the admin role for {@code /api/v1/admin/**}):
 * create (the secret is in this answer only), list, revoke. Another tenant's key id answers 404.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/api-keys", produces = MediaType.APPLICATION_JSON_VALUE)
class ApiKeyController {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._:@()-]{1,100}");

    private final ApiKeyStore store;

    ApiKeyController(ApiKeyStore store) {
        this.store = store;
    }

    /** Body: {@code {"name":"Moodle","scopes":["marking","mastery:read"]}}; scopes default to all. */
    record CreateRequest(String name, List<String> scopes) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> create(@RequestBody(required = false) CreateRequest body, ServerWebExchange exchange) {
        Identity caller = exchange.getAttribute(AuthenticationFilter.IDENTITY_ATTRIBUTE);
        if (body == null || body.name() == null || !NAME.matcher(body.name().strip()).matches()) {
            return Mono.just(Problems.invalid("name", "must be 1-100 letters, digits, spaces or . _ : @ ( ) -"));
        }
        List<String> scopes = new ArrayList<>();
        for (String s : body.scopes() == null || body.scopes().isEmpty()
                ? List.of(ApiKeyScope.values()).stream().map(ApiKeyScope::wireName).toList() : body.scopes()) {
            if (ApiKeyScope.of(s).isEmpty()) {
                return Mono.just(Problems.invalid("scopes", "unknown scope '" + s + "' (" + ApiKeyScope.names() + ")"));
            }
            if (!scopes.contains(s)) {
                scopes.add(s);
            }
        }
        return blocking(() -> {
            ApiKeyStore.Created created = store.create(caller.tenant(), body.name().strip(), scopes, caller.subject());
            Map<String, Object> out = view(created.key());
            out.put("key", created.secret());
            return ResponseEntity.created(URI.create("/api/v1/admin/api-keys/" + created.key().id()))
                    .header("Cache-Control", "no-store").body(out);
        });
    }

    @GetMapping
    Mono<ResponseEntity<?>> list(ServerWebExchange exchange) {
        Identity caller = exchange.getAttribute(AuthenticationFilter.IDENTITY_ATTRIBUTE);
        return blocking(() -> ResponseEntity.ok(Map.of("items",
                store.list(caller.tenant()).stream().map(ApiKeyController::view).toList())));
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<?>> revoke(@PathVariable String id, ServerWebExchange exchange) {
        Identity caller = exchange.getAttribute(AuthenticationFilter.IDENTITY_ATTRIBUTE);
        return blocking(() -> store.revoke(caller.tenant(), id) ? ResponseEntity.noContent().build()
                : Problems.entity(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                        "No API key " + id + " in this tenant."));
    }

    private static Mono<ResponseEntity<?>> blocking(java.util.concurrent.Callable<ResponseEntity<?>> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }

    private static Map<String, Object> view(ApiKey k) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", k.id());
        out.put("name", k.name());
        out.put("tenant", k.tenant());
        out.put("scopes", k.scopes());
        out.put("createdAt", k.createdAt().toString());
        out.put("createdBy", k.createdBy());
        out.put("lastUsedAt", str(k.lastUsedAt()));
        out.put("revokedAt", str(k.revokedAt()));
        out.put("status", k.revoked() ? "revoked" : "active");
        return out;
    }

    private static String str(Instant i) {
        return i == null ? null : i.toString();
    }
}

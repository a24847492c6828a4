package org.markpoint.marking.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.markpoint.marking.webhooks.DeliveryDocument;
import org.markpoint.marking.webhooks.WebhookDocument;
import org.markpoint.marking.webhooks.WebhookService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An LMS registers where batch completions and mark overrides are POSTed, and reads the delivery log. */
@RestController
@RequestMapping("/api/v1/marking/webhooks")
class WebhookController {

    record RegisterRequest(@Size(max = 2000) String url, @Size(max = 10) List<String> events,
                           @Size(max = 200) String description) {
    }

    /** {@code secret} is only in the answer to the registration; keep it to verify signatures. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WebhookView(String id, String url, List<String> events, String description, Instant createdAt,
                       String secret) {

        static WebhookView of(WebhookDocument w, boolean withSecret) {
            return new WebhookView(w.id(), w.url(), w.events(), w.description(), w.createdAt(),
                    withSecret ? w.secret() : null);
        }
    }

    record WebhookList(List<WebhookView> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeliveryView(String id, String eventId, String event, String status, int attempts, int lastResponseCode,
                        String lastError, Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt) {

        static DeliveryView of(DeliveryDocument d) {
            return new DeliveryView(d.id(), d.eventId(), d.event(), d.status(), d.attempts(), d.lastResponseCode(),
                    d.lastError(), d.createdAt(), d.lastAttemptAt(),
                    DeliveryDocument.PENDING.equals(d.status()) ? d.nextAttemptAt() : null);
        }
    }

    record DeliveryPage(List<DeliveryView> items, String next) {
    }

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<WebhookView> register(@Valid @RequestBody RegisterRequest request) {
        WebhookDocument hook = webhooks.register(TenantContext.current(), request.url(), request.events(),
                request.description());
        return ResponseEntity.created(URI.create("/api/v1/marking/webhooks/" + hook.id()))
                .body(WebhookView.of(hook, true));
    }

    @GetMapping
    WebhookList list() {
        return new WebhookList(webhooks.list(TenantContext.current()).stream()
                .map(w -> WebhookView.of(w, false)).toList());
    }

    @GetMapping("/{id}")
    WebhookView get(@PathVariable String id) {
        return WebhookView.of(webhooks.get(TenantContext.current(), id), false);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        webhooks.delete(TenantContext.current(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    DeliveryPage deliveries(@PathVariable String id,
                            @RequestParam(defaultValue = "0") @Min(0) int cursor,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        List<DeliveryView> items = webhooks.deliveries(TenantContext.current(), id, cursor, limit).stream()
                .map(DeliveryView::of).toList();
        return new DeliveryPage(items, items.size() == limit ? Integer.toString(cursor + limit) : "");
    }
}

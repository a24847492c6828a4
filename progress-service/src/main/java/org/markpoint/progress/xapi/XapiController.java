package org.markpoint.progress.xapi;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.markpoint.progress.api.TenantContext;
import org.markpoint.progress.support.InvalidRequestException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The stored statements, in the shape of xAPI's StatementResult: {@code statements} (oldest first) and {@code more}
 * (the URL of the next page, "" on the last).
 */
@RestController
@RequestMapping("/api/v1/xapi")
class XapiController {

    record StatementResult(List<JsonNode> statements, String more) {
    }

    private final StatementStore store;

    XapiController(StatementStore store) {
        this.store = store;
    }

    @GetMapping("/statements")
    ResponseEntity<StatementResult> statements(@RequestParam(defaultValue = "") @Size(max = 200) String learner,
                                               @RequestParam(defaultValue = "") String since,
                                               @RequestParam(defaultValue = "0") @Min(0) int cursor,
                                               @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        Instant after = null;
        if (!since.isBlank()) {
            try {
                after = Instant.parse(since);
            } catch (DateTimeParseException e) {
                throw new InvalidRequestException("since", "must be an ISO 8601 UTC timestamp like "
                        + "2026-01-31T09:00:00Z");
            }
        }
        List<JsonNode> page = store.find(TenantContext.current(), learner, after, cursor, limit).stream()
                .map(d -> StatementStore.JSON.readTree(d.json())).toList();
        String more = page.size() < limit ? "" : ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("cursor", cursor + limit).toUriString();
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header("X-Experience-API-Version", Statement.VERSION);
        if (!more.isEmpty()) {
            ok.header(HttpHeaders.LINK, "<" + more + ">; rel=\"next\"");
        }
        return ok.body(new StatementResult(page, more));
    }
}

package org.markpoint.marking.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.markpoint.marking.batch.BatchDocument;
import org.markpoint.marking.batch.BatchInput;
import org.markpoint.marking.batch.BatchItem;
import org.markpoint.marking.batch.BatchRequest;
import org.markpoint.marking.batch.BatchService;
import org.markpoint.marking.batch.ItemResult;
import org.markpoint.marking.support.CsvRecords;
import org.markpoint.marking.support.InvalidRequestException;
import org.markpoint.marking.support.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Batch marking: up to 100,000 answers as JSON or CSV, 202 + a job URL with progress, results paged as JSON or CSV. */
@RestController
@RequestMapping("/api/v1/marking/batches")
class BatchController {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");
    private static final List<String> CSV_HEADER = List.of("index", "ref", "learnerId", "questionId",
            "questionVersion", "status", "markId", "mark", "maxMarks", "points_hit", "confidence", "feedback", "flags",
            "error");

    private final BatchService batches;
    private final Clock clock;

    BatchController(BatchService batches, Clock clock) {
        this.batches = batches;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BatchView> createFromJson(@RequestBody BatchRequest request,
            @RequestParam(defaultValue = "") @Size(max = 200) String questionId,
            @RequestHeader(name = "Idempotency-Key", defaultValue = "") @Size(max = 200) String key) {
        String defaultQuestion = request.questionId().isBlank() ? questionId : request.questionId();
        List<BatchItem> items = BatchInput.fromJson(request.items(), batches.maxItems());
        return accepted(batches.create(TenantContext.current(), items, defaultQuestion, request.scheme(), key));
    }

    @PostMapping(consumes = "text/csv")
    ResponseEntity<BatchView> createFromCsv(@RequestBody(required = false) String csv,
            @RequestParam(defaultValue = "") @Size(max = 200) String questionId,
            @RequestHeader(name = "Idempotency-Key", defaultValue = "") @Size(max = 200) String key) {
        List<BatchItem> items = BatchInput.fromCsv(csv == null ? "" : csv, !questionId.isBlank(), batches.maxItems());
        return accepted(batches.create(TenantContext.current(), items, questionId, null, key));
    }

    @GetMapping("/{id}")
    BatchView get(@PathVariable String id) {
        BatchDocument b = batches.find(TenantContext.current(), id).orElseThrow(() -> new NotFoundException("batch",
                id));
        return view(b, ServletUriComponentsBuilder.fromCurrentRequestUri().path("/results").toUriString());
    }

    /** JSON by default; {@code Accept: text/csv} (or {@code ?format=csv}) gives the same page as CSV. */
    @GetMapping("/{id}/results")
    ResponseEntity<?> results(@PathVariable String id, @RequestParam(defaultValue = "0") String cursor,
                              @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                              @RequestParam(defaultValue = "") String format,
                              @RequestHeader(name = HttpHeaders.ACCEPT, defaultValue = "") String accept) {
        int from;
        try {
            from = cursor.isBlank() ? 0 : Integer.parseInt(cursor);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("cursor", "must be the 'next' value of a previous page");
        }
        BatchService.ResultsPage page = batches.results(TenantContext.current(), id, from, limit);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (!page.next().isEmpty()) {
            String link = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("cursor", page.next())
                    .toUriString();
            ok.header(HttpHeaders.LINK, "<" + link + ">; rel=\"next\"");
        }
        boolean csv = "csv".equalsIgnoreCase(format) || (accept.contains("text/csv")
                && !accept.contains(MediaType.APPLICATION_JSON_VALUE));
        if (csv) {
            return ok.contentType(new MediaType(TEXT_CSV, java.nio.charset.StandardCharsets.UTF_8))
                    .body(csv(page.items()));
        }
        return ok.contentType(MediaType.APPLICATION_JSON).body(page);
    }

    private ResponseEntity<BatchView> accepted(BatchDocument b) {
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(b.id())
                .toUri();
        return ResponseEntity.accepted().location(location).body(view(b, location + "/results"));
    }

    private BatchView view(BatchDocument b, String resultsUrl) {
        return BatchView.of(b, resultsUrl, clock.instant());
    }

    private static String csv(List<ItemResult> items) {
        StringWriter w = new StringWriter();
        try {
            CsvRecords.writeRow(w, CSV_HEADER);
            for (ItemResult r : items) {
                CsvRecords.writeRow(w, List.of(Integer.toString(r.index()), r.ref(), r.learnerId(), r.questionId(),
                        Integer.toString(r.questionVersion()), r.status(), r.markId(), Integer.toString(r.mark()),
                        Integer.toString(r.maxMarks()), String.join(";", r.pointsHit()),
                        String.format(Locale.ROOT, "%.2f", r.confidence()), String.join(" ", r.feedback()),
                        String.join(";", r.flags()), r.error()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}

package org.markpoint.question.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.markpoint.question.imports.ImportJobDocument;
import org.markpoint.question.imports.ImportRequests;
import org.markpoint.question.imports.ImportService;
import org.markpoint.question.support.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code POST /api/v1/imports?format=seed|moodle|qti&source=NAME} with the file as the raw body: 202 and a job URL
 * whose {@code done}/{@code total} show progress and whose report lists every item imported or skipped. An optional
 * {@code Idempotency-Key} makes a retry return the job the first request started instead of importing again.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping
    ResponseEntity<ImportJobDocument> start(@RequestParam String format,
                                            @RequestParam(defaultValue = "upload") String source,
                                            @RequestHeader(name = "Idempotency-Key", defaultValue = "") String key,
                                            HttpServletRequest request) throws IOException {
        String idempotencyKey = ImportRequests.idempotencyKey(key);
        byte[] content;
        try (InputStream in = request.getInputStream()) {
            content = in.readNBytes(ImportRequests.MAX_BYTES + 1);
        }
        ImportJobDocument job = imports.start(TenantContext.current(), ImportRequests.format(format),
                ImportRequests.sourceName(source), ImportRequests.checkSize(content), idempotencyKey);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(job.id())
                .toUri();
        return ResponseEntity.accepted().location(location).body(job);
    }

    @GetMapping("/{id}")
    ImportJobDocument get(@PathVariable String id) {
        return imports.find(TenantContext.current(), id).orElseThrow(() -> new NotFoundException("import", id));
    }
}

package org.markpoint.question.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.markpoint.question.authoring.QuestionAuthoring;
import org.markpoint.question.authoring.QuestionBank;
import org.markpoint.question.authoring.QuestionDocument;
import org.markpoint.question.authoring.QuestionFilter;
import org.markpoint.question.bank.QuestionSpec;
import org.markpoint.question.security.CurrentIdentity;
import org.markpoint.question.support.IfMatch;
import org.markpoint.question.support.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Questions: create, read (with an ETag), search; edit, publish and retire with {@code If-Match} (428 without it,
 * 412 when someone else changed the question since the client read it).
 */
@RestController
@RequestMapping("/api/v1/questions")
class QuestionController {

    private final QuestionBank bank;
    private final QuestionAuthoring authoring;

    QuestionController(QuestionBank bank, QuestionAuthoring authoring) {
        this.bank = bank;
        this.authoring = authoring;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<QuestionView> create(@Valid @RequestBody CreateQuestionRequest request) {
        QuestionSpec spec = new QuestionSpec(request.id(), request.unitId(), request.learningOutcomes(),
                request.context(), request.scheme());
        QuestionDocument stored = authoring.create(TenantContext.current(), spec,
                request.publish() == null || request.publish());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(stored.id())
                .toUri();
        return ResponseEntity.created(location).eTag(IfMatch.etag(stored.revision())).body(QuestionView.of(stored));
    }

    @GetMapping("/{id}")
    ResponseEntity<QuestionView> get(@PathVariable String id,
                                     @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                                     String ifNoneMatch) {
        QuestionDocument d = bank.find(TenantContext.current(), id)
                .orElseThrow(() -> new NotFoundException("question", id));
        QuestionView view = (CurrentIdentity.asLearnerOnly() ? QuestionView.forLearner(d) : Optional.of(
                QuestionView.of(d))).orElseThrow(() -> new NotFoundException("question", id));
        String etag = IfMatch.etag(d.revision());
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag).body(view);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<QuestionView> edit(@PathVariable String id,
                                      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      @Valid @RequestBody EditQuestionRequest request) {
        return current(authoring.edit(TenantContext.current(), id, IfMatch.parse(ifMatch), request.toSpec(id)));
    }

    @PostMapping("/{id}/publish")
    ResponseEntity<QuestionView> publish(@PathVariable String id,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                         String ifMatch) {
        return current(authoring.publish(TenantContext.current(), id, IfMatch.parse(ifMatch)));
    }

    @PostMapping("/{id}/retire")
    ResponseEntity<QuestionView> retire(@PathVariable String id,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                        String ifMatch) {
        return current(authoring.retire(TenantContext.current(), id, IfMatch.parse(ifMatch)));
    }

    @GetMapping
    ResponseEntity<Page<QuestionView>> list(@RequestParam(defaultValue = "") String unit,
                                            @RequestParam(defaultValue = "") String outcome,
                                            @RequestParam(defaultValue = "") String commandWord,
                                            @RequestParam(defaultValue = "") String status,
                                            @RequestParam(defaultValue = "") String q,
                                            @RequestParam(defaultValue = "") String cursor,
                                            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        boolean learner = CurrentIdentity.asLearnerOnly();
        // a learner sees only the live bank, whatever status they ask for
        QuestionFilter filter = QuestionFilter.parse(unit, outcome, commandWord, learner ? "published" : status, q);
        List<QuestionView> items = bank.page(TenantContext.current(), filter, cursor, limit).stream()
                .flatMap(d -> learner ? QuestionView.forLearner(d).stream() : Stream.of(QuestionView.of(d)))
                .toList();
        String next = items.size() == limit ? items.getLast().id() : "";
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (!next.isEmpty()) {
            String link = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("cursor", next)
                    .toUriString();
            ok.header(HttpHeaders.LINK, "<" + link + ">; rel=\"next\"");
        }
        return ok.body(new Page<>(items, next));
    }

    private static ResponseEntity<QuestionView> current(QuestionDocument d) {
        return ResponseEntity.ok().eTag(IfMatch.etag(d.revision())).body(QuestionView.of(d));
    }
}

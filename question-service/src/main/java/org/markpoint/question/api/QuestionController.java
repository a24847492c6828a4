package org.markpoint.question.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.markpoint.model.scheme.SchemeValidation;
import org.markpoint.question.authoring.QuestionBank;
import org.markpoint.question.authoring.QuestionDocument;
import org.markpoint.question.authoring.QuestionFilter;
import org.markpoint.question.bank.QuestionSpec;
import org.markpoint.question.support.ConflictException;
import org.markpoint.question.support.InvalidRequestException;
import org.markpoint.question.support.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/questions")
class QuestionController {

    private final QuestionBank bank;

    QuestionController(QuestionBank bank) {
        this.bank = bank;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<QuestionView> create(@Valid @RequestBody CreateQuestionRequest request) {
        SchemeValidation.validate(request.scheme(), "scheme").stream().findFirst().ifPresent(v -> {
            throw new InvalidRequestException(v.field(), v.message());
        });
        String tenant = TenantContext.current();
        if (request.id() != null && !request.id().isBlank() && bank.exists(tenant, request.id())) {
            throw new ConflictException("question '" + request.id() + "' already exists");
        }
        QuestionSpec spec = new QuestionSpec(request.id(), request.unitId(), request.learningOutcomes(),
                request.context(), request.scheme());
        QuestionDocument stored = bank.create(tenant, spec, request.publish() == null || request.publish());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(stored.id())
                .toUri();
        return ResponseEntity.created(location).body(QuestionView.of(stored));
    }

    @GetMapping("/{id}")
    QuestionView get(@PathVariable String id) {
        return bank.find(TenantContext.current(), id).map(QuestionView::of)
                .orElseThrow(() -> new NotFoundException("question", id));
    }

    @GetMapping
    ResponseEntity<Page<QuestionView>> list(@RequestParam(defaultValue = "") String unit,
                                            @RequestParam(defaultValue = "") String outcome,
                                            @RequestParam(defaultValue = "") String commandWord,
                                            @RequestParam(defaultValue = "") String cursor,
                                            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        List<QuestionView> items = bank.page(TenantContext.current(), new QuestionFilter(unit, outcome, commandWord),
                cursor, limit).stream().map(QuestionView::of).toList();
        String next = items.size() == limit ? items.getLast().id() : "";
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (!next.isEmpty()) {
            String link = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("cursor", next)
                    .toUriString();
            ok.header(HttpHeaders.LINK, "<" + link + ">; rel=\"next\"");
        }
        return ok.body(new Page<>(items, next));
    }
}

package org.markpoint.marking.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.markpoint.marking.marks.MarkingService;
import org.markpoint.marking.marks.MarkingService.Target;
import org.markpoint.marking.scheme.SchemeDocument;
import org.markpoint.marking.support.ConflictException;
import org.markpoint.marking.support.InvalidRequestException;
import org.markpoint.marking.support.NotFoundException;
import org.markpoint.model.scheme.SchemeValidation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/marking")
class MarkController {

    private final MarkingService marking;

    MarkController(MarkingService marking) {
        this.marking = marking;
    }

    @PostMapping(path = "/mark", consumes = MediaType.APPLICATION_JSON_VALUE)
    MarkResponse mark(@Valid @RequestBody MarkRequest request,
                      @RequestHeader(name = "Idempotency-Key", defaultValue = "") @Size(max = 200) String key) {
        String tenant = TenantContext.current();
        Target target = target(tenant, request);
        return MarkResponse.of(marking.mark(tenant, blankIfNull(request.learnerId()), request.answer(), target,
                blankIfNull(request.quizId()), key));
    }

    @GetMapping("/marks/{id}")
    MarkResponse get(@PathVariable String id) {
        return marking.find(TenantContext.current(), id).map(MarkResponse::of)
                .orElseThrow(() -> new NotFoundException("mark", id));
    }

    private Target target(String tenant, MarkRequest request) {
        boolean hasQuestion = request.questionId() != null && !request.questionId().isBlank();
        if (hasQuestion == (request.scheme() != null)) {
            throw new InvalidRequestException(hasQuestion ? "scheme" : "questionId",
                    "give exactly one of questionId or scheme");
        }
        if (hasQuestion) {
            SchemeDocument stored = marking.scheme(tenant, request.questionId())
                    .orElseThrow(() -> new NotFoundException("question", request.questionId()));
            if (stored.retired()) {
                throw new ConflictException("question '" + request.questionId() + "' version " + stored.version()
                        + " was retired; it no longer takes answers");
            }
            return Target.of(stored);
        }
        SchemeValidation.validate(request.scheme(), "scheme").stream().findFirst().ifPresent(v -> {
            throw new InvalidRequestException(v.field(), v.message());
        });
        return new Target("", 0, java.util.List.of(), request.scheme());
    }

    private static String blankIfNull(String s) {
        return s == null ? "" : s;
    }
}

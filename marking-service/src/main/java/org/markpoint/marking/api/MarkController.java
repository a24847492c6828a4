package org.markpoint.marking.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.markpoint.marking.marks.MarkDocument;
import org.markpoint.marking.marks.MarkingService;
import org.markpoint.marking.marks.MarkingService.Target;
import org.markpoint.marking.security.CurrentIdentity;
import org.markpoint.marking.support.ConflictException;
import org.markpoint.marking.support.NotFoundException;
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
        String learnerId = CurrentIdentity.learnerFor(request.learnerId());
        Target target = marking.target(tenant, request.questionId(), request.scheme());
        MarkDocument mark = marking.mark(tenant, learnerId, request.answer(), target, blankIfNull(request.quizId()),
                key);
        if (!CurrentIdentity.maySee(mark.learnerId())) {
            // the key already names another learner's mark: do not hand it over
            throw new ConflictException("Idempotency-Key '" + key + "' was already used for another answer");
        }
        return MarkResponse.of(mark);
    }

    /**
     * Marks without keeping anything: a scheme author's "try it". Nothing is stored, no event is owed, nothing reaches
     * the review queue or anyone's mastery; the response has no {@code markId}.
     */
    @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    MarkResponse preview(@Valid @RequestBody MarkRequest request) {
        String tenant = TenantContext.current();
        Target target = marking.target(tenant, request.questionId(), request.scheme());
        return MarkResponse.of(marking.prepare(tenant, "", request.answer(), target, "", null, null));
    }

    @GetMapping("/marks/{id}")
    MarkResponse get(@PathVariable String id) {
        return marking.find(TenantContext.current(), id).filter(m -> CurrentIdentity.maySee(m.learnerId()))
                .map(MarkResponse::of).orElseThrow(() -> new NotFoundException("mark", id));
    }

    private static String blankIfNull(String s) {
        return s == null ? "" : s;
    }
}

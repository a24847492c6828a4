package org.markpoint.marking.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.markpoint.marking.marks.MarkingService;
import org.markpoint.marking.moderation.Agreement;
import org.markpoint.marking.moderation.ModerationService;
import org.markpoint.marking.security.CurrentIdentity;
import org.markpoint.marking.support.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tutors moderate: the review queue (low confidence or appealed), accept, override with a reason, agreement. */
@RestController
@RequestMapping("/api/v1/marking")
class ModerationController {

    record OverrideRequest(@NotNull @Min(0) Integer mark, @NotBlank @Size(max = 2000) String reason,
                           @Size(max = 200) String tutorId) {
    }

    record AppealRequest(@Size(max = 2000) String reason) {
    }

    record ArticleTwentyTwoAppeal(@NotBlank @Size(max = 2000) String reason) {
    }

    record AcceptRequest(@Size(max = 200) String tutorId) {
    }

    record QueuePage(List<MarkResponse> items, String next) {
    }

    private final ModerationService moderation;
    private final MarkingService marking;

    ModerationController(ModerationService moderation, MarkingService marking) {
        this.moderation = moderation;
        this.marking = marking;
    }

    @GetMapping("/review-queue")
    QueuePage queue(@RequestParam(defaultValue = "") String questionId,
                    @RequestParam(defaultValue = "") String cursor,
                    @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        List<MarkResponse> items = moderation.queue(TenantContext.current(), questionId, cursor, limit).stream()
                .map(MarkResponse::of).toList();
        return new QueuePage(items, items.size() == limit ? items.getLast().markId() : "");
    }

    @PostMapping(path = "/marks/{id}/override", consumes = MediaType.APPLICATION_JSON_VALUE)
    MarkResponse override(@PathVariable String id, @Valid @RequestBody OverrideRequest request) {
        return MarkResponse.of(moderation.override(TenantContext.current(), id, request.mark(), request.reason(),
                tutorOr(request.tutorId()), CurrentIdentity.get().subject()));
    }

    /** The learner asks for a human review of their own mark (GDPR Article 22); once per mark. */
    @PostMapping(path = "/marks/{id}/appeals", consumes = MediaType.APPLICATION_JSON_VALUE)
    MarkResponse appeal(@PathVariable String id, @Valid @RequestBody ArticleTwentyTwoAppeal request) {
        return appeal(id, request.reason());
    }

    /** The first form of the appeal, where the reason may be left out. */
    @PostMapping(path = "/marks/{id}/appeal", consumes = MediaType.APPLICATION_JSON_VALUE)
    MarkResponse legacyAppeal(@PathVariable String id, @Valid @RequestBody AppealRequest request) {
        return appeal(id, request.reason() == null ? "" : request.reason());
    }

    private MarkResponse appeal(String id, String reason) {
        String tenant = TenantContext.current();
        // a learner appeals only their own marks; anyone else's is answered as if it did not exist
        marking.find(tenant, id).filter(m -> CurrentIdentity.maySee(m.learnerId()))
                .orElseThrow(() -> new NotFoundException("mark", id));
        return MarkResponse.of(moderation.appeal(tenant, id, reason, CurrentIdentity.get().subject()));
    }

    @PostMapping(path = "/marks/{id}/accept", consumes = MediaType.APPLICATION_JSON_VALUE)
    MarkResponse accept(@PathVariable String id, @Valid @RequestBody AcceptRequest request) {
        return MarkResponse.of(moderation.accept(TenantContext.current(), id, tutorOr(request.tutorId()),
                CurrentIdentity.get().subject()));
    }

    /** The tutor named in the body (the legacy field), else the caller. */
    private static String tutorOr(String tutorId) {
        return tutorId == null || tutorId.isBlank() ? CurrentIdentity.get().subject() : tutorId;
    }

    @GetMapping("/agreement")
    Agreement agreement(@RequestParam(defaultValue = "") String questionId) {
        return moderation.agreement(TenantContext.current(), questionId);
    }
}

package org.markpoint.question.api;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.markpoint.question.privacy.ErasedLearners;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * question-service's part of GDPR, internal (progress-service composes the admin API from it): its share of a
 * learner's export (nothing: the bank holds no learner data) and whether it acknowledged an erasure.
 */
@RestController
class PrivacyController {

    static final String SERVICE = "question-service";

    record LearnerExport(String service, String learnerId, boolean found, List<Object> items, String note) {
    }

    record ErasureAck(String service, boolean acknowledged, Instant acknowledgedAt) {
    }

    private final ErasedLearners erased;

    PrivacyController(ErasedLearners erased) {
        this.erased = erased;
    }

    @GetMapping("/api/v1/internal/learners/{id}/export")
    LearnerExport export(@PathVariable @Size(max = 200) String id) {
        return new LearnerExport(SERVICE, id, false, List.of(),
                "question-service holds questions, units and import jobs; none is keyed by or names a learner");
    }

    @GetMapping("/api/v1/internal/erasures/{pseudonym}")
    ErasureAck erasure(@PathVariable @Size(max = 200) String pseudonym) {
        return erased.find(pseudonym).filter(t -> t.tenantId().equals(TenantContext.current()))
                .map(t -> new ErasureAck(SERVICE, true, t.acknowledgedAt()))
                .orElse(new ErasureAck(SERVICE, false, null));
    }
}

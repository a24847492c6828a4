package org.markpoint.marking.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.markpoint.marking.audit.AuditEntry;
import org.markpoint.marking.audit.AuditLog;
import org.markpoint.marking.privacy.ErasedLearner;
import org.markpoint.marking.privacy.LearnerData;
import org.markpoint.marking.privacy.Tombstones;
import org.markpoint.marking.security.CurrentIdentity;
import org.markpoint.model.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GDPR: marking-service's part of a learner's export and of an erasure's progress (internal: progress-service composes
 * them for the admin API), and the audit log of mark changes. Admins only.
 */
@RestController
class PrivacyController {

    static final String SERVICE = "marking-service";

    /** Everything marking-service holds about a learner; {@code found} is false when it holds nothing. */
    record LearnerExport(String service, String learnerId, boolean found, List<MarkResponse> marks,
                         List<LearnerData.BatchEntry> batchItems, List<AuditEntry> audit) {
    }

    /** Whether this service has erased the learner behind {@code pseudonym}. */
    record ErasureAck(String service, boolean acknowledged, Instant acknowledgedAt) {
    }

    record AuditPage(List<AuditEntry> items, String next) {
    }

    private final LearnerData learners;
    private final AuditLog audit;
    private final Tombstones tombstones;

    PrivacyController(LearnerData learners, AuditLog audit, Tombstones tombstones) {
        this.learners = learners;
        this.audit = audit;
        this.tombstones = tombstones;
    }

    @GetMapping("/api/v1/internal/learners/{id}/export")
    LearnerExport export(@PathVariable @Size(max = 200) String id) {
        requireAdmin();
        String tenant = TenantContext.current();
        List<MarkResponse> marks = learners.marks(tenant, id).stream().map(MarkResponse::of).toList();
        List<LearnerData.BatchEntry> batchItems = learners.batchEntries(tenant, id);
        List<AuditEntry> entries = audit.ofLearner(tenant, id);
        return new LearnerExport(SERVICE, id, !marks.isEmpty() || !batchItems.isEmpty() || !entries.isEmpty(), marks,
                batchItems, entries);
    }

    @GetMapping("/api/v1/internal/erasures/{pseudonym}")
    ErasureAck erasure(@PathVariable @Size(max = 200) String pseudonym) {
        requireAdmin();
        return tombstones.find(pseudonym).filter(t -> t.tenantId().equals(TenantContext.current()))
                .map(ErasedLearner::acknowledgedAt)
                .map(at -> new ErasureAck(SERVICE, true, at))
                .orElse(new ErasureAck(SERVICE, false, null));
    }

    /** Who changed which mark, when, from what to what and why: per mark, or per learner, oldest first. */
    @GetMapping("/api/v1/admin/audit")
    AuditPage audit(@RequestParam(defaultValue = "") @Size(max = 200) String markId,
                    @RequestParam(defaultValue = "") @Size(max = 200) String learnerId,
                    @RequestParam(defaultValue = "") @Size(max = 64) String cursor,
                    @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        requireAdmin();
        List<AuditEntry> items = audit.page(TenantContext.current(), markId, learnerId, cursor, limit);
        return new AuditPage(items, items.size() == limit ? items.getLast().id() : "");
    }

    /** Defence in depth behind the gateway and the identity filter's role rules. */
    static void requireAdmin() {
        if (!CurrentIdentity.get().has(Role.ADMIN)) {
            throw Forbidden.because("admins only");
        }
    }
}

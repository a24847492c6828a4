package org.markpoint.progress.privacy;

import jakarta.validation.constraints.Size;
import java.net.URI;
import org.markpoint.model.problem.ProblemTypes;
import org.markpoint.model.security.Role;
import org.markpoint.progress.api.TenantContext;
import org.markpoint.progress.security.CurrentIdentity;
import org.markpoint.progress.support.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** GDPR admin API: export everything held about a learner, erase them, follow an erasure. Admins only. */
@RestController
@RequestMapping("/api/v1/admin")
class PrivacyController {

    private final LearnerPrivacy privacy;

    PrivacyController(LearnerPrivacy privacy) {
        this.privacy = privacy;
    }

    @GetMapping("/learners/{id}/export")
    LearnerPrivacy.LearnerExport export(@PathVariable @Size(max = 200) String id) {
        requireAdmin();
        return privacy.export(TenantContext.current(), learner(id));
    }

    @DeleteMapping("/learners/{id}")
    ResponseEntity<LearnerPrivacy.ErasureView> erase(@PathVariable @Size(max = 200) String id) {
        requireAdmin();
        LearnerPrivacy.ErasureView erasure = privacy.erase(TenantContext.current(), learner(id),
                CurrentIdentity.get().subject());
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/erasures/" + erasure.erasureId()))
                .body(erasure);
    }

    @GetMapping("/erasures/{id}")
    LearnerPrivacy.ErasureView erasure(@PathVariable @Size(max = 200) String id) {
        requireAdmin();
        return privacy.status(TenantContext.current(), id);
    }

    /** A service that did not answer: 503 naming it, never a partial answer passed off as complete. */
    @ExceptionHandler(OtherServices.Unreachable.class)
    ResponseEntity<ProblemDetail> unreachable(OtherServices.Unreachable e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.service()
                + " did not answer; nothing was exported or erased, try again when it is back");
        p.setType(ProblemTypes.SERVICE_UNAVAILABLE);
        p.setTitle("Service unavailable");
        p.setProperty("service", e.service());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30").body(p);
    }

    private static String learner(String id) {
        if (id.isBlank()) {
            throw new InvalidRequestException("id", "must not be blank");
        }
        return id;
    }

    /** Defence in depth behind the gateway and the identity filter's role rules. */
    private static void requireAdmin() {
        if (!CurrentIdentity.get().has(Role.ADMIN)) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "admins only");
            p.setType(ProblemTypes.FORBIDDEN);
            p.setTitle("Forbidden");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, p, null);
        }
    }
}

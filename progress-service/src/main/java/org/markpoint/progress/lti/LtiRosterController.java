package org.markpoint.progress.lti;

import org.markpoint.progress.api.TenantContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A tutor refreshes an LMS course's cohort roster from the LMS (NRPS) now. */
@RestController
@RequestMapping("/api/v1/lti/cohorts")
class LtiRosterController {

    private final RosterSync sync;

    LtiRosterController(RosterSync sync) {
        this.sync = sync;
    }

    @PostMapping("/{cohortId}/roster-sync")
    LtiContexts.LastSync sync(@PathVariable String cohortId) {
        return sync.sync(TenantContext.current(), cohortId);
    }

    /** The LMS failed us: 502, with what it said. */
    @ExceptionHandler(PlatformClient.PlatformException.class)
    ResponseEntity<ProblemDetail> platformFailed(PlatformClient.PlatformException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
        problem.setTitle("The LMS did not answer as expected");
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

package org.markpoint.marking.api;

import org.markpoint.model.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A 403 problem ({@link ProblemTypes#FORBIDDEN}) for a caller whose role does not allow the request. */
final class Forbidden {

    private Forbidden() {
    }

    static ErrorResponseException because(String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        p.setType(ProblemTypes.FORBIDDEN);
        p.setTitle("Forbidden");
        return new ErrorResponseException(HttpStatus.FORBIDDEN, p, null);
    }
}

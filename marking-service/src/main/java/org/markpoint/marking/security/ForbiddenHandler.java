package org.markpoint.marking.security;

import org.markpoint.model.problem.ProblemTypes;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** {@link ForbiddenException} as an RFC 9457 403, like the ones {@link IdentityFilter} sends. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ForbiddenHandler {

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        p.setType(ProblemTypes.FORBIDDEN);
        p.setTitle("Forbidden");
        return p;
    }
}

package org.markpoint.gateway.openapi;

import java.net.URI;
import java.util.List;
import org.markpoint.model.problem.ProblemTypes;

/** Every RFC 9457 problem type an API caller can meet, with its status and a typical body, for the OpenAPI page. */
final class ProblemCatalog {

    record Entry(String name, URI type, int status, String title, String detail, String field) {
    }

    static final List<Entry> ALL = List.of(
            new Entry("Validation", ProblemTypes.VALIDATION, 400, "Invalid request",
                    "answer must not be blank", "answer"),
            new Entry("MalformedRequest", ProblemTypes.MALFORMED_REQUEST, 400, "Malformed request",
                    "The request body is not valid JSON or is missing", ""),
            new Entry("Unauthenticated", ProblemTypes.UNAUTHENTICATED, 401, "Unauthenticated",
                    "Send Authorization: Bearer <token> or X-Api-Key: mpk_...", ""),
            new Entry("Forbidden", ProblemTypes.FORBIDDEN, 403, "Forbidden",
                    "Your role (lms) may not do this", ""),
            new Entry("NotFound", ProblemTypes.NOT_FOUND, 404, "Not found", "No mark 'm-123'", ""),
            new Entry("MethodNotAllowed", ProblemTypes.METHOD_NOT_ALLOWED, 405, "Method not allowed",
                    "Request method 'PUT' is not supported", ""),
            new Entry("Conflict", ProblemTypes.CONFLICT, 409, "Conflict",
                    "Question q-7 has no published version to mark against", ""),
            new Entry("QuestionRetired", ProblemTypes.QUESTION_RETIRED, 409, "Question retired",
                    "Question q-7 was retired; its marks stay readable but new answers cannot be marked", ""),
            new Entry("PayloadTooLarge", ProblemTypes.PAYLOAD_TOO_LARGE, 413, "Payload too large",
                    "A batch holds at most 100000 items", ""),
            new Entry("UnsupportedMediaType", ProblemTypes.UNSUPPORTED_MEDIA_TYPE, 415, "Unsupported media type",
                    "Send the body as application/json (got text/plain)", ""),
            new Entry("RateLimited", ProblemTypes.RATE_LIMITED, 429, "Too many requests",
                    "Slow down: try again after the Retry-After seconds", ""),
            new Entry("Internal", ProblemTypes.INTERNAL, 500, "Internal error",
                    "Something went wrong on our side; the request was not applied.", ""),
            new Entry("ServiceUnavailable", ProblemTypes.SERVICE_UNAVAILABLE, 503, "Service unavailable",
                    "marking-service is not answering right now; nothing was changed. Try again shortly.", ""));

    private ProblemCatalog() {
    }
}

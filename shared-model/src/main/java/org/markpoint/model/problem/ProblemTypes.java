package org.markpoint.model.problem;

import java.net.URI;

/** RFC 9457 problem type URIs shared by every service, so clients can switch on them. */
public final class ProblemTypes {

    private static final String BASE = "https://markpoint.org/problems/";

    public static final URI VALIDATION = URI.create(BASE + "validation");
    public static final URI MALFORMED_REQUEST = URI.create(BASE + "malformed-request");
    public static final URI NOT_FOUND = URI.create(BASE + "not-found");
    public static final URI CONFLICT = URI.create(BASE + "conflict");
    public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create(BASE + "unsupported-media-type");
    public static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");
    public static final URI SERVICE_UNAVAILABLE = URI.create(BASE + "service-unavailable");
    public static final URI QUESTION_RETIRED = URI.create(BASE + "question-retired");
    public static final URI METHOD_NOT_ALLOWED = URI.create(BASE + "method-not-allowed");
    public static final URI INTERNAL = URI.create(BASE + "internal");
    /** 401: no credential, or one that is forged, expired or from an unknown issuer. */
    public static final URI UNAUTHENTICATED = URI.create(BASE + "unauthenticated");
    /** 403: a known caller whose role does not allow this (another tenant's ids answer 404, never 403). */
    public static final URI FORBIDDEN = URI.create(BASE + "forbidden");
    /** 429 with Retry-After. */
    public static final URI RATE_LIMITED = URI.create(BASE + "rate-limited");

    private ProblemTypes() {
    }
}

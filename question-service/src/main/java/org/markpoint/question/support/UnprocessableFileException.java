package org.markpoint.question.support;

/** An uploaded file that cannot be read as its format (invalid XML, a zip bomb, ...): answered as 422. */
public class UnprocessableFileException extends RuntimeException {

    public UnprocessableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}

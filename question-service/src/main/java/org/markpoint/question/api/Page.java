package org.markpoint.question.api;

import java.util.List;

/** A page of results; {@code next} is the cursor to pass back, empty on the last page. */
public record Page<T>(List<T> items, String next) {
}

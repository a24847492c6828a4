package org.markpoint.model.scheme;

/** What learners wrongly say, and the correction to show them. */
public record Misconception(String id, String pattern, String correction) {
}

package org.markpoint.marking.engine;

/** A span of the learner's own text: character offsets into the original answer, end exclusive. */
public record Evidence(int start, int end, String text) {
}

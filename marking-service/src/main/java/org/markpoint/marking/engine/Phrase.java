package org.markpoint.marking.engine;

import java.util.List;

/** A compiled phrasing of a marking point or misconception: its concepts, matched order-free within a window. */
record Phrase(String source, List<Term> terms, int window) {

    static final int UNBOUNDED = Integer.MAX_VALUE;

    Phrase {
        terms = List.copyOf(terms);
    }

    boolean isEmpty() {
        return terms.isEmpty();
    }
}

package org.markpoint.marking.engine;

import java.util.List;

/**
 * One concept of a phrase: the ways of saying it (each a sequence of matching keys, so "repeat business" can stand
 * for "loyalty"), the single words eligible for misspelling tolerance, and whether the phrase itself negates it.
 */
record Term(String label, List<List<String>> alternatives, List<String> fuzzyForms, boolean negatedInPhrase) {

    Term {
        alternatives = List.copyOf(alternatives);
        fuzzyForms = List.copyOf(fuzzyForms);
    }
}

package org.markpoint.marking.engine;

/**
 * One word of an analysed text. {@code start}/{@code end} index into the ORIGINAL string (end exclusive), so
 * evidence is always shown in the learner's own words; {@code norm} is the normalised surface form, {@code key}
 * the matching key (stem of the lemma). A contraction ("don't") yields two tokens sharing one span.
 */
record Token(int start, int end, String norm, String lemma, String key, String pos, int sentence, boolean content) {

    boolean isVerb() {
        return pos.startsWith("VERB") || pos.startsWith("AUX") || pos.startsWith("VB") || pos.startsWith("MD");
    }

    boolean isWord() {
        return !norm.isEmpty() && Character.isLetterOrDigit(norm.charAt(0));
    }
}

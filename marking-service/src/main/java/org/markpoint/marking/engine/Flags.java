package org.markpoint.marking.engine;

/** The wire names of the flags the engine raises (lowercase, stable: LMSs code against them). */
public final class Flags {

    public static final String BLANK = "blank";
    public static final String TOO_SHORT = "too_short";
    public static final String TOO_LONG = "too_long";
    public static final String COPIED_QUESTION = "copied_question";
    public static final String OFF_TOPIC = "off_topic";
    public static final String NOT_ENGLISH = "not_english";
    public static final String POSSIBLE_GAMING = "possible_gaming";
    public static final String NEEDS_REVIEW = "needs_review";

    private Flags() {
    }
}

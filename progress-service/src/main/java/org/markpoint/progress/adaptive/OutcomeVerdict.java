package org.markpoint.progress.adaptive;

/** Where an outcome stands for the quiz's classification stop. */
public enum OutcomeVerdict {
    MASTERED,
    NOT_MASTERED,
    UNDECIDED
}

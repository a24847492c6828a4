package org.markpoint.progress.quiz.session;

/** Where one quiz item stands; {@code MARK_PENDING} covers both "being marked now" and "marked later, async". */
public enum ItemStatus {
    AWAITING_ANSWER("awaiting-answer"),
    MARK_PENDING("mark-pending"),
    MARKED("marked");

    private final String wireName;

    ItemStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}

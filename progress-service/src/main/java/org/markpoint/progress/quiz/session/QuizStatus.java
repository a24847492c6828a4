package org.markpoint.progress.quiz.session;

public enum QuizStatus {
    ACTIVE("active"),
    FINISHED("finished");

    private final String wireName;

    QuizStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}

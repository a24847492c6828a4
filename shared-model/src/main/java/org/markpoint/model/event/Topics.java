package org.markpoint.model.event;

import java.util.List;

/** Topic names ({@code markpoint.<stream>.v<major>}); each has a {@code .dlt} twin for poison messages. */
public final class Topics {

    public static final String QUESTION = "markpoint.question.v1";
    public static final String ANSWER_SUBMITTED = "markpoint.answer-submitted.v1";
    public static final String ANSWER_MARKED = "markpoint.answer-marked.v1";
    public static final String MASTERY = "markpoint.mastery.v1";
    public static final String LEARNER = "markpoint.learner.v1";

    public static final List<String> ALL = List.of(QUESTION, ANSWER_SUBMITTED, ANSWER_MARKED, MASTERY, LEARNER);

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + ".dlt";
    }

    /** The topic an event body belongs on. */
    public static String of(MarkpointEvent event) {
        return switch (event) {
            case BankEvent e -> QUESTION;
            case AnswerEvent e -> ANSWER_SUBMITTED;
            case MarkEvent e -> ANSWER_MARKED;
            case MasteryEvent e -> MASTERY;
            case LearnerEvent e -> LEARNER;
        };
    }
}

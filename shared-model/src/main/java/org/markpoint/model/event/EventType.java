package org.markpoint.model.event;

import java.util.Arrays;
import java.util.Optional;

/** Logical type ids on the wire: never Java class names. */
public enum EventType {
    QUESTION_PUBLISHED("QuestionPublished", 1, QuestionPublished.class),
    QUESTION_RETIRED("QuestionRetired", 1, QuestionRetired.class),
    ANSWER_SUBMITTED("AnswerSubmitted", 1, AnswerSubmitted.class),
    ANSWER_MARKED("AnswerMarked", 1, AnswerMarked.class),
    MARK_OVERRIDDEN("MarkOverridden", 1, MarkOverridden.class),
    MASTERY_UPDATED("MasteryUpdated", 1, MasteryUpdated.class),
    QUIZ_COMPLETED("QuizCompleted", 1, QuizCompleted.class),
    LEARNER_ERASED("LearnerErased", 1, LearnerErased.class);

    private final String wireName;
    private final int schemaVersion;
    private final Class<? extends MarkpointEvent> bodyType;

    EventType(String wireName, int schemaVersion, Class<? extends MarkpointEvent> bodyType) {
        this.wireName = wireName;
        this.schemaVersion = schemaVersion;
        this.bodyType = bodyType;
    }

    public String wireName() {
        return wireName;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public Class<? extends MarkpointEvent> bodyType() {
        return bodyType;
    }

    public static Optional<EventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    public static EventType of(MarkpointEvent body) {
        return Arrays.stream(values()).filter(t -> t.bodyType == body.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event type for " + body.getClass()));
    }
}

package org.markpoint.model.event;

/** Events on {@link Topics#MASTERY}, keyed by learner id. */
public sealed interface MasteryEvent extends MarkpointEvent permits MasteryUpdated, QuizCompleted {

    String learnerId();

    @Override
    default String partitionKey() {
        return learnerId();
    }
}

package org.markpoint.model.event;

/** Events on {@link Topics#ANSWER_SUBMITTED}: answers waiting for marking, keyed by learner id. */
public sealed interface AnswerEvent extends MarkpointEvent permits AnswerSubmitted {

    String learnerId();

    @Override
    default String partitionKey() {
        return learnerId();
    }
}

package org.markpoint.model.event;

/**
 * Events on {@link Topics#ANSWER_MARKED}: marks and their overrides share a topic keyed by learner id, so an override
 * can never overtake the mark it replaces.
 */
public sealed interface MarkEvent extends MarkpointEvent permits AnswerMarked, MarkOverridden {

    String learnerId();

    @Override
    default String partitionKey() {
        return learnerId();
    }
}

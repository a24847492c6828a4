package org.markpoint.model.event;

/** Events on {@link Topics#LEARNER}: learner lifecycle (GDPR erasure), keyed by learner id. */
public sealed interface LearnerEvent extends MarkpointEvent permits LearnerErased {

    String learnerId();

    @Override
    default String partitionKey() {
        return learnerId();
    }
}

package org.markpoint.model.event;

/**
 * Every event body. Each stream (topic) has its own sealed sub-interface; {@link #partitionKey()} is the id whose
 * order matters on that stream (learner id for learner events, question id for bank events).
 */
public sealed interface MarkpointEvent permits BankEvent, AnswerEvent, MarkEvent, MasteryEvent, LearnerEvent {

    String partitionKey();
}

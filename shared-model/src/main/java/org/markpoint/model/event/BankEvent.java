package org.markpoint.model.event;

/** Events on {@link Topics#QUESTION}: the bank's published state, keyed by question id. */
public sealed interface BankEvent extends MarkpointEvent permits QuestionPublished, QuestionRetired {

    String questionId();

    @Override
    default String partitionKey() {
        return questionId();
    }
}

package org.markpoint.model.event;

/** A question version is withdrawn: no new marks against it. */
public record QuestionRetired(String questionId, int version) implements BankEvent {
}

package org.markpoint.model.event;

/** GDPR erasure: every service deletes or anonymises what it holds about the learner. */
public record LearnerErased(String learnerId) implements LearnerEvent {
}

package org.markpoint.marking.privacy;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The tombstone of an erased learner ({@code _id} = their {@code LearnerPseudonym}, never their id): a late event
 * about them is dropped instead of bringing them back, and {@code acknowledgedAt} tells the erasure's requester that
 * this service has erased them. {@code erasureId} is the {@code LearnerErased} event's id.
 */
@Document("erased_learners")
public record ErasedLearner(@Id String pseudonym, String tenantId, String erasureId, Instant acknowledgedAt) {
}

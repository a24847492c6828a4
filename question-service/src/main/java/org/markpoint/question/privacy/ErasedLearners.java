package org.markpoint.question.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.markpoint.model.privacy.LearnerPseudonym;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * question-service holds nothing keyed by a learner (the bank is authors' work), so erasing one here is only the
 * acknowledgement: a tombstone under the learner's pseudonym, never their id.
 */
@Component
public class ErasedLearners {

    /** {@code _id} is the learner's pseudonym; {@code erasureId} the {@code LearnerErased} event's id. */
    @Document("erased_learners")
    public record ErasedLearner(@Id String pseudonym, String tenantId, String erasureId, Instant acknowledgedAt) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    public ErasedLearners(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public void erase(String tenantId, String learnerId, String erasureId) {
        String pseudonym = LearnerPseudonym.of(tenantId, learnerId);
        if (find(pseudonym).isEmpty()) {
            mongo.save(new ErasedLearner(pseudonym, tenantId, erasureId, clock.instant()));
        }
    }

    public Optional<ErasedLearner> find(String pseudonym) {
        return Optional.ofNullable(mongo.findById(pseudonym, ErasedLearner.class));
    }
}

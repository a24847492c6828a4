package org.markpoint.marking.privacy;

import java.util.Optional;
import org.markpoint.model.privacy.LearnerPseudonym;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Which learners were erased here, by pseudonym: checked before anything about a learner is stored. */
@Component
public class Tombstones {

    private final MongoTemplate mongo;

    public Tombstones(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public boolean erased(String tenantId, String learnerId) {
        return !learnerId.isBlank() && find(LearnerPseudonym.of(tenantId, learnerId)).isPresent();
    }

    public Optional<ErasedLearner> find(String pseudonym) {
        return Optional.ofNullable(mongo.findById(pseudonym, ErasedLearner.class));
    }

    void save(ErasedLearner tombstone) {
        mongo.save(tombstone);
    }
}

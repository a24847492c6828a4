package org.markpoint.progress.privacy;

import java.util.Optional;
import org.markpoint.model.privacy.LearnerPseudonym;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Which learners were erased, by pseudonym: consumers check it before storing anything about a learner. */
@Component
public class Tombstones {

    private final MongoTemplate mongo;

    public Tombstones(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public boolean erased(String tenantId, String learnerId) {
        return find(tenantId, learnerId).isPresent();
    }

    Optional<ErasureDocument> find(String tenantId, String learnerId) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("tenantId").is(tenantId).and("pseudonym")
                .is(LearnerPseudonym.of(tenantId, learnerId))), ErasureDocument.class));
    }
}

package org.markpoint.progress.cohort;

import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Cohorts kept in step with an LMS course (LTI): created on the first launch from the course, each launching learner
 * enrolled, and the whole roster replaced from the course's membership list. Each is one atomic single-document
 * write that bumps the version, so a tutor's concurrent roster edit fails and retries rather than interleaves.
 */
@Service
public class CohortRosters {

    private final MongoTemplate mongo;

    CohortRosters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Creates the cohort if it does not exist (named after the course), then adds the learner if given. */
    public void enrol(String tenantId, String cohortId, String name, String learnerId) {
        Update update = new Update().setOnInsert("createdAt", Instant.now())
                .set("name", name).inc("version", 1);
        if (learnerId.isEmpty()) {
            update.setOnInsert("learnerIds", List.of());
        } else {
            update.addToSet("learnerIds", learnerId);
        }
        mongo.findAndModify(byId(tenantId, cohortId), update, FindAndModifyOptions.options().upsert(true),
                CohortDocument.class);
    }

    /** The roster becomes exactly {@code learnerIds} (the LMS's list of active learners). */
    public void replace(String tenantId, String cohortId, List<String> learnerIds) {
        mongo.updateFirst(byId(tenantId, cohortId), new Update().set("learnerIds", List.copyOf(learnerIds))
                .inc("version", 1), CohortDocument.class);
    }

    private static Query byId(String tenantId, String cohortId) {
        return new Query(Criteria.where("_id").is(cohortId).and("tenantId").is(tenantId));
    }
}

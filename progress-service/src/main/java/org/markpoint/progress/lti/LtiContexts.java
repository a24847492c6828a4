package org.markpoint.progress.lti;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The LMS course behind each LTI cohort: which platform, its context id, and where its roster comes from. */
@Repository
class LtiContexts {

    /** How the last roster sync went. */
    record LastSync(Instant at, int members, int learners, String error) {
    }

    @Document("lti_contexts")
    record LtiContext(@Id String cohortId, String tenantId, String registrationId, String contextId, String title,
                      String membershipsUrl, LastSync lastSync) {
    }

    private final MongoTemplate mongo;

    LtiContexts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records the course (keeping the last known membership URL if this launch carries none). */
    void remember(String tenantId, String cohortId, LtiRegistration reg, String contextId, String title,
                  String membershipsUrl) {
        Update update = new Update().set("registrationId", reg.id()).set("contextId", contextId).set("title", title);
        if (!membershipsUrl.isEmpty()) {
            update.set("membershipsUrl", membershipsUrl);
        }
        mongo.findAndModify(byId(tenantId, cohortId), update, FindAndModifyOptions.options().upsert(true),
                LtiContext.class);
    }

    Optional<LtiContext> find(String tenantId, String cohortId) {
        return Optional.ofNullable(mongo.findOne(byId(tenantId, cohortId), LtiContext.class));
    }

    void synced(String tenantId, String cohortId, LastSync result) {
        mongo.updateFirst(byId(tenantId, cohortId), new Update().set("lastSync", result), LtiContext.class);
    }

    private static Query byId(String tenantId, String cohortId) {
        return new Query(Criteria.where("_id").is(cohortId).and("tenantId").is(tenantId));
    }
}

package org.markpoint.progress.cohort;

import java.util.List;
import org.markpoint.progress.support.NotFoundException;
import org.markpoint.progress.support.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Cohorts of one tenant; another tenant's cohort is "not found". */
@Repository
class CohortStore {

    private final MongoTemplate mongo;

    CohortStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    CohortDocument insert(CohortDocument cohort) {
        return mongo.insert(cohort);
    }

    CohortDocument load(String tenantId, String cohortId) {
        CohortDocument found = mongo.findOne(new Query(Criteria.where("_id").is(cohortId).and("tenantId")
                .is(tenantId)), CohortDocument.class);
        if (found == null) {
            throw new NotFoundException("cohort", cohortId);
        }
        return found;
    }

    /** Replaces the roster; the version check makes a concurrent replace fail rather than interleave. */
    CohortDocument save(CohortDocument cohort) {
        return mongo.save(cohort);
    }

    /** Cohorts in id order after {@code cursor} (an id; empty for the first page). */
    Page<CohortDocument> page(String tenantId, String cursor, int limit) {
        Criteria where = Criteria.where("tenantId").is(tenantId);
        if (!cursor.isEmpty()) {
            where = where.and("_id").gt(cursor);
        }
        List<CohortDocument> found = mongo.find(new Query(where).with(Sort.by("_id")).limit(limit + 1),
                CohortDocument.class);
        boolean more = found.size() > limit;
        List<CohortDocument> items = more ? found.subList(0, limit) : found;
        return new Page<>(items, more ? items.getLast().id() : "");
    }
}

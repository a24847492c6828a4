package org.markpoint.marking.audit;

import java.time.Clock;
import java.util.List;
import org.bson.types.ObjectId;
import org.markpoint.marking.audit.AuditEntry.MarkState;
import org.markpoint.marking.marks.MarkDocument;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The append-only log of who changed which mark: read per mark or per learner, in time order, a page at a time. */
@Service
public class AuditLog {

    private final MongoTemplate mongo;
    private final Clock clock;

    public AuditLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Appends one change of {@code before} (now {@code after}, or {@link MarkState#GONE}) made by {@code who}. */
    public AuditEntry append(MarkDocument before, MarkState after, String action, String who, String reason) {
        return mongo.insert(new AuditEntry(new ObjectId().toHexString(), before.tenantId(), before.id(),
                before.learnerId(), action, who, clock.instant(), MarkState.of(before), after, reason));
    }

    /** Entries of one mark, or else of one learner, after the cursor (an entry id), oldest first. */
    public List<AuditEntry> page(String tenantId, String markId, String learnerId, String after, int limit) {
        Criteria where = Criteria.where("tenantId").is(tenantId);
        if (!markId.isBlank()) {
            where = where.and("markId").is(markId);
        }
        if (!learnerId.isBlank()) {
            where = where.and("learnerId").is(learnerId);
        }
        Query q = new Query(where);
        if (!after.isBlank()) {
            q.addCriteria(Criteria.where("_id").gt(after));
        }
        return mongo.find(q.with(Sort.by("_id")).limit(limit), AuditEntry.class);
    }

    public List<AuditEntry> ofLearner(String tenantId, String learnerId) {
        return mongo.find(new Query(Criteria.where("tenantId").is(tenantId).and("learnerId").is(learnerId))
                .with(Sort.by("_id")), AuditEntry.class);
    }

    /** Keeps the history of an erased learner's marks but under their pseudonym: the log no longer names them. */
    public void pseudonymise(String tenantId, String learnerId, String pseudonym) {
        // an appeal's reason is the learner's own words
        mongo.updateMulti(new Query(Criteria.where("tenantId").is(tenantId).and("learnerId").is(learnerId)
                .and("action").is(AuditEntry.APPEAL)), new Update().set("reason", ""), AuditEntry.class);
        mongo.updateMulti(new Query(Criteria.where("tenantId").is(tenantId).and("learnerId").is(learnerId)),
                new Update().set("learnerId", pseudonym), AuditEntry.class);
    }
}

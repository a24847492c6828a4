package org.markpoint.marking.privacy;

import java.time.Clock;
import java.util.List;
import org.markpoint.marking.audit.AuditEntry;
import org.markpoint.marking.audit.AuditLog;
import org.markpoint.marking.batch.BatchChunk;
import org.markpoint.marking.batch.BatchItem;
import org.markpoint.marking.batch.ItemResult;
import org.markpoint.marking.marks.MarkDocument;
import org.markpoint.model.privacy.LearnerPseudonym;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Erases a learner from marking-service: the tombstone first (so a mark racing in is refused), then their marks
 * (answers, evidence, appeals and the events they still owed) are deleted, each deletion audited; batch items and
 * results that name them lose their id and answer; the audit log keeps their marks' history under their pseudonym.
 * Running it again finds nothing left and changes nothing.
 */
@Service
public class LearnerErasure {

    static final String ERASER = "system:erasure";

    private final MongoTemplate mongo;
    private final Tombstones tombstones;
    private final AuditLog audit;
    private final Clock clock;

    public LearnerErasure(MongoTemplate mongo, Tombstones tombstones, AuditLog audit, Clock clock) {
        this.mongo = mongo;
        this.tombstones = tombstones;
        this.audit = audit;
        this.clock = clock;
    }

    public void erase(String tenantId, String learnerId, String erasureId) {
        String pseudonym = LearnerPseudonym.of(tenantId, learnerId);
        ErasedLearner tombstone = tombstones.find(pseudonym).orElse(null);
        if (tombstone == null) {
            tombstones.save(new ErasedLearner(pseudonym, tenantId, erasureId, null));
        }
        for (MarkDocument mark : mongo.find(LearnerData.marksOf(tenantId, learnerId), MarkDocument.class)) {
            audit.append(mark, AuditEntry.MarkState.GONE, AuditEntry.ERASE, ERASER, "erasure " + erasureId);
            mongo.remove(new Query(Criteria.where("_id").is(mark.id())), MarkDocument.class);
        }
        forgetInBatches(tenantId, learnerId);
        audit.pseudonymise(tenantId, learnerId, pseudonym);
        if (tombstone == null || tombstone.acknowledgedAt() == null) {
            tombstones.save(new ErasedLearner(pseudonym, tenantId, erasureId, clock.instant()));
        }
    }

    private void forgetInBatches(String tenantId, String learnerId) {
        for (BatchChunk chunk : mongo.find(LearnerData.chunksNaming(tenantId, learnerId), BatchChunk.class)) {
            List<BatchItem> items = chunk.items().stream().map(i -> learnerId.equals(i.learnerId())
                    ? new BatchItem("", "", i.questionId(), i.scheme(), i.ref(), i.problem()) : i).toList();
            List<ItemResult> results = chunk.results().stream().map(r -> learnerId.equals(r.learnerId())
                    ? new ItemResult(r.index(), r.ref(), "", r.questionId(), r.questionVersion(), r.status(),
                    r.markId(), r.mark(), r.maxMarks(), r.pointsHit(), r.confidence(), List.of(), r.flags(), r.error())
                    : r).toList();
            mongo.save(new BatchChunk(chunk.id(), chunk.batchId(), chunk.tenantId(), chunk.index(), chunk.firstItem(),
                    items, results, chunk.done()));
        }
    }
}

package org.markpoint.marking.privacy;

import java.util.ArrayList;
import java.util.List;
import org.markpoint.marking.batch.BatchChunk;
import org.markpoint.marking.batch.BatchItem;
import org.markpoint.marking.batch.ItemResult;
import org.markpoint.marking.marks.MarkDocument;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Where marking-service keeps things about a learner: their marks, and batch items and results naming them. */
@Component
public class LearnerData {

    /** One batch item naming the learner, with its result once the batch reached it. */
    public record BatchEntry(String batchId, int index, BatchItem item, ItemResult result) {
    }

    private final MongoTemplate mongo;

    public LearnerData(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public List<MarkDocument> marks(String tenantId, String learnerId) {
        return mongo.find(marksOf(tenantId, learnerId).with(Sort.by("createdAt")), MarkDocument.class);
    }

    static Query marksOf(String tenantId, String learnerId) {
        return new Query(Criteria.where("tenantId").is(tenantId).and("learnerId").is(learnerId));
    }

    static Query chunksNaming(String tenantId, String learnerId) {
        return new Query(Criteria.where("tenantId").is(tenantId).orOperator(
                Criteria.where("items.learnerId").is(learnerId), Criteria.where("results.learnerId").is(learnerId)));
    }

    public List<BatchEntry> batchEntries(String tenantId, String learnerId) {
        List<BatchEntry> entries = new ArrayList<>();
        for (BatchChunk chunk : mongo.find(chunksNaming(tenantId, learnerId), BatchChunk.class)) {
            for (int i = 0; i < chunk.items().size(); i++) {
                if (learnerId.equals(chunk.items().get(i).learnerId())) {
                    int index = chunk.firstItem() + i;
                    ItemResult result = chunk.results().stream().filter(r -> r.index() == index).findFirst()
                            .orElse(null);
                    entries.add(new BatchEntry(chunk.batchId(), index, chunk.items().get(i), result));
                }
            }
        }
        return entries;
    }
}

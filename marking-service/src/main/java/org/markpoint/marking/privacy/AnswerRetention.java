package org.markpoint.marking.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.markpoint.marking.audit.AuditEntry;
import org.markpoint.marking.audit.AuditLog;
import org.markpoint.marking.batch.BatchChunk;
import org.markpoint.marking.batch.BatchDocument;
import org.markpoint.marking.marks.MarkDocument;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Data retention: marks (with their answers) older than {@code markpoint.retention.answers-days} are deleted, each
 * deletion audited, and so are finished batches (with their items' answers) created before then. 0 (the default) keeps
 * everything. Runs daily ({@code markpoint.retention.cron}).
 */
@Component
public class AnswerRetention {

    static final String RETAINER = "system:retention";

    private final MongoTemplate mongo;
    private final AuditLog audit;
    private final Clock clock;
    private final int days;

    public AnswerRetention(MongoTemplate mongo, AuditLog audit, Clock clock,
                           @Value("${markpoint.retention.answers-days:0}") int days) {
        this.mongo = mongo;
        this.audit = audit;
        this.clock = clock;
        this.days = days;
    }

    /** Deletes what is past retention; returns how many marks went. */
    @Scheduled(cron = "${markpoint.retention.cron:0 15 3 * * *}")
    public int purge() {
        if (days <= 0) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(Duration.ofDays(days));
        List<MarkDocument> old = mongo.find(new Query(Criteria.where("createdAt").lt(cutoff)), MarkDocument.class);
        for (MarkDocument mark : old) {
            audit.append(mark, AuditEntry.MarkState.GONE, AuditEntry.RETENTION, RETAINER,
                    "older than " + days + " days");
            mongo.remove(new Query(Criteria.where("_id").is(mark.id())), MarkDocument.class);
        }
        List<BatchDocument> batches = mongo.find(new Query(Criteria.where("createdAt").lt(cutoff).and("status")
                .is(BatchDocument.DONE)), BatchDocument.class);
        for (BatchDocument batch : batches) {
            mongo.remove(new Query(Criteria.where("batchId").is(batch.id())), BatchChunk.class);
            mongo.remove(new Query(Criteria.where("_id").is(batch.id())), BatchDocument.class);
        }
        return old.size();
    }
}

package org.markpoint.progress.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.markpoint.model.event.QuestionPublished;
import org.markpoint.model.event.QuestionRetired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The questions a quiz may ask, kept from bank events (never a call to question-service). Idempotent by version: a
 * redelivered or out-of-order older version changes nothing; a retirement only retires the version it names.
 */
@Repository
public class QuestionCatalog {

    private final MongoTemplate mongo;

    public QuestionCatalog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void apply(String tenantId, QuestionPublished e) {
        String id = PublishedQuestion.key(tenantId, e.questionId());
        PublishedQuestion current = mongo.findById(id, PublishedQuestion.class);
        if (current != null && current.version() >= e.version()) {
            return;
        }
        var scheme = e.scheme();
        mongo.save(new PublishedQuestion(id, tenantId, e.questionId(), e.version(), e.unitId(), e.learningOutcomes(),
                scheme == null ? "" : scheme.commandWord(), scheme == null ? 0 : scheme.maxMarks(),
                scheme == null ? "" : scheme.stem(), e.context(), false, null));
    }

    /** Retires the version the event names, as of {@code at} (when the bank retired it). */
    public void apply(String tenantId, QuestionRetired e, Instant at) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(PublishedQuestion.key(tenantId, e.questionId()))
                        .and("version").is(e.version()).and("retired").is(false)),
                new Update().set("retired", true).set("retiredAt", at), PublishedQuestion.class);
    }

    /** When the question was retired, if it is; a question we never heard of is not retired. */
    public Optional<Instant> retiredAt(String tenantId, String questionId) {
        return find(tenantId, questionId).filter(PublishedQuestion::retired)
                .map(q -> q.retiredAt() == null ? Instant.EPOCH : q.retiredAt());
    }

    /** A question that still takes answers. */
    public Optional<PublishedQuestion> live(String tenantId, String questionId) {
        return Optional.ofNullable(mongo.findById(PublishedQuestion.key(tenantId, questionId),
                PublishedQuestion.class)).filter(q -> !q.retired());
    }

    /** Any version we hold, retired or not (to show an item already asked). */
    public Optional<PublishedQuestion> find(String tenantId, String questionId) {
        return Optional.ofNullable(mongo.findById(PublishedQuestion.key(tenantId, questionId),
                PublishedQuestion.class));
    }

    /** Every question of the unit we hold, retired ones too (their outcomes and answers still count). */
    public List<PublishedQuestion> inUnit(String tenantId, String unitId) {
        return mongo.find(new Query(Criteria.where("tenantId").is(tenantId).and("unitId").is(unitId)),
                PublishedQuestion.class);
    }

    public List<PublishedQuestion> liveInUnit(String tenantId, String unitId) {
        return mongo.find(new Query(Criteria.where("tenantId").is(tenantId).and("unitId").is(unitId)
                .and("retired").is(false)), PublishedQuestion.class);
    }

    public List<PublishedQuestion> liveForOutcomes(String tenantId, Collection<String> outcomes) {
        return mongo.find(new Query(Criteria.where("tenantId").is(tenantId).and("learningOutcomes").in(outcomes)
                .and("retired").is(false)), PublishedQuestion.class);
    }

    /** Every live question of the tenant (the deep-linking picker groups them by unit). */
    public List<PublishedQuestion> live(String tenantId) {
        return mongo.find(new Query(Criteria.where("tenantId").is(tenantId).and("retired").is(false)),
                PublishedQuestion.class);
    }
}

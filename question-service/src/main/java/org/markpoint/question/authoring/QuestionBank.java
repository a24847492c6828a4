package org.markpoint.question.authoring;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.markpoint.question.bank.QuestionSpec;
import org.markpoint.question.bank.Unit;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The bank's write and read paths over MongoDB; every query is scoped to one tenant. */
@Service
public class QuestionBank {

    private final MongoTemplate mongo;
    private final Clock clock;

    public QuestionBank(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Stores a new question and, when asked, publishes it in the same single-document write. */
    public QuestionDocument create(String tenantId, QuestionSpec spec, boolean publish) {
        Instant now = clock.instant();
        String id = spec.id() == null || spec.id().isBlank() ? UUID.randomUUID().toString() : spec.id();
        QuestionDocument draft = new QuestionDocument(id, tenantId, spec.unitId(), spec.learningOutcomes(),
                spec.context(), spec.scheme(), 0, QuestionStatus.DRAFT, now, now, List.of());
        QuestionDocument stored = publish ? draft.publish(now) : draft;
        mongo.insert(stored);
        return stored;
    }

    /** What an upsert did to one question. */
    public enum Upsert { CREATED, REPUBLISHED, UNCHANGED }

    /**
     * Imports one question: new ids are created and published; an existing question whose content changed is
     * published as its next version; an identical one is left alone, so re-importing a file is idempotent.
     */
    public Upsert upsert(String tenantId, QuestionSpec spec) {
        Optional<QuestionDocument> current = find(tenantId, spec.id());
        if (current.isEmpty()) {
            create(tenantId, spec, true);
            return Upsert.CREATED;
        }
        QuestionDocument doc = current.get();
        if (doc.scheme().equals(spec.scheme()) && doc.learningOutcomes().equals(spec.learningOutcomes())
                && doc.unitId().equals(spec.unitId()) && doc.context().equals(spec.context())) {
            return Upsert.UNCHANGED;
        }
        Instant now = clock.instant();
        QuestionDocument edited = new QuestionDocument(doc.id(), tenantId, spec.unitId(), spec.learningOutcomes(),
                spec.context(), spec.scheme(), doc.version(), QuestionStatus.DRAFT, doc.createdAt(), now,
                doc.outbox());
        mongo.save(edited.publish(now));
        return Upsert.REPUBLISHED;
    }

    public boolean exists(String tenantId, String questionId) {
        return mongo.exists(byTenant(tenantId).addCriteria(Criteria.where("_id").is(questionId)),
                QuestionDocument.class);
    }

    public Optional<QuestionDocument> find(String tenantId, String questionId) {
        return Optional.ofNullable(mongo.findOne(
                byTenant(tenantId).addCriteria(Criteria.where("_id").is(questionId)), QuestionDocument.class));
    }

    /** One page of questions in id order, filtered; {@code after} is the last id of the previous page. */
    public List<QuestionDocument> page(String tenantId, QuestionFilter filter, String after, int limit) {
        Query q = byTenant(tenantId);
        if (!filter.unitId().isBlank()) {
            q.addCriteria(Criteria.where("unitId").is(filter.unitId()));
        }
        if (!filter.outcomeId().isBlank()) {
            q.addCriteria(Criteria.where("learningOutcomes").is(filter.outcomeId()));
        }
        if (!filter.commandWord().isBlank()) {
            q.addCriteria(Criteria.where("scheme.commandWord").is(filter.commandWord()));
        }
        if (!after.isBlank()) {
            q.addCriteria(Criteria.where("_id").gt(after));
        }
        return mongo.find(q.with(Sort.by("_id")).limit(limit), QuestionDocument.class);
    }

    public void saveUnit(String tenantId, Unit unit) {
        mongo.save(new UnitDocument(tenantId + ":" + unit.id(), tenantId, unit));
    }

    public List<Unit> units(String tenantId) {
        return mongo.find(byTenant(tenantId).with(Sort.by("_id")), UnitDocument.class).stream()
                .map(UnitDocument::unit).toList();
    }

    public Optional<Unit> unit(String tenantId, String unitId) {
        return Optional.ofNullable(mongo.findById(tenantId + ":" + unitId, UnitDocument.class))
                .filter(d -> d.tenantId().equals(tenantId)).map(UnitDocument::unit);
    }

    public long unitCount(String tenantId) {
        return mongo.count(byTenant(tenantId), UnitDocument.class);
    }

    private static Query byTenant(String tenantId) {
        return new Query(Criteria.where("tenantId").is(tenantId));
    }
}

package org.markpoint.marking.scheme;

import java.util.Optional;
import org.markpoint.model.event.QuestionPublished;
import org.markpoint.model.event.QuestionRetired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Applies bank events to the local scheme copies. Idempotent by version: an event for a version we already hold (a
 * redelivery) or an older one (out of order) changes nothing.
 */
@Repository
public class SchemeReadModel {

    private final MongoTemplate mongo;

    public SchemeReadModel(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void apply(String tenantId, QuestionPublished e) {
        String id = SchemeDocument.key(tenantId, e.questionId());
        SchemeDocument current = mongo.findById(id, SchemeDocument.class);
        if (current != null && current.version() >= e.version()) {
            return;
        }
        mongo.save(new SchemeDocument(id, tenantId, e.questionId(), e.version(), e.unitId(), e.learningOutcomes(),
                e.scheme(), false));
    }

    public void apply(String tenantId, QuestionRetired e) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(SchemeDocument.key(tenantId, e.questionId()))
                        .and("version").is(e.version())),
                new Update().set("retired", true), SchemeDocument.class);
    }

    public Optional<SchemeDocument> find(String tenantId, String questionId) {
        return Optional.ofNullable(mongo.findById(SchemeDocument.key(tenantId, questionId), SchemeDocument.class));
    }
}

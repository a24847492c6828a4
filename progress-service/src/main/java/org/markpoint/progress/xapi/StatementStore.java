package org.markpoint.progress.xapi;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Keeps statements (once each: the id is derived from the event) and pages through them per tenant. */
@Component
public class StatementStore {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final MongoTemplate mongo;
    private final Clock clock;

    public StatementStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public void save(String tenantId, String learnerId, Statement s) {
        Instant now = clock.instant();
        try {
            mongo.insert(new StatementDocument(s.id(), tenantId, learnerId, s.verb().id(), Instant.parse(s.timestamp()),
                    now, JSON.writeValueAsString(s), false, 0, now, ""));
        } catch (DuplicateKeyException redelivered) {
            // the same event again: its statement is already kept
        }
    }

    /** Statements stored after {@code since} (all when null), of one learner (all when blank), oldest first. */
    public List<StatementDocument> find(String tenantId, String learnerId, Instant since, int offset, int limit) {
        Criteria c = Criteria.where("tenantId").is(tenantId);
        if (!learnerId.isBlank()) {
            c = c.and("learnerId").is(learnerId);
        }
        if (since != null) {
            c = c.and("stored").gt(since);
        }
        return mongo.find(new Query(c).with(Sort.by("stored", "_id")).skip(offset).limit(limit),
                StatementDocument.class);
    }
}

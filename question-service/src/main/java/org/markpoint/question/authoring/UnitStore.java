package org.markpoint.question.authoring;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.markpoint.question.bank.Unit;
import org.markpoint.question.support.ConflictException;
import org.markpoint.question.support.IfMatch;
import org.markpoint.question.support.NotFoundException;
import org.markpoint.question.support.PreconditionFailedException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Units over MongoDB, per tenant; edits are conditional on the revision the editor saw (optimistic locking). */
@Service
public class UnitStore {

    private final MongoTemplate mongo;

    public UnitStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public UnitDocument create(String tenantId, Unit unit) {
        UnitDocument doc = new UnitDocument(UnitDocument.key(tenantId, unit.id()), tenantId, unit, 1);
        try {
            mongo.insert(doc);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("unit '" + unit.id() + "' already exists");
        }
        return doc;
    }

    /** Applies {@code edit} if {@code ifMatch} matches the unit's revision, in one conditional write; else 412. */
    public UnitDocument update(String tenantId, String unitId, IfMatch ifMatch, UnaryOperator<Unit> edit) {
        UnitDocument current = find(tenantId, unitId).orElseThrow(() -> new NotFoundException("unit", unitId));
        String what = "unit '" + unitId + "'";
        ifMatch.check(what, current.revision());
        UnitDocument next = new UnitDocument(current.id(), tenantId, edit.apply(current.unit()),
                current.revision() + 1);
        Criteria still = current.revision() == 0 ? Criteria.where("revision").exists(false)
                : Criteria.where("revision").is(current.revision());
        long matched = mongo.updateFirst(new Query(Criteria.where("_id").is(current.id()).andOperator(still)),
                new Update().set("unit", next.unit()).set("revision", next.revision()), UnitDocument.class)
                .getMatchedCount();
        if (matched == 0) {
            throw new PreconditionFailedException(what,
                    find(tenantId, unitId).map(UnitDocument::revision).orElse(current.revision()));
        }
        return next;
    }

    /** Imports write the unit as the file has it (a new revision, so an author's stale ETag no longer matches). */
    public void save(String tenantId, Unit unit) {
        mongo.upsert(new Query(Criteria.where("_id").is(UnitDocument.key(tenantId, unit.id()))),
                new Update().set("tenantId", tenantId).set("unit", unit).inc("revision", 1), UnitDocument.class);
    }

    public Optional<UnitDocument> find(String tenantId, String unitId) {
        return Optional.ofNullable(mongo.findById(UnitDocument.key(tenantId, unitId), UnitDocument.class))
                .filter(d -> d.tenantId().equals(tenantId));
    }

    public List<Unit> list(String tenantId) {
        return mongo.find(new Query(Criteria.where("tenantId").is(tenantId)).with(Sort.by("_id")),
                UnitDocument.class).stream().map(UnitDocument::unit).toList();
    }

    public long count(String tenantId) {
        return mongo.count(new Query(Criteria.where("tenantId").is(tenantId)), UnitDocument.class);
    }
}

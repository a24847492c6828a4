package org.markpoint.progress.lti;

import java.util.List;
import java.util.Optional;
import org.markpoint.progress.support.ConflictException;
import org.markpoint.progress.support.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Platform registrations; the admin API sees only its tenant's, launches look them up by issuer. */
@Repository
class LtiRegistrationStore {

    private final MongoTemplate mongo;

    LtiRegistrationStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    LtiRegistration insert(LtiRegistration registration) {
        boolean taken = mongo.exists(new Query(Criteria.where("issuer").is(registration.issuer()).and("clientId")
                .is(registration.clientId())), LtiRegistration.class);
        if (taken) {
            throw conflict(registration);
        }
        try {
            return mongo.insert(registration);
        } catch (DuplicateKeyException e) {
            throw conflict(registration);
        }
    }

    private static ConflictException conflict(LtiRegistration r) {
        return new ConflictException("a platform with issuer '" + r.issuer() + "' and client id '" + r.clientId()
                + "' is already registered");
    }

    /**
     * The registration a login names: by issuer and client id, or by issuer alone when the platform sent no client
     * id and registered only one.
     */
    Optional<LtiRegistration> forLogin(String issuer, String clientId) {
        Criteria where = Criteria.where("issuer").is(issuer);
        if (!clientId.isEmpty()) {
            where = where.and("clientId").is(clientId);
        }
        List<LtiRegistration> found = mongo.find(new Query(where).limit(2), LtiRegistration.class);
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }

    Optional<LtiRegistration> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, LtiRegistration.class));
    }

    LtiRegistration load(String tenantId, String id) {
        return Optional.ofNullable(mongo.findOne(byTenant(tenantId, id), LtiRegistration.class))
                .orElseThrow(() -> new NotFoundException("LTI registration", id));
    }

    List<LtiRegistration> all(String tenantId) {
        return mongo.find(new Query(Criteria.where("tenantId").is(tenantId)).with(Sort.by("_id")),
                LtiRegistration.class);
    }

    void delete(String tenantId, String id) {
        if (mongo.remove(byTenant(tenantId, id), LtiRegistration.class).getDeletedCount() == 0) {
            throw new NotFoundException("LTI registration", id);
        }
    }

    private static Query byTenant(String tenantId, String id) {
        return new Query(Criteria.where("_id").is(id).and("tenantId").is(tenantId));
    }
}

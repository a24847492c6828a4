package org.markpoint.progress.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.LearnerErased;
import org.markpoint.model.privacy.LearnerPseudonym;
import org.markpoint.progress.support.NotFoundException;
import org.markpoint.progress.support.OutboxEntry;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GDPR for the whole system, composed here: a learner's export from every service (all or nothing: a service that
 * does not answer fails the export), and their erasure, requested by writing the erasure record and the
 * {@code LearnerErased} it owes in one document; every service (this one too) erases on the event and acknowledges.
 */
@Service
class LearnerPrivacy {

    static final String SERVICE = "progress-service";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    /** One service's part of an erasure: erased (acknowledged), pending, or unreachable (asked, no answer). */
    record ServiceErasure(String service, String status, Instant acknowledgedAt) {
    }

    /** An erasure and how far it got; {@code status} is complete once every service acknowledged it. */
    record ErasureView(String erasureId, String learner, String requestedBy, Instant requestedAt, String status,
                       List<ServiceErasure> services) {
    }

    record LearnerExport(String learnerId, String tenantId, Instant exportedAt, Map<String, JsonNode> services) {
    }

    private final MongoTemplate mongo;
    private final LocalLearnerData local;
    private final OtherServices others;
    private final Tombstones tombstones;
    private final Clock clock;

    LearnerPrivacy(MongoTemplate mongo, LocalLearnerData local, OtherServices others, Tombstones tombstones,
                   Clock clock) {
        this.mongo = mongo;
        this.local = local;
        this.others = others;
        this.tombstones = tombstones;
        this.clock = clock;
    }

    /** Everything every service holds about the learner; 404 when none holds anything. */
    LearnerExport export(String tenantId, String learnerId) {
        Map<String, JsonNode> parts = new LinkedHashMap<>();
        parts.put(SERVICE, JSON.valueToTree(ownPart(local.find(tenantId, learnerId))));
        boolean found = parts.get(SERVICE).get("found").asBoolean();
        for (String service : others.names()) {
            JsonNode part = others.export(service, learnerId);
            parts.put(service, part);
            found |= part.path("found").asBoolean(false);
        }
        if (!found) {
            throw new NotFoundException("learner", learnerId);
        }
        return new LearnerExport(learnerId, tenantId, clock.instant(), parts);
    }

    private static Map<String, Object> ownPart(LocalLearnerData.Held held) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("service", SERVICE);
        part.put("found", held.found());
        part.put("progress", json(held.progress()));
        part.put("quizzes", json(held.quizzes()));
        // the cohort, never its roster: the other learners in it are not this learner's data
        part.put("cohorts", held.cohorts().stream().map(c -> Map.of("cohortId", String.valueOf(c.get("_id")),
                "name", String.valueOf(c.get("name")))).toList());
        part.put("xapiStatements", json(held.statements()));
        return part;
    }

    private static List<JsonNode> json(List<Document> docs) {
        return docs.stream().map(d -> JSON.readTree(d.toJson(RELAXED))).toList();
    }

    /**
     * Asks every service to erase the learner: the erasure record and its {@code LearnerErased} in one write. Asking
     * again returns the first erasure; a learner no service holds anything about is a 404 (and when they are not held
     * here and a service that might hold them does not answer, a 503).
     */
    ErasureView erase(String tenantId, String learnerId, String requestedBy) {
        var earlier = tombstones.find(tenantId, learnerId);
        if (earlier.isPresent()) {
            return view(earlier.get());
        }
        // held here is enough to go ahead: a service down meanwhile erases when it reads the event
        boolean found = local.find(tenantId, learnerId).found();
        for (var it = others.names().iterator(); !found && it.hasNext(); ) {
            found = others.export(it.next(), learnerId).path("found").asBoolean(false);
        }
        if (!found) {
            throw new NotFoundException("learner", learnerId);
        }
        Instant now = clock.instant();
        EventEnvelope<LearnerErased> event = EventEnvelope.wrap(tenantId, new LearnerErased(learnerId), now);
        ErasureDocument erasure = new ErasureDocument(event.eventId().toString(), tenantId,
                LearnerPseudonym.of(tenantId, learnerId), requestedBy, now, null, List.of(OutboxEntry.of(event)));
        mongo.insert(erasure);
        return view(erasure);
    }

    /**
     * This service's own erasure, on {@code LearnerErased}: the tombstone first (the record, made here if the event
     * came from elsewhere), then the learner's data, then the acknowledgement. Idempotent.
     */
    void apply(String tenantId, String learnerId, String erasureId) {
        Instant now = clock.instant();
        mongo.upsert(new Query(Criteria.where("_id").is(erasureId)), new Update()
                .setOnInsert("tenantId", tenantId)
                .setOnInsert("pseudonym", LearnerPseudonym.of(tenantId, learnerId))
                .setOnInsert("requestedBy", "event")
                .setOnInsert("requestedAt", now), ErasureDocument.class);
        local.erase(tenantId, learnerId);
        mongo.findAndModify(new Query(Criteria.where("_id").is(erasureId).and("acknowledgedAt").is(null)),
                new Update().set("acknowledgedAt", now), FindAndModifyOptions.none(), ErasureDocument.class);
    }

    ErasureView status(String tenantId, String erasureId) {
        ErasureDocument erasure = mongo.findOne(new Query(Criteria.where("_id").is(erasureId).and("tenantId")
                .is(tenantId)), ErasureDocument.class);
        if (erasure == null) {
            throw new NotFoundException("erasure", erasureId);
        }
        return view(erasure);
    }

    private ErasureView view(ErasureDocument erasure) {
        List<ServiceErasure> services = new ArrayList<>();
        services.add(new ServiceErasure(SERVICE, erasure.acknowledgedAt() == null ? "pending" : "erased",
                erasure.acknowledgedAt()));
        for (String service : others.names()) {
            try {
                JsonNode ack = others.erasure(service, erasure.pseudonym());
                boolean done = ack.path("acknowledged").asBoolean(false);
                services.add(new ServiceErasure(service, done ? "erased" : "pending",
                        done && ack.path("acknowledgedAt").isString()
                                ? Instant.parse(ack.path("acknowledgedAt").asString()) : null));
            } catch (OtherServices.Unreachable e) {
                services.add(new ServiceErasure(service, "unreachable", null));
            }
        }
        boolean complete = services.stream().allMatch(s -> s.status().equals("erased"));
        return new ErasureView(erasure.id(), erasure.pseudonym(), erasure.requestedBy(), erasure.requestedAt(),
                complete ? "complete" : "in-progress", services);
    }
}

package org.markpoint.progress.tracking;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.markpoint.model.event.AnswerMarked;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.MarkEvent;
import org.markpoint.model.event.MarkpointEvent;
import org.markpoint.progress.calibration.CalibrationStore;
import org.markpoint.progress.catalog.QuestionCatalog;
import org.markpoint.progress.learner.LearnerProgress;
import org.markpoint.progress.learner.RejectedEventException;
import org.markpoint.progress.privacy.Tombstones;
import org.markpoint.progress.support.OutboxEntry;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Applies mark events to learners' progress: load, apply (pure), save state + owed events in one write. Evidence is
 * dated when the mark was made (the event's {@code occurredAt}, never later than now), so a backlog replayed late
 * does not look like a long gap; the tenant's last refit supplies the parameters.
 */
@Service
public class ProgressTracker {

    private final MongoTemplate mongo;
    private final QuestionCatalog catalog;
    private final CalibrationStore calibrations;
    private final Clock clock;
    private final Tombstones tombstones;

    public ProgressTracker(MongoTemplate mongo, QuestionCatalog catalog, CalibrationStore calibrations, Clock clock,
                           Tombstones tombstones) {
        this.mongo = mongo;
        this.tombstones = tombstones;
        this.catalog = catalog;
        this.calibrations = calibrations;
        this.clock = clock;
    }

    /**
     * Returns whether the event changed anything (false for a redelivery). Throws {@link RejectedEventException}
     * (dead-lettered by the listener) for a mark that cannot be evidence, leaving the learner untouched. A mark for
     * an erased learner (one still in flight when they were erased) is dropped: it must not bring them back.
     */
    public boolean apply(EventEnvelope<? extends MarkpointEvent> envelope, MarkEvent event) {
        if (tombstones.erased(envelope.tenantId(), event.learnerId())) {
            return false;
        }
        Instant now = clock.instant();
        Instant at = envelope.occurredAt().isAfter(now) ? now : envelope.occurredAt();
        if (event instanceof AnswerMarked e && !e.questionId().isBlank()) {
            catalog.retiredAt(envelope.tenantId(), e.questionId()).filter(retired -> !at.isBefore(retired))
                    .ifPresent(retired -> {
                        throw new RejectedEventException("AnswerMarked for mark '%s' rejected: question '%s' was "
                                .formatted(e.markId(), e.questionId()) + "retired at " + retired
                                + ", before the mark was made");
                    });
        }
        String id = LearnerProgressDocument.key(envelope.tenantId(), event.learnerId());
        LearnerProgressDocument current = mongo.findById(id, LearnerProgressDocument.class);
        LearnerProgress progress = current == null ? LearnerProgress.empty(event.learnerId()) : current.progress();
        var applied = progress.apply(envelope.eventId().toString(), event, at,
                calibrations.current(envelope.tenantId()));
        if (applied.isEmpty()) {
            return false;
        }
        List<OutboxEntry> owed = new ArrayList<>(current == null ? List.of() : current.outbox());
        applied.get().events().forEach(e -> owed.add(OutboxEntry.of(EventEnvelope.wrap(envelope.tenantId(), e, now))));
        // the version check makes a concurrent writer fail here; the listener's retry re-reads and re-applies
        mongo.save(new LearnerProgressDocument(id, envelope.tenantId(), applied.get().next(), owed,
                current == null ? null : current.version()));
        return true;
    }

    public Optional<LearnerProgress> find(String tenantId, String learnerId) {
        return Optional.ofNullable(mongo.findById(LearnerProgressDocument.key(tenantId, learnerId),
                LearnerProgressDocument.class)).map(LearnerProgressDocument::progress);
    }

    /** The progress of those of {@code learnerIds} who have any, by learner id. */
    public Map<String, LearnerProgress> findAll(String tenantId, Collection<String> learnerIds) {
        List<String> keys = learnerIds.stream().map(l -> LearnerProgressDocument.key(tenantId, l)).toList();
        Map<String, LearnerProgress> found = new HashMap<>();
        mongo.find(new Query(Criteria.where("_id").in(keys).and("tenantId").is(tenantId)),
                LearnerProgressDocument.class).forEach(d -> found.put(d.progress().learnerId(), d.progress()));
        return found;
    }

    /** Tenants with at least one learner. */
    public List<String> tenants() {
        return mongo.findDistinct(new Query(), "tenantId", LearnerProgressDocument.class, String.class);
    }

    /** Streams every learner of a tenant (the batch refit's input), one document in memory at a time. */
    public void forEachLearner(String tenantId, Consumer<LearnerProgress> action) {
        try (var docs = mongo.stream(new Query(Criteria.where("tenantId").is(tenantId)),
                LearnerProgressDocument.class)) {
            docs.forEach(d -> action.accept(d.progress()));
        }
    }
}

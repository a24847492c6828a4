package org.markpoint.progress.tracking;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.MarkEvent;
import org.markpoint.model.event.MarkpointEvent;
import org.markpoint.progress.learner.LearnerProgress;
import org.markpoint.progress.mastery.BktParameters;
import org.markpoint.progress.mastery.KnowledgeTracer;
import org.markpoint.progress.support.OutboxEntry;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** Applies mark events to learners' progress: load, apply (pure), save state + owed events in one write. */
@Service
public class ProgressTracker {

    private final MongoTemplate mongo;
    private final KnowledgeTracer tracer = new KnowledgeTracer();
    private final Clock clock;

    public ProgressTracker(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Returns whether the event changed anything (false for a redelivery). */
    public boolean apply(EventEnvelope<? extends MarkpointEvent> envelope, MarkEvent event) {
        String id = LearnerProgressDocument.key(envelope.tenantId(), event.learnerId());
        LearnerProgressDocument current = mongo.findById(id, LearnerProgressDocument.class);
        LearnerProgress progress = current == null ? LearnerProgress.empty(event.learnerId()) : current.progress();
        var applied = progress.apply(envelope.eventId().toString(), event, clock.instant(), tracer,
                outcome -> BktParameters.defaults());
        if (applied.isEmpty()) {
            return false;
        }
        List<OutboxEntry> owed = new ArrayList<>(current == null ? List.of() : current.outbox());
        applied.get().events().forEach(e -> owed.add(OutboxEntry.of(
                EventEnvelope.wrap(envelope.tenantId(), e, clock.instant()))));
        // the version check makes a concurrent writer fail here; the listener's retry re-reads and re-applies
        mongo.save(new LearnerProgressDocument(id, envelope.tenantId(), applied.get().next(), owed,
                current == null ? null : current.version()));
        return true;
    }

    public Optional<LearnerProgress> find(String tenantId, String learnerId) {
        return Optional.ofNullable(mongo.findById(LearnerProgressDocument.key(tenantId, learnerId),
                LearnerProgressDocument.class)).map(LearnerProgressDocument::progress);
    }
}

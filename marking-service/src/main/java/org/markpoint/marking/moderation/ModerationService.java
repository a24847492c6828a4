package org.markpoint.marking.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.markpoint.marking.audit.AuditEntry;
import org.markpoint.marking.audit.AuditEntry.MarkState;
import org.markpoint.marking.audit.AuditLog;
import org.markpoint.marking.marks.MarkDocument;
import org.markpoint.marking.marks.MarkDocument.Review;
import org.markpoint.marking.marks.OutcomeSplit;
import org.markpoint.marking.scheme.SchemeReadModel;
import org.markpoint.marking.support.InvalidRequestException;
import org.markpoint.marking.support.NotFoundException;
import org.markpoint.marking.support.OutboxEntry;
import org.markpoint.marking.support.OutboxRelay;
import org.markpoint.marking.webhooks.WebhookService;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.MarkOverridden;
import org.markpoint.model.event.OutcomeEvidence;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Tutors' side of marking: the queue of marks waiting for a human, accepting or overriding a mark (the override and
 * the {@code MarkOverridden} it owes are one write), and engine-vs-tutor agreement per question.
 */
@Service
public class ModerationService {

    private final MongoTemplate mongo;
    private final SchemeReadModel schemes;
    private final Clock clock;
    private final OutboxRelay relay;
    private final AuditLog audit;
    private final WebhookService webhooks;

    public ModerationService(MongoTemplate mongo, SchemeReadModel schemes, Clock clock, OutboxRelay relay,
                             AuditLog audit, WebhookService webhooks) {
        this.mongo = mongo;
        this.audit = audit;
        this.schemes = schemes;
        this.clock = clock;
        this.relay = relay;
        this.webhooks = webhooks;
    }

    /** Marks waiting for review in mark-id order after the cursor (a mark id): a stable page order, not age. */
    public List<MarkDocument> queue(String tenantId, String questionId, String after, int limit) {
        Query q = new Query(Criteria.where("tenantId").is(tenantId).and("review.status").is(Review.PENDING));
        if (!questionId.isBlank()) {
            q.addCriteria(Criteria.where("questionId").is(questionId));
        }
        if (!after.isBlank()) {
            q.addCriteria(Criteria.where("_id").gt(after));
        }
        return mongo.find(q.with(Sort.by("_id")).limit(limit), MarkDocument.class);
    }

    /**
     * A learner asks for a human to look at an automated mark (GDPR Article 22): it joins the review queue flagged as
     * an appeal with the reason. Once per mark: appealing again returns the first appeal. A mark a tutor already
     * settled keeps the tutor's decision, which is then the appeal's outcome.
     */
    public MarkDocument appeal(String tenantId, String markId, String reason, String who) {
        MarkDocument mark = load(tenantId, markId);
        if (mark.appeal().made()) {
            return mark;
        }
        Instant now = clock.instant();
        Review review = mark.review().settled() ? mark.review() : new Review(Review.PENDING, -1, "", reason, now);
        MarkDocument appealed = mark.withAppeal(new MarkDocument.Appeal(reason, who, now), review);
        mongo.save(appealed);
        audit.append(mark, MarkState.of(appealed), AuditEntry.APPEAL, who, reason);
        return appealed;
    }

    public MarkDocument accept(String tenantId, String markId, String tutorId, String who) {
        MarkDocument mark = load(tenantId, markId);
        MarkDocument accepted = mark.withReview(new Review(Review.ACCEPTED, mark.result().mark(), tutorId, "",
                clock.instant()), mark.outbox());
        mongo.save(accepted);
        audit.append(mark, MarkState.of(accepted), AuditEntry.ACCEPT, who, "");
        return accepted;
    }

    public MarkDocument override(String tenantId, String markId, int newMark, String reason, String tutorId,
                                 String who) {
        MarkDocument mark = load(tenantId, markId);
        int max = mark.result().maxMarks();
        if (newMark < 0 || newMark > max) {
            throw new InvalidRequestException("mark", "must be between 0 and " + max);
        }
        Instant now = clock.instant();
        List<OutboxEntry> owed = new ArrayList<>(mark.outbox());
        String eventId = UUID.randomUUID().toString();
        if (!mark.learnerId().isBlank()) {
            MarkOverridden event = new MarkOverridden(mark.id(), mark.learnerId(), mark.questionId(),
                    mark.finalMark(), newMark, max, rescaled(tenantId, mark, newMark), reason, tutorId);
            OutboxEntry entry = OutboxEntry.of(EventEnvelope.wrap(tenantId, event, now));
            eventId = entry.eventId();
            owed.add(entry);
        }
        MarkDocument overridden = mark.withReview(new Review(Review.OVERRIDDEN, newMark, tutorId, reason, now), owed);
        mongo.save(overridden);
        audit.append(mark, MarkState.of(overridden), AuditEntry.OVERRIDE, who, reason);
        if (!overridden.outbox().isEmpty()) {
            relay.owed("marks", overridden.id());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("markId", mark.id());
        data.put("learnerId", mark.learnerId());
        data.put("questionId", mark.questionId());
        data.put("previousMark", mark.finalMark());
        data.put("mark", newMark);
        data.put("maxMarks", max);
        data.put("reason", reason);
        data.put("tutorId", tutorId);
        data.put("overriddenAt", now.toString());
        webhooks.emit(tenantId, WebhookService.MARK_OVERRIDDEN, eventId, data);
        return overridden;
    }

    public Agreement agreement(String tenantId, String questionId) {
        Query q = new Query(Criteria.where("tenantId").is(tenantId).and("review.status")
                .in(Review.ACCEPTED, Review.OVERRIDDEN));
        if (!questionId.isBlank()) {
            q.addCriteria(Criteria.where("questionId").is(questionId));
        }
        return Agreement.of(mongo.find(q, MarkDocument.class).stream()
                .map(m -> new Agreement.Pair(m.result().mark(), m.finalMark(), m.result().maxMarks())).toList());
    }

    /** The tutor's mark spread over the outcomes in the same proportions as the engine's evidence. */
    private List<OutcomeEvidence> rescaled(String tenantId, MarkDocument mark, int newMark) {
        var scheme = schemes.find(tenantId, mark.questionId());
        List<String> outcomes = scheme.map(s -> s.learningOutcomes()).orElse(List.of());
        double fraction = mark.result().maxMarks() == 0 ? 0 : (double) newMark / mark.result().maxMarks();
        return scheme.map(s -> OutcomeSplit.of(mark.result(), s.scheme(), outcomes)).orElse(List.of()).stream()
                .map(o -> new OutcomeEvidence(o.outcomeId(), fraction * o.marksAvailable(), o.marksAvailable()))
                .toList();
    }

    private MarkDocument load(String tenantId, String markId) {
        MarkDocument mark = mongo.findOne(new Query(Criteria.where("_id").is(markId).and("tenantId").is(tenantId)),
                MarkDocument.class);
        if (mark == null) {
            throw new NotFoundException("mark", markId);
        }
        return mark;
    }
}

package org.markpoint.marking.marks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.markpoint.marking.engine.MarkResult;
import org.markpoint.marking.engine.MarkingEngine;
import org.markpoint.marking.engine.PointResult;
import org.markpoint.marking.engine.PointStatus;
import org.markpoint.marking.privacy.Tombstones;
import org.markpoint.marking.scheme.SchemeDocument;
import org.markpoint.marking.scheme.SchemeReadModel;
import org.markpoint.marking.support.ConflictException;
import org.markpoint.marking.support.InvalidRequestException;
import org.markpoint.marking.support.NotFoundException;
import org.markpoint.marking.support.OutboxEntry;
import org.markpoint.marking.support.OutboxRelay;
import org.markpoint.model.event.AnswerMarked;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.SpottedMisconception;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.model.scheme.SchemeValidation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Marks answers and stores each mark together with the {@code AnswerMarked} event it owes, in one write. */
@Service
public class MarkingService {

    /** What to mark against: a stored scheme version, or an inline scheme (questionId empty, version 0). */
    public record Target(String questionId, int version, List<String> learningOutcomes, MarkingScheme scheme) {

        public static Target of(SchemeDocument d) {
            return new Target(d.questionId(), d.version(), d.learningOutcomes(), d.scheme());
        }
    }

    private static final int DUPLICATE_KEY = 11000;
    private static final String COLLECTION = "marks";

    private final MarkingEngine engine;
    private final SchemeReadModel schemes;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final OutboxRelay relay;
    private final Tombstones tombstones;

    public MarkingService(MarkingEngine engine, SchemeReadModel schemes, MongoTemplate mongo, Clock clock,
                          OutboxRelay relay, Tombstones tombstones) {
        this.engine = engine;
        this.tombstones = tombstones;
        this.schemes = schemes;
        this.mongo = mongo;
        this.clock = clock;
        this.relay = relay;
    }

    public MarkingEngine engine() {
        return engine;
    }

    public Optional<SchemeDocument> scheme(String tenantId, String questionId) {
        return schemes.find(tenantId, questionId);
    }

    /**
     * What an answer is marked against: the live version of a stored question, or a valid inline scheme. Exactly one
     * of the two must be given; an unknown question is {@link NotFoundException}, a retired one
     * {@link ConflictException}, a broken inline scheme {@link InvalidRequestException} naming the field.
     */
    public Target target(String tenantId, String questionId, MarkingScheme inline) {
        boolean hasQuestion = questionId != null && !questionId.isBlank();
        if (hasQuestion == (inline != null)) {
            throw new InvalidRequestException(hasQuestion ? "scheme" : "questionId",
                    "give exactly one of questionId or scheme");
        }
        if (hasQuestion) {
            SchemeDocument stored = scheme(tenantId, questionId)
                    .orElseThrow(() -> new NotFoundException("question", questionId));
            if (stored.retired()) {
                throw new ConflictException("question '" + questionId + "' version " + stored.version()
                        + " was retired; it no longer takes answers");
            }
            return Target.of(stored);
        }
        SchemeValidation.validate(inline, "scheme").stream().findFirst().ifPresent(v -> {
            throw new InvalidRequestException(v.field(), v.message());
        });
        return new Target("", 0, List.of(), inline);
    }

    /** The mark id an idempotency key always maps to, so a retry finds the mark the first try stored. */
    public static String markId(String tenantId, String idempotencyKey) {
        return UUID.nameUUIDFromBytes((tenantId + "\u0000" + idempotencyKey).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * Marks an answer once per idempotency key: a retry with the same key (an LMS resending after a timeout, a
     * redelivered {@code AnswerSubmitted}) gets the stored mark back instead of a second mark. A blank key means
     * "no retry protection asked for". A learner who was erased is refused ({@link ConflictException}): nothing
     * more is kept about them.
     */
    public MarkDocument mark(String tenantId, String learnerId, String answer, Target target, String quizId,
                             String idempotencyKey) {
        if (erased(tenantId, learnerId)) {
            throw new ConflictException("learner '" + learnerId + "' was erased; nothing more is kept about them");
        }
        String markId = idempotencyKey.isBlank() ? UUID.randomUUID().toString() : markId(tenantId, idempotencyKey);
        if (!idempotencyKey.isBlank()) {
            Optional<MarkDocument> earlier = find(tenantId, markId);
            if (earlier.isPresent()) {
                if (!earlier.get().outbox().isEmpty()) {
                    // stored by a try that died before publishing (maybe on another instance): out before we answer
                    relay.publishNow(COLLECTION, markId, earlier.get().outbox());
                }
                return earlier.get();
            }
        }
        MarkDocument doc = prepare(tenantId, learnerId, answer, target, quizId, markId,
                idempotencyKey.isBlank() ? markId : idempotencyKey);
        try {
            mongo.insert(doc);
        } catch (DuplicateKeyException raced) {
            // a concurrent retry with the same key won: its mark is the one
            return find(tenantId, markId).orElseThrow(() -> raced);
        }
        // before answering, so a learner's next answer (on any instance) is published after this one
        relay.publishNow(COLLECTION, doc.id(), doc.outbox());
        return doc;
    }

    /** Runs the engine and builds the mark (with the {@code AnswerMarked} it owes when there is a learner), unsaved. */
    public MarkDocument prepare(String tenantId, String learnerId, String answer, Target target, String quizId,
                                String markId, String answerId) {
        MarkResult result = engine.mark(answer, target.scheme());
        Instant now = clock.instant();
        List<OutboxEntry> owed = List.of();
        if (!learnerId.isBlank()) {
            AnswerMarked event = new AnswerMarked(markId, answerId, learnerId, target.questionId(), target.version(),
                    result.mark(), result.maxMarks(), ids(result, PointStatus.HIT), ids(result, PointStatus.MISSED),
                    OutcomeSplit.of(result, target.scheme(), target.learningOutcomes()), result.confidence(), quizId,
                    result.misconceptions().stream().map(m -> new SpottedMisconception(m.id(), m.correction()))
                            .toList());
            owed = List.of(OutboxEntry.of(EventEnvelope.wrap(tenantId, event, now)));
        }
        return new MarkDocument(markId, tenantId, learnerId, target.questionId(), target.version(), answer, result,
                now, owed, MarkDocument.Review.of(result), MarkDocument.Appeal.NONE);
    }

    /**
     * Stores prepared marks in one unordered bulk write. A mark whose id is already stored (a resumed batch re-marking
     * an answer marked before a crash) keeps the stored one: the duplicate is dropped, never a second mark.
     */
    public void insertAll(List<MarkDocument> marks) {
        if (marks.isEmpty()) {
            return;
        }
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, MarkDocument.class).insert(marks).execute();
        } catch (BulkOperationException e) {
            if (e.getErrors().stream().anyMatch(err -> err.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
        } catch (DuplicateKeyException alreadyStored) {
            // some drivers report a lone duplicate this way; the stored mark stands
        }
        marks.forEach(this::owed);
    }

    private void owed(MarkDocument mark) {
        if (!mark.outbox().isEmpty()) {
            relay.owed(COLLECTION, mark.id());
        }
    }

    /** Whether the learner was erased (GDPR): their answers are no longer marked and stored. */
    public boolean erased(String tenantId, String learnerId) {
        return tombstones.erased(tenantId, learnerId);
    }

    public Optional<MarkDocument> find(String tenantId, String markId) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("_id").is(markId).and("tenantId")
                .is(tenantId)), MarkDocument.class));
    }

    public List<MarkDocument> findAll(String tenantId, Collection<String> markIds) {
        return mongo.find(new Query(Criteria.where("_id").in(markIds).and("tenantId").is(tenantId)),
                MarkDocument.class);
    }

    private static List<String> ids(MarkResult result, PointStatus status) {
        return result.points().stream().filter(p -> p.status() == status).map(PointResult::id).toList();
    }
}

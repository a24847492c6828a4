package org.markpoint.marking.marks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.markpoint.marking.engine.MarkResult;
import org.markpoint.marking.engine.MarkingEngine;
import org.markpoint.marking.engine.PointResult;
import org.markpoint.marking.engine.PointStatus;
import org.markpoint.marking.scheme.SchemeDocument;
import org.markpoint.marking.scheme.SchemeReadModel;
import org.markpoint.marking.support.OutboxEntry;
import org.markpoint.model.event.AnswerMarked;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.SpottedMisconception;
import org.markpoint.model.scheme.MarkingScheme;
import org.springframework.dao.DuplicateKeyException;
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

    private final MarkingEngine engine;
    private final SchemeReadModel schemes;
    private final MongoTemplate mongo;
    private final Clock clock;

    public MarkingService(MarkingEngine engine, SchemeReadModel schemes, MongoTemplate mongo, Clock clock) {
        this.engine = engine;
        this.schemes = schemes;
        this.mongo = mongo;
        this.clock = clock;
    }

    public Optional<SchemeDocument> scheme(String tenantId, String questionId) {
        return schemes.find(tenantId, questionId);
    }

    /**
     * Marks an answer once per idempotency key: a retry with the same key (an LMS resending after a timeout, a
     * redelivered {@code AnswerSubmitted}) gets the stored mark back instead of a second mark. A blank key means
     * "no retry protection asked for".
     */
    public MarkDocument mark(String tenantId, String learnerId, String answer, Target target, String quizId,
                             String idempotencyKey) {
        String markId = idempotencyKey.isBlank() ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((tenantId + "\u0000" + idempotencyKey).getBytes(StandardCharsets.UTF_8))
                        .toString();
        if (!idempotencyKey.isBlank()) {
            Optional<MarkDocument> earlier = find(tenantId, markId);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        MarkResult result = engine.mark(answer, target.scheme());
        Instant now = clock.instant();
        String answerId = idempotencyKey.isBlank() ? markId : idempotencyKey;
        List<OutboxEntry> owed = List.of();
        if (!learnerId.isBlank()) {
            AnswerMarked event = new AnswerMarked(markId, answerId, learnerId, target.questionId(), target.version(),
                    result.mark(), result.maxMarks(), ids(result, PointStatus.HIT), ids(result, PointStatus.MISSED),
                    OutcomeSplit.of(result, target.scheme(), target.learningOutcomes()), result.confidence(), quizId,
                    result.misconceptions().stream().map(m -> new SpottedMisconception(m.id(), m.correction()))
                            .toList());
            owed = List.of(OutboxEntry.of(EventEnvelope.wrap(tenantId, event, now)));
        }
        MarkDocument doc = new MarkDocument(markId, tenantId, learnerId, target.questionId(), target.version(), answer,
                result, now, owed, MarkDocument.Review.of(result));
        try {
            mongo.insert(doc);
        } catch (DuplicateKeyException raced) {
            // a concurrent retry with the same key won: its mark is the one
            return find(tenantId, markId).orElseThrow(() -> raced);
        }
        return doc;
    }

    public Optional<MarkDocument> find(String tenantId, String markId) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("_id").is(markId).and("tenantId")
                .is(tenantId)), MarkDocument.class));
    }

    private static List<String> ids(MarkResult result, PointStatus status) {
        return result.points().stream().filter(p -> p.status() == status).map(PointResult::id).toList();
    }
}

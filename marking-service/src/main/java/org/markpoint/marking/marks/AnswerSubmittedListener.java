package org.markpoint.marking.marks;

import org.markpoint.marking.scheme.SchemeDocument;
import org.markpoint.model.event.AnswerSubmitted;
import org.markpoint.model.event.EventCodec;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.MarkpointEvent;
import org.markpoint.model.event.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The asynchronous marking path: an answer that waited (a quiz whose synchronous call timed out, a batch) is marked
 * with its answer id as the idempotency key, so a redelivery, or a synchronous mark that finished late, leaves
 * exactly one mark and one {@code AnswerMarked}. An answer to a question unknown here or retired is dead-lettered.
 */
@Component
class AnswerSubmittedListener {

    private final EventCodec codec = new EventCodec();
    private final MarkingService marking;

    AnswerSubmittedListener(MarkingService marking) {
        this.marking = marking;
    }

    @KafkaListener(topics = Topics.ANSWER_SUBMITTED, groupId = "${spring.application.name}")
    void on(String payload) {
        EventEnvelope<MarkpointEvent> envelope = codec.decode(payload);
        if (!(envelope.body() instanceof AnswerSubmitted e)) {
            throw new IllegalArgumentException("unexpected " + envelope.type() + " on " + Topics.ANSWER_SUBMITTED);
        }
        String tenant = envelope.tenantId();
        if (e.answerId() == null || e.answerId().isBlank()) {
            throw new UnmarkableAnswerException("AnswerSubmitted " + envelope.eventId() + " has no answerId");
        }
        if (marking.erased(tenant, e.learnerId() == null ? "" : e.learnerId())) {
            return; // an answer still in flight when its learner was erased: it must not bring them back
        }
        SchemeDocument scheme = marking.scheme(tenant, e.questionId()).orElseThrow(() ->
                new UnmarkableAnswerException("question '" + e.questionId() + "' is not published here"));
        if (scheme.retired()) {
            throw new UnmarkableAnswerException("question '" + e.questionId() + "' version " + scheme.version()
                    + " was retired; it no longer takes answers");
        }
        marking.mark(tenant, e.learnerId(), e.answer() == null ? "" : e.answer(), MarkingService.Target.of(scheme),
                e.quizId(), e.answerId());
    }
}

package org.markpoint.progress.quiz;

import org.markpoint.model.event.AnswerMarked;
import org.markpoint.model.event.EventCodec;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.MarkOverridden;
import org.markpoint.model.event.MarkpointEvent;
import org.markpoint.model.event.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Puts marks on quiz items, and tutors' overrides over them. Its own consumer group, beside mastery tracking's: each
 * reads every mark, and a failure in one does not hold the other back. Marks made outside a quiz, or for a quiz we do
 * not hold, are skipped.
 */
@Component
class QuizMarkListener {

    private final EventCodec codec = new EventCodec();
    private final QuizStore store;

    QuizMarkListener(QuizStore store) {
        this.store = store;
    }

    @KafkaListener(topics = Topics.ANSWER_MARKED, groupId = "${spring.application.name}-quizzes")
    void on(String payload) {
        EventEnvelope<MarkpointEvent> envelope = codec.decode(payload);
        String tenantId = envelope.tenantId();
        if (envelope.body() instanceof MarkOverridden o) {
            store.findByMark(tenantId, o.learnerId(), o.markId()).ifPresent(found -> store.update(tenantId,
                    found.id(), doc -> doc.quiz().markById(o.markId())
                            .map(m -> doc.with(doc.quiz().remarked(MarkResponses.overridden(m, o)))).orElse(doc)));
            return;
        }
        if (!(envelope.body() instanceof AnswerMarked e) || e.quizId().isBlank()) {
            return;
        }
        store.find(tenantId, e.quizId()).flatMap(doc -> doc.quiz().itemByAnswerId(e.answerId()))
                .ifPresent(item -> store.update(tenantId, e.quizId(), doc -> doc.with(
                        doc.quiz().marked(item.itemId(), MarkResponses.details(e)))));
    }
}

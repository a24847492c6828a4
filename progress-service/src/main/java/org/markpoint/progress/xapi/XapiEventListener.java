package org.markpoint.progress.xapi;

import org.markpoint.model.event.AnswerMarked;
import org.markpoint.model.event.EventCodec;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.MarkpointEvent;
import org.markpoint.model.event.MasteryUpdated;
import org.markpoint.model.event.QuizCompleted;
import org.markpoint.model.event.Topics;
import org.markpoint.progress.privacy.Tombstones;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Its own consumer group on the marks and mastery streams, so recording statements never holds up mastery tracing
 * (and a new deployment replays history into statements). Other event types on those topics are not xAPI-worthy.
 */
@Component
class XapiEventListener {

    private final EventCodec codec = new EventCodec();
    private final StatementFactory factory;
    private final StatementStore store;
    private final Tombstones tombstones;

    XapiEventListener(XapiProperties props, StatementStore store, Tombstones tombstones) {
        this.factory = new StatementFactory(props.baseIri(), props.masteryThreshold());
        this.store = store;
        this.tombstones = tombstones;
    }

    @KafkaListener(topics = {Topics.ANSWER_MARKED, Topics.MASTERY}, groupId = "${spring.application.name}-xapi")
    void on(String payload) {
        EventEnvelope<MarkpointEvent> envelope = codec.decode(payload);
        switch (envelope.body()) {
            case AnswerMarked e when !e.learnerId().isBlank() -> save(envelope.tenantId(), e.learnerId(),
                    factory.answered(envelope.eventId(), envelope.occurredAt(), e));
            case MasteryUpdated e -> factory.masteryChanged(envelope.eventId(), envelope.occurredAt(), e)
                    .ifPresent(s -> save(envelope.tenantId(), e.learnerId(), s));
            case QuizCompleted e -> save(envelope.tenantId(), e.learnerId(),
                    factory.completed(envelope.eventId(), envelope.occurredAt(), e));
            default -> {
                // anonymous marks and overrides make no statement
            }
        }
    }

    private void save(String tenantId, String learnerId, Statement statement) {
        // an erased learner gets no new statements (a mark or mastery change still in flight when they were erased)
        if (!tombstones.erased(tenantId, learnerId)) {
            store.save(tenantId, learnerId, statement);
        }
    }
}

package org.markpoint.question.privacy;

import org.markpoint.model.event.EventCodec;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.LearnerErased;
import org.markpoint.model.event.MarkpointEvent;
import org.markpoint.model.event.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** GDPR erasure: acknowledge it (there is nothing of the learner's here). Replaying it is harmless. */
@Component
class LearnerErasedListener {

    private final EventCodec codec = new EventCodec();
    private final ErasedLearners erased;

    LearnerErasedListener(ErasedLearners erased) {
        this.erased = erased;
    }

    @KafkaListener(topics = Topics.LEARNER, groupId = "${spring.application.name}")
    void on(String payload) {
        EventEnvelope<MarkpointEvent> envelope = codec.decode(payload);
        if (envelope.body() instanceof LearnerErased e) {
            erased.erase(envelope.tenantId(), e.learnerId(), envelope.eventId().toString());
        }
    }
}

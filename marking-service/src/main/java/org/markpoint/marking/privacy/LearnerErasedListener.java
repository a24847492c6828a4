package org.markpoint.marking.privacy;

import org.markpoint.model.event.EventCodec;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.LearnerErased;
import org.markpoint.model.event.MarkpointEvent;
import org.markpoint.model.event.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** GDPR erasure requested (by progress-service's admin API): erase the learner here. Replaying it is harmless. */
@Component
class LearnerErasedListener {

    private final EventCodec codec = new EventCodec();
    private final LearnerErasure erasure;

    LearnerErasedListener(LearnerErasure erasure) {
        this.erasure = erasure;
    }

    @KafkaListener(topics = Topics.LEARNER, groupId = "${spring.application.name}")
    void on(String payload) {
        EventEnvelope<MarkpointEvent> envelope = codec.decode(payload);
        if (envelope.body() instanceof LearnerErased e) {
            erasure.erase(envelope.tenantId(), e.learnerId(), envelope.eventId().toString());
        }
    }
}

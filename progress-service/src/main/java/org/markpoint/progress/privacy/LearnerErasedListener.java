package org.markpoint.progress.privacy;

import org.markpoint.model.event.EventCodec;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.LearnerErased;
import org.markpoint.model.event.MarkpointEvent;
import org.markpoint.model.event.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** GDPR erasure: erase the learner's progress, quizzes and cohort places here. Replaying it is harmless. */
@Component
class LearnerErasedListener {

    private final EventCodec codec = new EventCodec();
    private final LearnerPrivacy privacy;

    LearnerErasedListener(LearnerPrivacy privacy) {
        this.privacy = privacy;
    }

    @KafkaListener(topics = Topics.LEARNER, groupId = "${spring.application.name}")
    void on(String payload) {
        EventEnvelope<MarkpointEvent> envelope = codec.decode(payload);
        if (envelope.body() instanceof LearnerErased e) {
            privacy.apply(envelope.tenantId(), e.learnerId(), envelope.eventId().toString());
        }
    }
}

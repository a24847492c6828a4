package org.markpoint.progress.tracking;

import org.markpoint.model.event.EventCodec;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.MarkEvent;
import org.markpoint.model.event.MarkpointEvent;
import org.markpoint.model.event.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class MarkEventListener {

    private final EventCodec codec = new EventCodec();
    private final ProgressTracker tracker;

    MarkEventListener(ProgressTracker tracker) {
        this.tracker = tracker;
    }

    @KafkaListener(topics = Topics.ANSWER_MARKED, groupId = "${spring.application.name}")
    void on(String payload) {
        EventEnvelope<MarkpointEvent> envelope = codec.decode(payload);
        if (!(envelope.body() instanceof MarkEvent event)) {
            throw new IllegalArgumentException("unexpected " + envelope.type() + " on " + Topics.ANSWER_MARKED);
        }
        tracker.apply(envelope, event);
    }
}

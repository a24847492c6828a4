package org.markpoint.progress.catalog;

import org.markpoint.model.event.EventCodec;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.MarkpointEvent;
import org.markpoint.model.event.QuestionPublished;
import org.markpoint.model.event.QuestionRetired;
import org.markpoint.model.event.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class BankEventListener {

    private final EventCodec codec = new EventCodec();
    private final QuestionCatalog catalog;

    BankEventListener(QuestionCatalog catalog) {
        this.catalog = catalog;
    }

    @KafkaListener(topics = Topics.QUESTION, groupId = "${spring.application.name}")
    void on(String payload) {
        EventEnvelope<MarkpointEvent> envelope = codec.decode(payload);
        switch (envelope.body()) {
            case QuestionPublished e -> catalog.apply(envelope.tenantId(), e);
            case QuestionRetired e -> catalog.apply(envelope.tenantId(), e, envelope.occurredAt());
            default -> throw new IllegalArgumentException("unexpected " + envelope.type() + " on " + Topics.QUESTION);
        }
    }
}

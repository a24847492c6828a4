package org.markpoint.question.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.markpoint.model.event.EventCodec;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.LearnerErased;
import org.markpoint.model.privacy.LearnerPseudonym;
import org.markpoint.question.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/** question-service's internal GDPR endpoints: its (empty) part of an export, and the erasure acknowledgement. */
class PrivacyApiIT extends BankApiTestBase {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void givenAnyLearner_whenExported_thenNothingIsHeldHere() {
        var export = body(Http.get(url("/api/v1/internal/learners/learner-q/export")));

        assertThat(export.get("service").asString()).isEqualTo("question-service");
        assertThat(export.get("found").asBoolean()).isFalse();
        assertThat(export.get("items")).isEmpty();
    }

    @Test
    void givenLearnerErased_whenConsumed_thenAcknowledgedUnderThePseudonymOnly() throws Exception {
        String ack = url("/api/v1/internal/erasures/" + LearnerPseudonym.of("demo", "learner-gone"));
        assertThat(body(Http.get(ack)).get("acknowledged").asBoolean()).isFalse();

        var event = EventEnvelope.wrap("demo", new LearnerErased("learner-gone"), Instant.now());
        kafka.send(event.topic(), event.key(), new EventCodec().encode(event)).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> body(Http.get(ack)).get("acknowledged").asBoolean());
        assertThat(body(Http.get(ack)).get("acknowledgedAt").asString()).isNotBlank();
        assertThat(body(Http.get(url("/api/v1/internal/erasures/" + LearnerPseudonym.of("other", "learner-gone"))))
                .get("acknowledged").asBoolean()).isFalse();
    }
}

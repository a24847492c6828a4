package org.markpoint.progress.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.markpoint.model.event.AnswerMarked;
import org.markpoint.model.event.EventCodec;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.MarkOverridden;
import org.markpoint.model.event.MarkpointEvent;
import org.markpoint.model.event.OutcomeEvidence;
import org.markpoint.model.event.QuestionPublished;
import org.markpoint.model.event.QuestionRetired;
import org.markpoint.model.event.Topics;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.progress.calibration.CalibrationRefitJob;
import org.markpoint.progress.calibration.CalibrationStore;
import org.markpoint.progress.catalog.QuestionCatalog;
import org.markpoint.progress.mastery.BktParameters;
import org.markpoint.progress.mastery.Calibration;
import org.markpoint.progress.mastery.MasteryEstimate;
import org.markpoint.progress.support.Http;
import org.markpoint.progress.support.TestMongo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** progress-service against a real Kafka broker and the MongoDB-wire server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=progress-service", "markpoint.refit.min-responses=20"})
@EmbeddedKafka(partitions = 1, topics = {Topics.QUESTION, Topics.ANSWER_MARKED, Topics.ANSWER_MARKED + ".dlt",
    Topics.MASTERY})
class MarkEventsIT {

    private static final EventCodec CODEC = new EventCodec();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("spring.mongodb.uri", TestMongo::uri);
        r.add("spring.mongodb.database", () -> "progress-it");
        r.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    QuestionCatalog catalog;

    @Autowired
    ProgressTracker tracker;

    @Autowired
    CalibrationRefitJob refitJob;

    @Autowired
    CalibrationStore calibrations;

    private static AnswerMarked marked(String markId, String learner, int mark, int max) {
        return new AnswerMarked(markId, markId, learner, "q1", 1, mark, max, List.of(), List.of(),
                List.of(new OutcomeEvidence("lo-1", mark, max)), 0.8, "");
    }

    private void send(EventEnvelope<?> envelope) throws Exception {
        kafka.send(envelope.topic(), envelope.key(), CODEC.encode(envelope)).get();
    }

    private JsonNode masteryOf(String learner) {
        HttpResponse<String> r = Http.get("http://127.0.0.1:" + port + "/api/v1/progress/learners/" + learner
                + "/mastery");
        return r.statusCode() == 200 ? JSON.readTree(r.body()).at("/outcomes/0") : JSON.missingNode();
    }

    @Test
    void givenTheSameEventTwice_whenConsumed_thenCountedOnce() throws Exception {
        EventEnvelope<AnswerMarked> event = EventEnvelope.wrap("demo", marked("m-dup", "dup-learner", 2, 2),
                Instant.now());
        send(event);
        send(event);
        send(EventEnvelope.wrap("demo", marked("m-after", "dup-learner", 2, 2), Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> masteryOf("dup-learner").path("evidence").asInt() == 2);
        assertThat(masteryOf("dup-learner").path("evidence").asInt()).isEqualTo(2);
    }

    @Test
    void givenPartialAndFullCredit_whenConsumed_thenPartialMovesMasteryLess() throws Exception {
        send(EventEnvelope.wrap("demo", marked("m-full", "full-learner", 5, 5), Instant.now()));
        send(EventEnvelope.wrap("demo", marked("m-part", "part-learner", 3, 5), Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> masteryOf("full-learner").has("mastery")
                && masteryOf("part-learner").has("mastery"));
        assertThat(masteryOf("part-learner").get("mastery").asDouble())
                .isLessThan(masteryOf("full-learner").get("mastery").asDouble());
    }

    @Test
    void givenAnOverride_whenConsumed_thenItReplacesTheEvidenceInsteadOfAdding() throws Exception {
        send(EventEnvelope.wrap("demo", marked("m-low", "appeal-learner", 0, 4), Instant.now()));
        send(EventEnvelope.wrap("demo", marked("m-ref", "reference-learner", 4, 4), Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> masteryOf("appeal-learner").has("mastery")
                && masteryOf("reference-learner").has("mastery"));
        double before = masteryOf("appeal-learner").get("mastery").asDouble();

        send(EventEnvelope.wrap("demo", new MarkOverridden("m-low", "appeal-learner", "q1", 0, 4, 4,
                List.of(new OutcomeEvidence("lo-1", 4, 4)), "missed a point", "tutor-1"), Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> masteryOf("appeal-learner").get("mastery").asDouble()
                > before);
        JsonNode after = masteryOf("appeal-learner");
        assertThat(after.get("evidence").asInt()).isEqualTo(1);
        assertThat(after.get("mastery").asDouble()).isEqualTo(masteryOf("reference-learner").get("mastery").asDouble());
    }

    @Test
    void givenAPoisonMessage_whenConsumed_thenDeadLetteredWithReasonAndThePartitionKeepsFlowing() throws Exception {
        kafka.send(Topics.ANSWER_MARKED, "poison-learner", "{not json").get();
        send(EventEnvelope.wrap("demo", marked("m-next", "poison-learner", 1, 1), Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> masteryOf("poison-learner").has("mastery"));
        try (Consumer<String, String> dlt = new KafkaConsumer<>(KafkaTestUtils.consumerProps(broker, "dlt-it", true),
                new StringDeserializer(), new StringDeserializer())) {
            broker.consumeFromAnEmbeddedTopic(dlt, Topics.deadLetter(Topics.ANSWER_MARKED));
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                KafkaTestUtils.getRecords(dlt, Duration.ofMillis(500)).forEach(seen::add);
                return !seen.isEmpty();
            });
            ConsumerRecord<String, String> dead = seen.getFirst();
            assertThat(dead.value()).isEqualTo("{not json");
            assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value()))
                    .contains("not JSON");
        }
    }

    @Test
    void givenAMark_whenApplied_thenMasteryUpdatedIsPublished() throws Exception {
        send(EventEnvelope.wrap("demo", marked("m-pub", "pub-learner", 1, 2), Instant.now()));
        try (Consumer<String, String> c = new KafkaConsumer<>(KafkaTestUtils.consumerProps(broker, "mastery-it", true),
                new StringDeserializer(), new StringDeserializer())) {
            broker.consumeFromAnEmbeddedTopic(c, Topics.MASTERY);
            List<EventEnvelope<MarkpointEvent>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                KafkaTestUtils.getRecords(c, Duration.ofMillis(500)).forEach(r -> seen.add(CODEC.decode(r.value())));
                return seen.stream().anyMatch(e -> e.key().equals("pub-learner"));
            });
        }
    }

    @Test
    void givenAnUnknownLearner_whenMasteryRequested_then404Problem() {
        HttpResponse<String> r = Http.get("http://127.0.0.1:" + port + "/api/v1/progress/learners/nobody/mastery");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
    }

    /** Dead letters whose key is {@code learner}, read from the start of the DLT until {@code count} have come. */
    private List<ConsumerRecord<String, String>> deadLetters(String learner, int count) {
        try (Consumer<String, String> dlt = new KafkaConsumer<>(KafkaTestUtils.consumerProps(broker,
                "dlt-" + learner, true), new StringDeserializer(), new StringDeserializer())) {
            broker.consumeFromAnEmbeddedTopic(dlt, Topics.deadLetter(Topics.ANSWER_MARKED));
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                KafkaTestUtils.getRecords(dlt, Duration.ofMillis(500)).forEach(r -> {
                    if (learner.equals(r.key())) {
                        seen.add(r);
                    }
                });
                return seen.size() >= count;
            });
            return seen;
        }
    }

    private static String reason(ConsumerRecord<String, String> dead) {
        return new String(dead.headers().lastHeader("kafka_dlt-exception-message").value());
    }

    @Test
    void givenOutOfRangeMarks_whenConsumed_thenDeadLetteredWithTheReasonAndMasteryIsUntouched() throws Exception {
        send(EventEnvelope.wrap("demo", marked("m-range-ok", "range-learner", 1, 2), Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> masteryOf("range-learner").has("mastery"));
        JsonNode before = masteryOf("range-learner");

        send(EventEnvelope.wrap("demo", marked("m-range-7of5", "range-learner", 7, 5), Instant.now()));
        send(EventEnvelope.wrap("demo", new AnswerMarked("m-range-lo", "a", "range-learner", "q1", 1, 1, 2, List.of(),
                List.of(), List.of(new OutcomeEvidence("lo-1", 3, 2)), 0.8, ""), Instant.now()));
        send(EventEnvelope.wrap("demo", new MarkOverridden("m-range-ok", "range-learner", "q1", 1, 9, 2, List.of(),
                "typo", "tutor-1"), Instant.now()));

        List<String> reasons = deadLetters("range-learner", 3).stream().map(MarkEventsIT::reason).toList();
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("m-range-7of5", "mark 7 is out of range 0..5"))
                .anySatisfy(r -> assertThat(r).contains("outcomes[0].marksAwarded 3.0 is out of range 0..2.0"))
                .anySatisfy(r -> assertThat(r).contains("MarkOverridden", "newMark 9 is out of range 0..2"));
        assertThat(masteryOf("range-learner")).isEqualTo(before);
        assertThat(before.get("evidence").asInt()).isEqualTo(1);
    }

    @Test
    void givenARetiredQuestion_whenAMarkMadeAfterTheRetirementArrives_thenDeadLetteredButAnEarlierMarkCounts()
            throws Exception {
        Instant retiredAt = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        send(EventEnvelope.wrap("demo", new QuestionPublished("q-old", 1, "unit-1", List.of("lo-1"),
                new MarkingScheme("State it.", "state", 1, "", List.of(MarkingPoint.of("a", "it")), List.of(),
                        List.of())), retiredAt.minus(Duration.ofDays(30))));
        send(EventEnvelope.wrap("demo", new QuestionRetired("q-old", 1), retiredAt));
        await().atMost(Duration.ofSeconds(20)).until(() -> catalog.retiredAt("demo", "q-old").isPresent());
        assertThat(catalog.retiredAt("demo", "q-old")).contains(retiredAt);

        AnswerMarked late = new AnswerMarked("m-after-retire", "a1", "retired-learner", "q-old", 1, 1, 1, List.of(),
                List.of(), List.of(new OutcomeEvidence("lo-1", 1, 1)), 0.9, "");
        AnswerMarked early = new AnswerMarked("m-before-retire", "a2", "retired-learner", "q-old", 1, 0, 1, List.of(),
                List.of(), List.of(new OutcomeEvidence("lo-1", 0, 1)), 0.9, "");
        send(EventEnvelope.wrap("demo", late, Instant.now()));
        send(EventEnvelope.wrap("demo", early, retiredAt.minus(Duration.ofMinutes(5))));

        assertThat(reason(deadLetters("retired-learner", 1).getFirst())).contains("m-after-retire",
                "question 'q-old' was retired");
        await().atMost(Duration.ofSeconds(20)).until(() -> masteryOf("retired-learner").has("mastery"));
        assertThat(masteryOf("retired-learner").get("evidence").asInt()).isEqualTo(1);
        assertThat(masteryOf("retired-learner").get("mastery").asDouble()).isEqualTo(0.176); // the 0/1, not the 1/1
    }

    @Test
    void givenAResponseLog_whenRefitted_thenTheNextUpdateUsesTheFittedParameters() throws Exception {
        String tenant = "refit-tenant";
        Instant start = Instant.now().minus(Duration.ofDays(10));
        // 10 learners x 4 answers: mostly wrong, then right - a slow-learning outcome, unlike the defaults
        for (int l = 0; l < 10; l++) {
            for (int i = 0; i < 4; i++) {
                int mark = i >= 3 || (l % 3 == 0 && i == 2) ? 1 : 0;
                send(EventEnvelope.wrap(tenant, new AnswerMarked("fit-" + l + "-" + i, "a", "fit-learner-" + l,
                        "q-fit-" + (i % 2), 1, mark, 1, List.of(), List.of(),
                        List.of(new OutcomeEvidence("lo-fit", mark, 1)), 0.9, ""),
                        start.plus(Duration.ofHours(l * 4L + i))));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> tracker.find(tenant, "fit-learner-9")
                .map(p -> p.responses().size()).orElse(0) == 4);
        assertThat(calibrations.current(tenant).parameters("lo-fit")).isEqualTo(BktParameters.defaults());

        Calibration fitted = refitJob.refit(tenant);

        BktParameters p = fitted.parameters("lo-fit");
        assertThat(p).isNotEqualTo(BktParameters.defaults());
        assertThat(calibrations.current(tenant)).isEqualTo(fitted);
        Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        send(EventEnvelope.wrap(tenant, new AnswerMarked("fit-fresh", "a", "fresh-learner", "q-fit-0", 1, 1, 1,
                List.of(), List.of(), List.of(new OutcomeEvidence("lo-fit", 1, 1)), 0.9, ""), at));
        await().atMost(Duration.ofSeconds(20)).until(() -> tracker.find(tenant, "fresh-learner").isPresent());

        double expected = fitted.tracer().update(MasteryEstimate.initial(p, at), p, 1.0, at,
                fitted.difficulty("q-fit-0")).pKnown();
        double mastery = tracker.find(tenant, "fresh-learner").orElseThrow().outcome("lo-fit").orElseThrow().pKnown();
        assertThat(mastery).isEqualTo(expected);
        assertThat(mastery).as("the default parameters would give 0.6").isNotCloseTo(0.6,
                org.assertj.core.api.Assertions.within(0.01));
    }
}

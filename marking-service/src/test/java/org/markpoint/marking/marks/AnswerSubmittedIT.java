package org.markpoint.marking.marks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.markpoint.marking.support.TestMongo;
import org.markpoint.model.event.AnswerMarked;
import org.markpoint.model.event.AnswerSubmitted;
import org.markpoint.model.event.EventCodec;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.QuestionPublished;
import org.markpoint.model.event.QuestionRetired;
import org.markpoint.model.event.SpottedMisconception;
import org.markpoint.model.event.Topics;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.model.scheme.Misconception;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The asynchronous marking path: {@code AnswerSubmitted} in, one mark and one {@code AnswerMarked} out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=marking-service")
@EmbeddedKafka(partitions = 1, topics = {Topics.QUESTION, Topics.ANSWER_SUBMITTED, Topics.ANSWER_SUBMITTED + ".dlt",
    Topics.ANSWER_MARKED})
class AnswerSubmittedIT {

    private static final EventCodec CODEC = new EventCodec();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("spring.mongodb.uri", TestMongo::uri);
        r.add("spring.mongodb.database", () -> "marking-async-it");
        r.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MarkingService marking;

    @BeforeEach
    void questionPublished() {
        MarkingScheme scheme = new MarkingScheme("State one benefit of feedback.", "state", 1, "",
                List.of(MarkingPoint.of("a", "improvement")), List.of(), List.of());
        publish(EventEnvelope.wrap("demo", new QuestionPublished("q-async", 1, "u1", List.of("lo-1"), scheme),
                Instant.now()));
        publish(EventEnvelope.wrap("demo", new QuestionPublished("q-gone", 1, "u1", List.of("lo-1"), scheme),
                Instant.now()));
        publish(EventEnvelope.wrap("demo", new QuestionRetired("q-gone", 1), Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> marking.scheme("demo", "q-async").isPresent()
                && marking.scheme("demo", "q-gone").map(s -> s.retired()).orElse(false));
    }

    private void publish(EventEnvelope<?> e) {
        try {
            kafka.send(e.topic(), e.key(), CODEC.encode(e)).get();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static EventEnvelope<AnswerSubmitted> submitted(String answerId, String learner, String question) {
        return EventEnvelope.wrap("demo", new AnswerSubmitted(answerId, learner, question,
                "Feedback drives improvement.", "quiz-1"), Instant.now());
    }

    /** Reads AnswerMarked until {@code sentinel}'s mark appears: everything published before it is in the list. */
    private List<AnswerMarked> marksUpTo(String sentinel) {
        try (Consumer<String, String> c = new KafkaConsumer<>(KafkaTestUtils.consumerProps(broker,
                "marked-" + UUID.randomUUID(), true), new StringDeserializer(), new StringDeserializer())) {
            broker.consumeFromAnEmbeddedTopic(c, Topics.ANSWER_MARKED);
            List<AnswerMarked> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                KafkaTestUtils.getRecords(c, Duration.ofMillis(300))
                        .forEach(r -> seen.add((AnswerMarked) CODEC.decode(r.value()).body()));
                return seen.stream().anyMatch(m -> m.answerId().equals(sentinel));
            });
            return seen;
        }
    }

    @Test
    void givenAnAnswerWithALearner_whenMarked_thenItsAnswerMarkedIsPublished_andItsOutboxEntryRemovedAfterwards() {
        String learner = "sync-" + UUID.randomUUID();

        MarkDocument doc = marking.mark("demo", learner, "Feedback drives improvement.",
                marking.target("demo", "q-async", null), "", "");

        assertThat(doc.outbox()).hasSize(1);
        // no idempotency key: the answer id is the mark id
        assertThat(marksUpTo(doc.id())).filteredOn(m -> m.markId().equals(doc.id())).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> marking.find("demo", doc.id()).orElseThrow().outbox()
                .isEmpty());
    }

    @Test
    void givenAnAnswerWithAMisconception_whenMarked_thenItsAnswerMarkedCarriesTheMisconception() {
        MarkingScheme scheme = new MarkingScheme("Who is responsible for customer service?", "explain", 2, "",
                List.of(MarkingPoint.of("a", "everyone in the organisation")),
                List.of(new Misconception("m1", "customer service is only the front-line staff's job",
                        "Everyone in the organisation affects customer service.")), List.of());

        MarkDocument doc = marking.mark("demo", "learner-misc", "Customer service is only the job of front-line staff.",
                new MarkingService.Target("", 0, List.of("lo-1"), scheme), "", "");

        AnswerMarked owed = (AnswerMarked) CODEC.decode(doc.outbox().getFirst().payload()).body();
        assertThat(owed.misconceptions()).containsExactly(new SpottedMisconception("m1",
                "Everyone in the organisation affects customer service."));
    }

    @Test
    void givenTheSameAnswerSubmittedTwice_whenConsumed_thenOneMarkAndOneAnswerMarked() {
        String learner = "async-" + UUID.randomUUID();
        EventEnvelope<AnswerSubmitted> event = submitted("quiz-1:item-1:" + learner, learner, "q-async");
        publish(event);
        publish(submitted(event.body().answerId(), learner, "q-async")); // a second publish of the same answer
        publish(submitted("sentinel-" + learner, learner, "q-async"));

        List<AnswerMarked> marks = marksUpTo("sentinel-" + learner);

        List<AnswerMarked> mine = marks.stream().filter(m -> m.answerId().equals(event.body().answerId())).toList();
        assertThat(mine).hasSize(1);
        assertThat(mine.getFirst().quizId()).isEqualTo("quiz-1");
        assertThat(mine.getFirst().learnerId()).isEqualTo(learner);
        assertThat(mine.getFirst().mark()).isEqualTo(1);
        assertThat(mine.getFirst().outcomes()).extracting(o -> o.outcomeId()).containsExactly("lo-1");
    }

    @Test
    void givenASynchronousMarkUnderTheAnswerId_whenTheAnswerIsSubmittedLate_thenNoSecondMark() throws Exception {
        String learner = "late-" + UUID.randomUUID();
        String answerId = "quiz-2:item-1:" + learner;
        MarkingService.Target target = MarkingService.Target.of(marking.scheme("demo", "q-async").orElseThrow());
        MarkDocument sync = marking.mark("demo", learner, "Feedback drives improvement.", target, "quiz-2", answerId);

        publish(submitted(answerId, learner, "q-async"));
        publish(submitted("sentinel-" + learner, learner, "q-async"));

        List<AnswerMarked> mine = marksUpTo("sentinel-" + learner).stream()
                .filter(m -> m.answerId().equals(answerId)).toList();
        assertThat(mine).extracting(AnswerMarked::markId).containsExactly(sync.id());
    }

    @Test
    void givenAnUnknownOrRetiredQuestion_whenSubmitted_thenDeadLetteredWithTheReason() {
        String learner = "dead-" + UUID.randomUUID();
        publish(submitted("a-unknown-" + learner, learner, "q-nowhere"));
        publish(submitted("a-retired-" + learner, learner, "q-gone"));
        publish(submitted("sentinel-" + learner, learner, "q-async"));

        assertThat(marksUpTo("sentinel-" + learner)).noneMatch(m -> m.learnerId().equals(learner)
                && !m.answerId().startsWith("sentinel"));
        try (Consumer<String, String> dlt = new KafkaConsumer<>(KafkaTestUtils.consumerProps(broker,
                "dlt-" + UUID.randomUUID(), true), new StringDeserializer(), new StringDeserializer())) {
            broker.consumeFromAnEmbeddedTopic(dlt, Topics.deadLetter(Topics.ANSWER_SUBMITTED));
            List<ConsumerRecord<String, String>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                KafkaTestUtils.getRecords(dlt, Duration.ofMillis(300)).forEach(r -> {
                    if (r.key().equals(learner)) {
                        dead.add(r);
                    }
                });
                return dead.size() == 2;
            });
            assertThat(dead).extracting(r -> new String(r.headers().lastHeader("kafka_dlt-exception-message").value()))
                    .anySatisfy(m -> assertThat(m).contains("q-nowhere").contains("not published"))
                    .anySatisfy(m -> assertThat(m).contains("q-gone").contains("retired"));
        }
    }
}

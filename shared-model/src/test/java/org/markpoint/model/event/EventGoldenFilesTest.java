package org.markpoint.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.markpoint.model.scheme.GlossaryTerm;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.model.scheme.Misconception;
import tools.jackson.databind.json.JsonMapper;

/** Pins every event's wire form: serialise, compare with the golden file, deserialise back to the same record. */
class EventGoldenFilesTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2026-11-25T10:15:30Z");

    private static <T extends MarkpointEvent> EventEnvelope<T> envelope(String id, T body) {
        EventType type = EventType.of(body);
        return new EventEnvelope<>(UUID.fromString(id), type.wireName(), 1, AT, "demo", body);
    }

    static Stream<Arguments> events() {
        MarkingScheme scheme = new MarkingScheme("Explain how training improves service.", "explain", 2, "",
                List.of(new MarkingPoint("a", "training closes skills gaps", List.of("skills gap"), List.of(), 1,
                        "lo-1")),
                List.of(new Misconception("m1", "the customer is always right",
                        "Service balances customer needs with policy.")),
                List.of(new GlossaryTerm("CSAT", "customer satisfaction score", List.of("satisfaction score"))));
        return Stream.of(
                Arguments.of("question-published.json", envelope("00000000-0000-0000-0000-000000000001",
                        new QuestionPublished("q1", 2, "unit-1", List.of("lo-1"), scheme))),
                Arguments.of("question-retired.json", envelope("00000000-0000-0000-0000-000000000002",
                        new QuestionRetired("q1", 2))),
                Arguments.of("answer-submitted.json", envelope("00000000-0000-0000-0000-000000000003",
                        new AnswerSubmitted("a1", "learner-1", "q1", "Training closes gaps.", "quiz-1"))),
                Arguments.of("answer-marked.json", envelope("00000000-0000-0000-0000-000000000004",
                        new AnswerMarked("m1", "a1", "learner-1", "q1", 2, 1, 2, List.of("a"), List.of("b"),
                                List.of(new OutcomeEvidence("lo-1", 1, 2)), 0.82, "quiz-1",
                                List.of(new SpottedMisconception("m1",
                                        "Service balances customer needs with policy."))))),
                Arguments.of("mark-overridden.json", envelope("00000000-0000-0000-0000-000000000005",
                        new MarkOverridden("m1", "learner-1", "q1", 1, 2, 2,
                                List.of(new OutcomeEvidence("lo-1", 2, 2)), "point b was made", "tutor-1"))),
                Arguments.of("mastery-updated.json", envelope("00000000-0000-0000-0000-000000000006",
                        new MasteryUpdated("learner-1", "lo-1", 0.2, 0.41, 1))),
                Arguments.of("quiz-completed.json", envelope("00000000-0000-0000-0000-000000000008",
                        new QuizCompleted("quiz-1", "learner-1", "unit-1", List.of("lo-1", "lo-2"), 5, 6, 0,
                                List.of("lo-1"), List.of("lo-2"), "all-classified", AT))),
                Arguments.of("learner-erased.json", envelope("00000000-0000-0000-0000-000000000007",
                        new LearnerErased("learner-1"))));
    }

    private static String golden(String file) throws IOException {
        try (InputStream in = EventGoldenFilesTest.class.getResourceAsStream("/events/" + file)) {
            assertThat(in).as("golden file " + file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void givenAnEvent_whenSerialised_thenMatchesItsGoldenFileAndRoundTrips(String file, EventEnvelope<?> event)
            throws IOException {
        if (Boolean.getBoolean("golden.update")) { // deliberate wire change: ./mvnw -pl shared-model test -Dgolden.update=true
            java.nio.file.Files.writeString(java.nio.file.Path.of("src/test/resources/events", file),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(CODEC.encode(event))) + "\n");
        }
        String golden = golden(file);
        assertThat(JSON.readTree(CODEC.encode(event))).isEqualTo(JSON.readTree(golden));
        assertThat(CODEC.decode(golden)).isEqualTo(event);
    }

    @Test
    void everyEventTypeHasAGoldenFile() {
        assertThat(events().map(a -> ((EventEnvelope<?>) a.get()[1]).type()))
                .containsExactlyInAnyOrderElementsOf(Stream.of(EventType.values()).map(EventType::wireName).toList());
    }

    @Test
    void givenAnUnknownTypeOrBrokenJson_whenDecoded_thenMalformedEventNamesTheProblem() {
        assertThatThrownBy(() -> CODEC.decode("{\"type\": \"Nope\"}")).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("Nope");
        assertThatThrownBy(() -> CODEC.decode("{oops")).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> CODEC.decode("{\"type\": \"LearnerErased\", \"eventId\": \"x\"}"))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void givenEachEvent_thenItsTopicAndKeyFollowTheStream() {
        assertThat(Topics.of(new QuestionRetired("q1", 1))).isEqualTo(Topics.QUESTION);
        assertThat(new QuestionRetired("q1", 1).partitionKey()).isEqualTo("q1");
        assertThat(Topics.of(new MarkOverridden("m", "l", "q", 0, 1, 1, List.of(), "", "t")))
                .isEqualTo(Topics.ANSWER_MARKED);
        assertThat(new MasteryUpdated("learner-9", "lo", 0, 1, 1).partitionKey()).isEqualTo("learner-9");
        assertThat(Topics.deadLetter(Topics.MASTERY)).isEqualTo("markpoint.mastery.v1.dlt");
    }

    @Test
    void givenAQuestionWithContext_whenSerialised_thenTheContextTravels_andWithoutOneTheWireFormIsUnchanged()
            throws IOException {
        MarkingScheme scheme = new MarkingScheme("Explain the risk.", "explain", 2, "", List.of(), List.of(),
                List.of());
        EventEnvelope<QuestionPublished> withContext = envelope("00000000-0000-0000-0000-000000000009",
                new QuestionPublished("q9", 1, "unit-1", List.of("lo-1"), scheme, "A customer phones, angry."));

        String json = CODEC.encode(withContext);

        assertThat(JSON.readTree(json).at("/body/context").asString()).isEqualTo("A customer phones, angry.");
        assertThat(CODEC.decode(json)).isEqualTo(withContext);
        assertThat(JSON.readTree(golden("question-published.json")).at("/body").has("context")).isFalse();
        assertThat(((QuestionPublished) CODEC.decode(golden("question-published.json")).body()).context()).isEmpty();
    }

    @Test
    void givenAnAnswerMarkedWithoutMisconceptions_whenSerialised_thenTheFieldIsOffTheWire_andOldFormsDecode()
            throws IOException {
        EventEnvelope<AnswerMarked> plain = envelope("00000000-0000-0000-0000-000000000010",
                new AnswerMarked("m2", "a2", "learner-1", "q1", 2, 2, 2, List.of("a"), List.of(), List.of(), 0.9, ""));

        String json = CODEC.encode(plain);

        assertThat(JSON.readTree(json).at("/body").has("misconceptions")).isFalse();
        assertThat(CODEC.decode(json)).isEqualTo(plain);
        String old = golden("answer-marked.json").replaceAll("(?s),\\s*\"misconceptions\"\\s*:\\s*\\[.*?\\]", "");
        assertThat(JSON.readTree(old).at("/body").has("misconceptions")).isFalse();
        assertThat(((AnswerMarked) CODEC.decode(old).body()).misconceptions()).isEmpty();
    }
}

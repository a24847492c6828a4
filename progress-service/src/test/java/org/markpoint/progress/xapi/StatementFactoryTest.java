package org.markpoint.progress.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.markpoint.model.event.AnswerMarked;
import org.markpoint.model.event.MasteryUpdated;
import org.markpoint.model.event.OutcomeEvidence;
import org.markpoint.model.event.QuizCompleted;
import tools.jackson.databind.JsonNode;

class StatementFactoryTest {

    private static final StatementFactory FACTORY = new StatementFactory("https://markpoint.example.org/", 0.95);
    private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");
    private static final AnswerMarked MARKED = new AnswerMarked("m-1", "a-1", "learner-7", "q-9", 3, 1, 2,
            List.of("a"), List.of("b"), List.of(new OutcomeEvidence("lo-1", 1, 2)), 0.8, "quiz-4");

    private static JsonNode json(Statement s) {
        return StatementStore.JSON.readTree(StatementStore.JSON.writeValueAsString(s));
    }

    @Test
    void givenAnAnswerMarked_whenTurnedIntoAStatement_thenItIsAConformantAnsweredWithTheScore() {
        JsonNode s = json(FACTORY.answered(UUID.randomUUID(), AT, MARKED));

        assertThat(XapiConformance.violations(s)).isEmpty();
        assertThat(s.get("verb").get("id").asString()).isEqualTo("http://adlnet.gov/expapi/verbs/answered");
        assertThat(s.get("actor").get("account").get("homePage").asString()).isEqualTo("https://markpoint.example.org");
        assertThat(s.get("actor").get("account").get("name").asString()).isEqualTo("learner-7");
        assertThat(s.get("object").get("id").asString())
                .isEqualTo("https://markpoint.example.org/xapi/activities/questions/q-9");
        JsonNode result = s.get("result");
        assertThat(result.get("score").get("raw").asDouble()).isEqualTo(1);
        assertThat(result.get("score").get("max").asDouble()).isEqualTo(2);
        assertThat(result.get("score").get("scaled").asDouble()).isEqualTo(0.5);
        assertThat(result.get("success").asBoolean()).isTrue();
        assertThat(result.get("response").asString()).isEqualTo("a");
        assertThat(s.get("context").get("contextActivities").get("grouping").get(0).get("id").asString())
                .endsWith("/xapi/activities/outcomes/lo-1");
        assertThat(s.get("context").get("contextActivities").get("parent").get(0).get("id").asString())
                .endsWith("/xapi/activities/quizzes/quiz-4");
        assertThat(s.get("timestamp").asString()).isEqualTo("2026-03-01T10:15:30Z");
    }

    @Test
    void givenAQuizCompleted_whenTurnedIntoAStatement_thenItIsAConformantCompletedWithTheQuizScore() {
        JsonNode s = json(FACTORY.completed(UUID.randomUUID(), AT, new QuizCompleted("quiz-4", "learner-7", "unit-2",
                List.of("lo-1", "lo-2"), 5, 8, 0, List.of("lo-1"), List.of("lo-2"), "item-limit", AT)));

        assertThat(XapiConformance.violations(s)).isEmpty();
        assertThat(s.at("/verb/id").asString()).isEqualTo("http://adlnet.gov/expapi/verbs/completed");
        assertThat(s.at("/object/id").asString()).isEqualTo("https://markpoint.example.org/xapi/activities/quizzes/quiz-4");
        assertThat(s.at("/object/definition/type").asString()).isEqualTo("http://adlnet.gov/expapi/activities/assessment");
        assertThat(s.at("/result/score/raw").asDouble()).isEqualTo(5);
        assertThat(s.at("/result/score/max").asDouble()).isEqualTo(8);
        assertThat(s.at("/result/score/scaled").asDouble()).isEqualTo(0.625);
        assertThat(s.at("/result/completion").asBoolean()).isTrue();
        assertThat(s.at("/result/success").asBoolean()).as("an outcome is left to revise").isFalse();
        assertThat(s.at("/context/contextActivities/grouping")).hasSize(2);
        assertThat(s.at("/context/contextActivities/grouping/1/id").asString()).endsWith("/outcomes/lo-2");
    }

    @Test
    void givenTheSameEventTwice_whenTurnedIntoStatements_thenTheyShareOneId() {
        UUID event = UUID.randomUUID();
        assertThat(FACTORY.answered(event, AT, MARKED).id()).isEqualTo(FACTORY.answered(event, AT, MARKED).id());
    }

    @Test
    void givenMasteryCrossingTheThreshold_whenTurnedIntoAStatement_thenMasteredTheOutcome() {
        Statement s = FACTORY.masteryChanged(UUID.randomUUID(), AT, new MasteryUpdated("learner-7", "lo-1", 0.9,
                0.96, 6)).orElseThrow();

        assertThat(XapiConformance.violations(json(s))).isEmpty();
        assertThat(s.verb().id()).isEqualTo(StatementFactory.MASTERED);
        assertThat(s.object().id()).endsWith("/xapi/activities/outcomes/lo-1");
        assertThat(s.result().success()).isTrue();
        assertThat(s.result().score().scaled()).isEqualTo(0.96);
    }

    @Test
    void givenMasteryMovingBelowTheThreshold_whenTurnedIntoAStatement_thenProgressedNotMastered() {
        Statement s = FACTORY.masteryChanged(UUID.randomUUID(), AT, new MasteryUpdated("learner-7", "lo-1", 0.3,
                0.42, 2)).orElseThrow();

        assertThat(s.verb().id()).isEqualTo(StatementFactory.PROGRESSED);
        assertThat(s.result().success()).isFalse();
        assertThat(FACTORY.masteryChanged(UUID.randomUUID(), AT, new MasteryUpdated("l", "lo", 0.5, 0.5, 2)))
                .isEmpty();
    }

    @Test
    void givenABrokenStatement_whenChecked_thenEachMissingRequiredFieldIsReported() {
        JsonNode broken = StatementStore.JSON.readTree("""
            {"id": "not-a-uuid", "actor": {"name": "no ifi"}, "verb": {"id": "answered", "display": {}},
             "object": {"id": "q-9"}, "timestamp": "yesterday", "version": null}
            """);

        assertThat(XapiConformance.violations(broken)).containsExactlyInAnyOrder(
                "statement.version is null (xAPI leaves absent properties out)",
                "id must be a UUID (RFC 4122, lower-case hex)",
                "actor must have exactly one inverse functional identifier, has 0",
                "verb.id must be an IRI",
                "verb.display must be a non-empty language map",
                "object.id must be an IRI",
                "timestamp must be ISO 8601 with a time zone",
                "version must be 1.0.x");
    }
}

package org.markpoint.progress.xapi;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.markpoint.model.event.AnswerMarked;
import org.markpoint.model.event.MasteryUpdated;
import org.markpoint.model.event.QuizCompleted;
import org.markpoint.model.event.OutcomeEvidence;
import org.markpoint.progress.xapi.Statement.Activity;
import org.markpoint.progress.xapi.Statement.Agent;
import org.markpoint.progress.xapi.Statement.Context;
import org.markpoint.progress.xapi.Statement.ContextActivities;
import org.markpoint.progress.xapi.Statement.Definition;
import org.markpoint.progress.xapi.Statement.Result;
import org.markpoint.progress.xapi.Statement.Score;
import org.markpoint.progress.xapi.Statement.Verb;

/**
 * Turns Markpoint events into xAPI statements (pure: no Spring, no I/O).
 *
 * <ul>
 *   <li>{@code AnswerMarked} -> <b>answered</b> the question: score raw/min/max/scaled, success when at least half
 *   the marks were earned, response = the marking points credited ({@code [,]}-separated, xAPI's list form; the
 *   learner's own text stays in marking-service), the outcomes it evidences as grouping.</li>
 *   <li>{@code MasteryUpdated} crossing the mastery threshold upwards -> <b>mastered</b> the learning outcome;
 *   any other move -> <b>progressed</b> on it, score.scaled = the new mastery estimate.</li>
 *   <li>{@code QuizCompleted} -> <b>completed</b> the quiz (an assessment activity): the marks earned over the items
 *   marked, success when no outcome was left to revise, the quiz's learning outcomes as grouping.</li>
 * </ul>
 * A statement's id is derived from the event's id, so a redelivered event yields the same statement (stored once).
 */
public final class StatementFactory {

    public static final String ANSWERED = "http://adlnet.gov/expapi/verbs/answered";
    public static final String MASTERED = "http://adlnet.gov/expapi/verbs/mastered";
    public static final String PROGRESSED = "http://adlnet.gov/expapi/verbs/progressed";
    public static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    private static final String ASSESSMENT_TYPE = "http://adlnet.gov/expapi/activities/assessment";
    private static final String QUESTION_TYPE = "http://adlnet.gov/expapi/activities/cmi.interaction";
    private static final String OUTCOME_TYPE = "http://adlnet.gov/expapi/activities/objective";

    private final String base;
    private final double masteryThreshold;

    /** {@code baseIri}: where Markpoint is (the gateway's public URL); activity and account IRIs hang off it. */
    public StatementFactory(String baseIri, double masteryThreshold) {
        this.base = baseIri.endsWith("/") ? baseIri.substring(0, baseIri.length() - 1) : baseIri;
        this.masteryThreshold = masteryThreshold;
    }

    public Statement answered(UUID eventId, Instant at, AnswerMarked e) {
        double max = Math.max(0, e.maxMarks());
        double raw = Math.max(0, Math.min(e.mark(), max));
        double scaled = max == 0 ? 0 : raw / max;
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put(base + "/xapi/extensions/points-missed", e.pointsMissed());
        ext.put(base + "/xapi/extensions/confidence", e.confidence());
        Result result = new Result(new Score(scaled, raw, 0, max), scaled >= 0.5, true,
                String.join("[,]", e.pointsHit()), ext);
        List<Activity> outcomes = e.outcomes().stream().map(OutcomeEvidence::outcomeId).distinct()
                .map(this::outcome).toList();
        List<Activity> parent = e.quizId().isBlank() ? List.of()
                : List.of(new Activity("Activity", base + "/xapi/activities/quizzes/" + e.quizId(), null));
        Map<String, Object> ctxExt = new LinkedHashMap<>();
        ctxExt.put(base + "/xapi/extensions/mark-id", e.markId());
        ctxExt.put(base + "/xapi/extensions/question-version", e.questionVersion());
        Activity question = new Activity("Activity", base + "/xapi/activities/questions/" + e.questionId(),
                new Definition(Map.of("en-GB", "Question " + e.questionId()), QUESTION_TYPE, "long-fill-in"));
        return new Statement(id(eventId, "answered"), actor(e.learnerId()), verb(ANSWERED, "answered"), question,
                result, new Context("Markpoint", "en-GB", new ContextActivities(parent, outcomes), ctxExt),
                at.toString(), Statement.VERSION);
    }

    /** The statement for a mastery move, or none when the estimate did not change. */
    public Optional<Statement> masteryChanged(UUID eventId, Instant at, MasteryUpdated e) {
        if (e.mastery() == e.previous()) {
            return Optional.empty();
        }
        boolean mastered = e.previous() < masteryThreshold && e.mastery() >= masteryThreshold;
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put(base + "/xapi/extensions/previous-mastery", e.previous());
        ext.put(base + "/xapi/extensions/evidence", e.evidence());
        Result result = new Result(new Score(clamp(e.mastery()), clamp(e.mastery()), 0, 1),
                e.mastery() >= masteryThreshold, mastered ? Boolean.TRUE : null, null, ext);
        return Optional.of(new Statement(id(eventId, mastered ? "mastered" : "progressed"), actor(e.learnerId()),
                mastered ? verb(MASTERED, "mastered") : verb(PROGRESSED, "progressed"), outcome(e.outcomeId()), result,
                new Context("Markpoint", "en-GB", null, null), at.toString(), Statement.VERSION));
    }

    public Statement completed(UUID eventId, Instant at, QuizCompleted e) {
        double max = Math.max(0, e.scoreMaximum());
        double raw = Math.max(0, Math.min(e.scoreGiven(), max));
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put(base + "/xapi/extensions/mastered", e.mastered());
        ext.put(base + "/xapi/extensions/to-revise", e.toRevise());
        ext.put(base + "/xapi/extensions/stop-reason", e.stopReason());
        ext.put(base + "/xapi/extensions/pending-items", e.pendingItems());
        Result result = new Result(new Score(max == 0 ? 0 : raw / max, raw, 0, max), e.toRevise().isEmpty(), true,
                null, ext);
        String title = e.unitId().isEmpty() ? "Adaptive quiz" : "Adaptive quiz on unit " + e.unitId();
        Activity quiz = new Activity("Activity", base + "/xapi/activities/quizzes/" + e.quizId(),
                new Definition(Map.of("en-GB", title), ASSESSMENT_TYPE, null));
        List<Activity> outcomes = e.outcomes().stream().distinct().map(this::outcome).toList();
        return new Statement(id(eventId, "completed"), actor(e.learnerId()), verb(COMPLETED, "completed"), quiz,
                result, new Context("Markpoint", "en-GB", new ContextActivities(List.of(), outcomes), null),
                at.toString(), Statement.VERSION);
    }

    private Activity outcome(String outcomeId) {
        return new Activity("Activity", base + "/xapi/activities/outcomes/" + outcomeId,
                new Definition(Map.of("en-GB", "Learning outcome " + outcomeId), OUTCOME_TYPE, null));
    }

    private Agent actor(String learnerId) {
        return Agent.learner(base, learnerId);
    }

    private static Verb verb(String id, String display) {
        return new Verb(id, Map.of("en-US", display));
    }

    private static String id(UUID eventId, String kind) {
        return UUID.nameUUIDFromBytes((eventId + "/" + kind).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}

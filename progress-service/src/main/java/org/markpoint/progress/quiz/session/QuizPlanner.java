package org.markpoint.progress.quiz.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.markpoint.model.scheme.CommandWord;
import org.markpoint.progress.adaptive.CandidateQuestion;
import org.markpoint.progress.adaptive.NextQuestionChooser;
import org.markpoint.progress.adaptive.OutcomeState;
import org.markpoint.progress.adaptive.OutcomeVerdict;
import org.markpoint.progress.adaptive.PastAnswer;
import org.markpoint.progress.adaptive.QuestionChoice;
import org.markpoint.progress.adaptive.ReviewSchedule;
import org.markpoint.progress.adaptive.StopRule;
import org.markpoint.progress.mastery.BktParameters;
import org.markpoint.progress.mastery.Calibration;
import org.markpoint.progress.mastery.KnowledgeTracer;
import org.markpoint.progress.mastery.MasteryEstimate;

/**
 * Decides a quiz's next step from the learner's mastery and the questions in scope: stop (every outcome classified,
 * or the item limit reached, or no open outcome has a question left), else the question {@link NextQuestionChooser}
 * picks. On stopping it writes the summary, with a spaced-review date for each mastered outcome.
 */
public final class QuizPlanner {

    /** What to do next. */
    public sealed interface NextStep {

        record Ask(ScopeQuestion question, String reason) implements NextStep {
        }

        record Finish(QuizSummary summary) implements NextStep {
        }
    }

    /** The stop rule's "clearly not mastered" bar and evidence floor, as in {@link StopRule#defaults(int)}. */
    static final double NOT_MASTERED_AT = 0.25;
    static final int MIN_EVIDENCE = 3;
    /** Command word assumed for a question whose word the taxonomy does not know. */
    static final CommandWord UNKNOWN_WORD = CommandWord.DESCRIBE;

    private final KnowledgeTracer tracer;
    private final ReviewSchedule reviews;
    private final Function<String, BktParameters> parameters;
    private final ToDoubleFunction<String> difficulty;

    /** Every question of average difficulty (before calibration). */
    public QuizPlanner(KnowledgeTracer tracer, ReviewSchedule reviews, Function<String, BktParameters> parameters) {
        this(tracer, reviews, parameters, questionId -> 0.0);
    }

    /** {@code difficulty}: a question's calibrated difficulty (logits, 0 = average), so predicted success uses it. */
    public QuizPlanner(KnowledgeTracer tracer, ReviewSchedule reviews, Function<String, BktParameters> parameters,
                       ToDoubleFunction<String> difficulty) {
        this.tracer = tracer;
        this.reviews = reviews;
        this.parameters = parameters;
        this.difficulty = difficulty;
    }

    /** Plans with a tenant's last refit: its parameters, forgetting period and item difficulties. */
    public QuizPlanner(Calibration calibration, ReviewSchedule reviews) {
        this(calibration.tracer(), reviews, calibration::parameters, calibration::difficulty);
    }

    public NextStep next(QuizSession quiz, List<ScopeQuestion> questions, Map<String, MasteryEstimate> mastery,
                         Instant now) {
        List<OutcomeState> states = quiz.scope().outcomes().stream().map(o -> {
            BktParameters p = parameters.apply(o);
            MasteryEstimate known = mastery.getOrDefault(o, MasteryEstimate.initial(p, now));
            return new OutcomeState(o, tracer.asOf(known, p, now), p);
        }).toList();
        StopRule stopRule = new StopRule(quiz.targetMastery(), NOT_MASTERED_AT, MIN_EVIDENCE, quiz.maxItems());
        StopRule.Decision decision = stopRule.decide(states, quiz.items().size());
        if (decision.stop()) {
            String reason = decision.reason() == StopRule.Reason.ITEM_LIMIT ? "item-limit" : "all-classified";
            return new NextStep.Finish(summary(reason, decision.verdicts(), now));
        }
        Map<String, ScopeQuestion> byId = new LinkedHashMap<>();
        questions.forEach(q -> byId.put(q.questionId(), q));
        Optional<QuestionChoice> choice = new NextQuestionChooser(NextQuestionChooser.Settings.defaults(), stopRule,
                tracer).choose(states, candidates(quiz, questions), history(quiz), now);
        return choice.<NextStep>map(c -> new NextStep.Ask(byId.get(c.question().questionId()), c.reason()))
                .orElseGet(() -> new NextStep.Finish(summary("no-more-questions", decision.verdicts(), now)));
    }

    private List<CandidateQuestion> candidates(QuizSession quiz, List<ScopeQuestion> questions) {
        List<CandidateQuestion> bank = new ArrayList<>();
        for (ScopeQuestion q : questions) {
            for (String outcome : q.outcomes()) {
                if (quiz.scope().outcomes().contains(outcome)) {
                    bank.add(new CandidateQuestion(q.questionId(), outcome, word(q.commandWord()),
                            difficulty.applyAsDouble(q.questionId())));
                }
            }
        }
        return bank;
    }

    /** Answered items, one entry per outcome they evidence; an answer still waiting for its mark counts as no pass. */
    private static List<PastAnswer> history(QuizSession quiz) {
        List<PastAnswer> history = new ArrayList<>();
        for (QuizItem item : quiz.items()) {
            Instant at = item.answered().orElse(item.askedAt());
            double credit = item.mark().map(MarkDetails::credit).orElse(0.0);
            for (String outcome : item.outcomes()) {
                history.add(new PastAnswer(item.questionId(), outcome, word(item.commandWord()), credit, at));
            }
        }
        return history;
    }

    private QuizSummary summary(String reason, Map<String, OutcomeVerdict> verdicts, Instant now) {
        List<String> mastered = new ArrayList<>();
        List<String> toRevise = new ArrayList<>();
        verdicts.forEach((outcome, v) -> (v == OutcomeVerdict.MASTERED ? mastered : toRevise).add(outcome));
        Instant due = reviews.mastered(now).dueAt();
        return new QuizSummary(reason, mastered, toRevise,
                mastered.stream().map(o -> new QuizSummary.ReviewDue(o, due)).toList(), now);
    }

    static CommandWord word(String wire) {
        return CommandWord.parse(wire).orElse(UNKNOWN_WORD);
    }
}

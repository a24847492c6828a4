package org.markpoint.progress.adaptive;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.markpoint.model.scheme.CommandWord;
import org.markpoint.progress.mastery.BktParameters;
import org.markpoint.progress.mastery.KnowledgeTracer;
import org.markpoint.progress.mastery.Logit;
import org.markpoint.progress.mastery.MasteryEstimate;

/**
 * Synthetic learners whose true mastery of each outcome is known answer a synthetic bank, once through the adaptive
 * quiz (chooser + stop rule) and once as a fixed-order quiz (the bank's questions round-robin over outcomes, in
 * authoring order). Both classify each outcome the same way at the end (mastered when P(known) >= 0.5), so the
 * comparison is about which items were asked and when the quiz stopped.
 *
 * <p>Generating model: a learner who knows an outcome earns each mark of a question with probability
 * sigmoid(logit(1 - slip) - difficulty), one who does not with sigmoid(logit(guess) - difficulty); credit = marks /
 * max marks, where each question is worth 1 to {@code maxMarks} marks. Mastery does not change during the quiz, so
 * the true classification is fixed.
 */
public final class QuizSimulation {

    public record Settings(int learners, int outcomes, int questionsPerOutcome, double masteredShare, double guess,
            double slip, double difficultySpread, int maxMarks, StopRule stopRule, long seed) {
        public static Settings defaults(long seed) {
            return new Settings(1000, 6, 12, 0.5, 0.25, 0.15, 1.0, 3, new StopRule(0.95, 0.05, 2, 72), seed);
        }
    }

    /** Result of one strategy: mean items asked, share of outcomes classified right, share of learners all right. */
    public record StrategyResult(String strategy, double meanItems, double accuracy, double allCorrectShare) {
    }

    /** Adaptive result, the fixed-order quiz with the same stop rule, and the fixed form's accuracy per length. */
    public record Result(Settings settings, StrategyResult adaptive, StrategyResult fixedOrderWithStop,
            double[] fixedFormAccuracy, int fixedItemsForAdaptiveAccuracy) {

        /** The fixed form never reaches adaptive accuracy within the whole bank. */
        public boolean fixedFormNeverMatches() {
            return fixedItemsForAdaptiveAccuracy <= 0;
        }

        /**
         * Adaptive items as a share of the fixed-form length that first matches adaptive accuracy; when the whole
         * bank never matches it, the share of the whole bank (an upper bound on the true ratio).
         */
        public double itemRatio() {
            int fixed = fixedFormNeverMatches() ? fixedFormAccuracy.length - 1 : fixedItemsForAdaptiveAccuracy;
            return adaptive.meanItems() / fixed;
        }
    }

    private static final Instant START = Instant.parse("2025-01-06T09:00:00Z");
    private static final CommandWord[] WORDS = {CommandWord.STATE, CommandWord.DESCRIBE, CommandWord.EXPLAIN,
            CommandWord.ANALYSE, CommandWord.EVALUATE};

    private final Settings s;
    private final KnowledgeTracer tracer = new KnowledgeTracer();
    private final BktParameters model;
    private final java.util.Map<String, Integer> maxMarks = new java.util.HashMap<>();

    public QuizSimulation(Settings settings) {
        this.s = settings;
        this.model = new BktParameters(settings.masteredShare(), 0.0, settings.guess(), settings.slip(), 0.0);
    }

    public Result run() {
        Random random = new Random(s.seed());
        List<CandidateQuestion> bank = bank(random);
        List<CandidateQuestion> fixedOrder = roundRobin(bank);
        NextQuestionChooser chooser = new NextQuestionChooser(NextQuestionChooser.Settings.defaults(), s.stopRule(),
                tracer);
        double adaptiveItems = 0;
        double adaptiveRight = 0;
        double adaptiveAllRight = 0;
        double stopItems = 0;
        double stopRight = 0;
        double stopAllRight = 0;
        double[] formRight = new double[fixedOrder.size() + 1];
        for (int l = 0; l < s.learners(); l++) {
            boolean[] knows = new boolean[s.outcomes()];
            for (int o = 0; o < s.outcomes(); o++) {
                knows[o] = random.nextDouble() < s.masteredShare();
            }
            Learner learner = new Learner(knows, new Random(random.nextLong()));
            Run adaptive = adaptiveRun(learner, bank, chooser);
            adaptiveItems += adaptive.items;
            adaptiveRight += adaptive.right;
            adaptiveAllRight += adaptive.right == s.outcomes() ? 1 : 0;
            Run stopped = fixedRun(learner.again(), fixedOrder, true, null);
            stopItems += stopped.items;
            stopRight += stopped.right;
            stopAllRight += stopped.right == s.outcomes() ? 1 : 0;
            fixedRun(learner.again(), fixedOrder, false, formRight);
        }
        int n = s.learners();
        int lo = s.outcomes();
        StrategyResult a = new StrategyResult("adaptive", adaptiveItems / n, adaptiveRight / (n * lo),
                adaptiveAllRight / n);
        StrategyResult f = new StrategyResult("fixed_order_with_stop_rule", stopItems / n, stopRight / (n * lo),
                stopAllRight / n);
        double[] formAccuracy = Arrays.stream(formRight).map(r -> r / (n * lo)).toArray();
        int needed = -1;
        for (int len = 1; len < formAccuracy.length; len++) {
            if (formAccuracy[len] >= a.accuracy()) {
                needed = len;
                break;
            }
        }
        return new Result(s, a, f, formAccuracy, needed);
    }

    private record Run(int items, int right) {
    }

    private Run adaptiveRun(Learner learner, List<CandidateQuestion> bank, NextQuestionChooser chooser) {
        List<OutcomeState> states = initialStates();
        List<PastAnswer> history = new ArrayList<>();
        Instant now = START;
        int items = 0;
        while (!s.stopRule().decide(states, items).stop()) {
            var choice = chooser.choose(states, bank, history, now);
            if (choice.isEmpty()) {
                break;
            }
            CandidateQuestion q = choice.get().question();
            double credit = learner.answer(q);
            int o = outcomeIndex(q);
            OutcomeState st = states.get(o);
            states.set(o, new OutcomeState(st.outcomeId(),
                    tracer.update(st.estimate(), model, credit, now, q.difficulty()), model));
            history.add(new PastAnswer(q.questionId(), q.outcomeId(), q.commandWord(), credit, now));
            items++;
            now = now.plus(Duration.ofMinutes(2));
        }
        return new Run(items, correctClassifications(states, learner.knows));
    }

    /** Fixed order; with {@code stop} the stop rule ends it, else the whole form runs, scoring every prefix. */
    private Run fixedRun(Learner learner, List<CandidateQuestion> order, boolean stop, double[] rightByLength) {
        List<OutcomeState> states = initialStates();
        int items = 0;
        for (CandidateQuestion q : order) {
            if (stop && s.stopRule().decide(states, items).stop()) {
                break;
            }
            double credit = learner.answer(q);
            int o = outcomeIndex(q);
            OutcomeState st = states.get(o);
            states.set(o, new OutcomeState(st.outcomeId(),
                    tracer.update(st.estimate(), model, credit, START, q.difficulty()), model));
            items++;
            if (rightByLength != null) {
                rightByLength[items] += correctClassifications(states, learner.knows);
            }
        }
        return new Run(items, correctClassifications(states, learner.knows));
    }

    private List<OutcomeState> initialStates() {
        List<OutcomeState> states = new ArrayList<>();
        for (int o = 0; o < s.outcomes(); o++) {
            states.add(new OutcomeState(outcomeId(o), MasteryEstimate.initial(model, START), model));
        }
        return states;
    }

    private static int correctClassifications(List<OutcomeState> states, boolean[] knows) {
        int right = 0;
        for (int o = 0; o < knows.length; o++) {
            right += (states.get(o).estimate().pKnown() >= 0.5) == knows[o] ? 1 : 0;
        }
        return right;
    }

    private List<CandidateQuestion> bank(Random random) {
        List<CandidateQuestion> bank = new ArrayList<>();
        for (int o = 0; o < s.outcomes(); o++) {
            for (int q = 0; q < s.questionsPerOutcome(); q++) {
                double difficulty = random.nextGaussian() * s.difficultySpread();
                CommandWord word = WORDS[random.nextInt(WORDS.length)];
                String id = outcomeId(o) + "-q" + (q + 1);
                bank.add(new CandidateQuestion(id, outcomeId(o), word, difficulty));
                maxMarks.put(id, 1 + random.nextInt(s.maxMarks()));
            }
        }
        return bank;
    }

    private List<CandidateQuestion> roundRobin(List<CandidateQuestion> bank) {
        List<CandidateQuestion> order = new ArrayList<>();
        for (int q = 0; q < s.questionsPerOutcome(); q++) {
            for (int o = 0; o < s.outcomes(); o++) {
                order.add(bank.get(o * s.questionsPerOutcome() + q));
            }
        }
        return order;
    }

    private static String outcomeId(int o) {
        return "LO" + (o + 1);
    }

    private static int outcomeIndex(CandidateQuestion q) {
        return Integer.parseInt(q.outcomeId().substring(2)) - 1;
    }

    /** A synthetic learner: fixed true mastery per outcome, marks drawn per question. */
    private final class Learner {
        private final boolean[] knows;
        private final long seed;
        private final Random random;

        Learner(boolean[] knows, Random random) {
            this(knows, random.nextLong());
        }

        private Learner(boolean[] knows, long seed) {
            this.knows = knows;
            this.seed = seed;
            this.random = new Random(seed);
        }

        /** The same learner with fresh answer draws from the same seed, so strategies face identical luck. */
        Learner again() {
            return new Learner(knows, seed);
        }

        double answer(CandidateQuestion q) {
            boolean known = knows[outcomeIndex(q)];
            double base = known ? 1 - s.slip() : s.guess();
            double p = Logit.sigmoid(Logit.of(base) - q.difficulty());
            int max = maxMarks.get(q.questionId());
            int marks = 0;
            for (int m = 0; m < max; m++) {
                marks += random.nextDouble() < p ? 1 : 0;
            }
            return marks / (double) max;
        }
    }
}

package org.markpoint.progress.mastery.eval;

import java.util.ArrayList;
import java.util.List;
import org.markpoint.progress.mastery.BktParameters;
import org.markpoint.progress.mastery.KnowledgeTracer;
import org.markpoint.progress.mastery.Logit;

/**
 * Turns each response of a trace into what was known just before it: the plain-BKT and BKT+forgets predictions and
 * a few readable summaries of the learner's earlier answers on the same skill. Every value uses earlier responses
 * only (one-step-ahead), never the response being predicted.
 */
public final class EvidenceFeatures {

    public static final String BIAS = "bias";
    public static final String BKT = "bkt_logit";
    public static final String BKT_FORGETS = "bkt_forgets_logit";
    public static final String MEAN = "running_mean_logit";
    public static final String LAST_RIGHT = "last_right";
    public static final String LAST_WRONG = "last_wrong";
    public static final String SECOND_LAST_RIGHT = "second_last_right";
    public static final String ATTEMPTS = "log_attempts";
    public static final String SKILL_RATE = "skill_rate_logit";
    public static final String STREAK_RIGHT = "log_right_streak";
    public static final String STREAK_WRONG = "log_wrong_streak";
    public static final String LEARNER_OTHER_SKILLS = "learner_other_skills";
    public static final String RECENT_FAST = "recent_fast_logit";
    public static final String RECENT_SLOW = "recent_slow_logit";
    public static final String SUCCESSES = "log_successes";
    public static final String FAILURES = "log_failures";
    public static final String THIRD_LAST_RIGHT = "third_last_right";
    public static final String FOURTH_LAST_RIGHT = "fourth_last_right";

    public static final List<String> ALL = List.of(BIAS, BKT, BKT_FORGETS, MEAN, LAST_RIGHT, LAST_WRONG,
            SECOND_LAST_RIGHT, ATTEMPTS, SKILL_RATE, STREAK_RIGHT, STREAK_WRONG, LEARNER_OTHER_SKILLS, RECENT_FAST,
            RECENT_SLOW, SUCCESSES, FAILURES, THIRD_LAST_RIGHT, FOURTH_LAST_RIGHT);

    /** Weight kept by older answers per step in the two recency-weighted means. */
    private static final double FAST_DECAY = 0.5;
    private static final double SLOW_DECAY = 0.85;

    /** All responses of a data set as feature rows, with labels and the two BKT predictions kept separately. */
    public record Table(double[][] rows, double[] labels, double[] bkt, double[] bktForgets, double[] skillRate,
            double[] runningMean) {

        public int size() {
            return labels.length;
        }

        /** The tables one after another. */
        public static Table concat(List<Table> tables) {
            int n = tables.stream().mapToInt(Table::size).sum();
            double[][] rows = new double[n][];
            double[][] cols = new double[5][n];
            int at = 0;
            for (Table t : tables) {
                System.arraycopy(t.rows, 0, rows, 0 + at, t.size());
                System.arraycopy(t.labels, 0, cols[0], at, t.size());
                System.arraycopy(t.bkt, 0, cols[1], at, t.size());
                System.arraycopy(t.bktForgets, 0, cols[2], at, t.size());
                System.arraycopy(t.skillRate, 0, cols[3], at, t.size());
                System.arraycopy(t.runningMean, 0, cols[4], at, t.size());
                at += t.size();
            }
            return new Table(rows, cols[0], cols[1], cols[2], cols[3], cols[4]);
        }

        /** The rows restricted to the named columns, in the given order. */
        public double[][] columns(List<String> names) {
            int[] idx = names.stream().mapToInt(ALL::indexOf).toArray();
            double[][] out = new double[rows.length][idx.length];
            for (int r = 0; r < rows.length; r++) {
                for (int j = 0; j < idx.length; j++) {
                    out[r][j] = rows[r][idx[j]];
                }
            }
            return out;
        }
    }

    private final double meanSmoothing;

    /** @param meanSmoothing pseudo-answers at the skill's rate added to the running mean (tuned on train) */
    public EvidenceFeatures(double meanSmoothing) {
        this.meanSmoothing = meanSmoothing;
    }

    public Table table(List<SkillTrace> traces, SkillModels plain, SkillModels forgets) {
        List<double[]> rows = new ArrayList<>();
        List<double[]> extras = new ArrayList<>();
        int learner = -1;
        double learnerResidual = 0;
        int learnerCount = 0;
        for (SkillTrace trace : traces) {
            if (trace.learner() != learner) {
                learner = trace.learner();
                learnerResidual = 0;
                learnerCount = 0;
            }
            BktParameters pb = plain.forSkill(trace.skill());
            BktParameters pf = forgets.forSkill(trace.skill());
            double rate = forgets.rateOf(trace.skill());
            double knownPlain = pb.prior();
            double knownForgets = pf.prior();
            double sum = 0;
            int streakRight = 0;
            int streakWrong = 0;
            double[] c = trace.credits();
            double learnerAbility = learnerResidual / (learnerCount + 10.0);
            double recentFast = rate;
            double recentSlow = rate;
            double failures = 0;
            for (int t = 0; t < c.length; t++) {
                double predictedPlain = pb.predictCorrect(knownPlain);
                double predictedForgets = pf.predictCorrect(knownForgets);
                double mean = (sum + meanSmoothing * rate) / (t + meanSmoothing);
                double[] x = new double[ALL.size()];
                x[0] = 1;
                x[1] = Logit.of(predictedPlain);
                x[2] = Logit.of(predictedForgets);
                x[3] = Logit.of(mean);
                x[4] = t >= 1 ? c[t - 1] : 0;
                x[5] = t >= 1 ? 1 - c[t - 1] : 0;
                x[6] = t >= 2 ? c[t - 2] : 0;
                x[7] = Math.log1p(t);
                x[8] = Logit.of(rate);
                x[9] = Math.log1p(streakRight);
                x[10] = Math.log1p(streakWrong);
                x[11] = learnerAbility;
                x[12] = Logit.of(recentFast);
                x[13] = Logit.of(recentSlow);
                x[14] = Math.log1p(sum);
                x[15] = Math.log1p(failures);
                x[16] = t >= 3 ? c[t - 3] : 0;
                x[17] = t >= 4 ? c[t - 4] : 0;
                rows.add(x);
                extras.add(new double[] {c[t], predictedPlain, predictedForgets, rate, mean});
                knownPlain = KnowledgeTracer.transition(
                        KnowledgeTracer.posterior(knownPlain, pb.guess(), pb.slip(), c[t]), pb.learn(), 0);
                knownForgets = KnowledgeTracer.transition(
                        KnowledgeTracer.posterior(knownForgets, pf.guess(), pf.slip(), c[t]), pf.learn(), pf.forget());
                sum += c[t];
                failures += 1 - c[t];
                recentFast = FAST_DECAY * recentFast + (1 - FAST_DECAY) * c[t];
                recentSlow = SLOW_DECAY * recentSlow + (1 - SLOW_DECAY) * c[t];
                streakRight = c[t] >= 0.5 ? streakRight + 1 : 0;
                streakWrong = c[t] < 0.5 ? streakWrong + 1 : 0;
                learnerResidual += c[t] - rate;
                learnerCount++;
            }
        }
        int n = rows.size();
        double[] labels = new double[n];
        double[] bkt = new double[n];
        double[] bktForgets = new double[n];
        double[] skillRate = new double[n];
        double[] runningMean = new double[n];
        for (int i = 0; i < n; i++) {
            double[] e = extras.get(i);
            labels[i] = e[0];
            bkt[i] = e[1];
            bktForgets[i] = e[2];
            skillRate[i] = e[3];
            runningMean[i] = e[4];
        }
        return new Table(rows.toArray(double[][]::new), labels, bkt, bktForgets, skillRate, runningMean);
    }
}

package org.markpoint.progress.mastery;

import java.util.List;

/**
 * Fits BKT parameters for one outcome by expectation-maximisation (Baum-Welch) over its response log.
 *
 * <p>Two hidden states (unknown, known); transitions learn (unknown -> known) and, when fitting forgetting, forget
 * (known -> unknown). A response with credit c has likelihood c(1-slip) + (1-c)slip when known and
 * c guess + (1-c)(1-guess) when unknown, so partial credit is soft evidence in fitting exactly as in the online
 * update. Laplace pseudo-counts keep every parameter off 0 and 1; guess and slip are capped below 0.5 so "known"
 * keeps meaning "more likely right". Several starting points guard against poor local optima.
 */
public final class BktFitter {

    /** Fitting options; {@link #defaults()} fits forgetting with three starts. */
    public record Options(boolean fitForget, int maxIterations, double tolerance, double maxGuessOrSlip) {
        public static Options defaults() {
            return new Options(true, 200, 1e-6, 0.45);
        }

        public Options withoutForgetting() {
            return new Options(false, maxIterations, tolerance, maxGuessOrSlip);
        }
    }

    /** The fitted parameters, the log-likelihood they reach and the work it took. */
    public record Fit(BktParameters parameters, double logLikelihood, int iterations, int responses) {
    }

    private static final List<BktParameters> STARTS = List.of(
            new BktParameters(0.4, 0.15, 0.2, 0.1, 0.05),
            new BktParameters(0.7, 0.3, 0.15, 0.05, 0.15),
            new BktParameters(0.2, 0.05, 0.3, 0.2, 0.02));

    private static final double PSEUDO = 1.0;
    private static final double FLOOR = 1e-4;

    private final Options options;

    public BktFitter(Options options) {
        this.options = options;
    }

    public BktFitter() {
        this(Options.defaults());
    }

    /** Fits one outcome; with no responses, returns {@code fallback} unchanged. */
    public Fit fit(ResponseSequences data, BktParameters fallback) {
        if (data.responseCount() == 0) {
            return new Fit(fallback, 0, 0, 0);
        }
        Workspace ws = new Workspace(data.longestSequence());
        Fit best = null;
        for (BktParameters start : STARTS) {
            BktParameters from = options.fitForget() ? start : start.withoutForgetting();
            Fit fit = runEm(data, from, ws);
            if (best == null || fit.logLikelihood() > best.logLikelihood()) {
                best = fit;
            }
        }
        return best;
    }

    private Fit runEm(ResponseSequences data, BktParameters start, Workspace ws) {
        BktParameters p = start;
        double previous = Double.NEGATIVE_INFINITY;
        int iteration = 0;
        double ll = previous;
        while (iteration < options.maxIterations()) {
            iteration++;
            Counts counts = new Counts();
            ll = expectation(data, p, ws, counts);
            p = maximisation(counts);
            if (ll - previous < options.tolerance() * Math.abs(ll)) {
                break;
            }
            previous = ll;
        }
        // The returned likelihood is for parameters one M-step behind; recompute so restarts compare like with like.
        ll = expectation(data, p, ws, new Counts());
        return new Fit(p, ll, iteration, data.responseCount());
    }

    /** Forward-backward over every sequence; accumulates expected counts and returns the log-likelihood. */
    static double expectation(ResponseSequences data, BktParameters p, Workspace ws, Counts counts) {
        double learn = p.learn();
        double forget = p.forget();
        double guess = p.guess();
        double slip = p.slip();
        double[] aK = ws.alphaKnown;
        double[] aU = ws.alphaUnknown;
        double[] bK = ws.betaKnown;
        double[] bU = ws.betaUnknown;
        double[] eK = ws.emitKnown;
        double[] eU = ws.emitUnknown;
        double ll = 0;
        for (int s = 0; s < data.sequenceCount(); s++) {
            int from = data.start(s);
            int n = data.end(s) - from;
            for (int t = 0; t < n; t++) {
                double c = data.credit(from + t);
                eK[t] = c * (1 - slip) + (1 - c) * slip;
                eU[t] = c * guess + (1 - c) * (1 - guess);
            }
            double k = p.prior() * eK[0];
            double u = (1 - p.prior()) * eU[0];
            double scale = k + u;
            ll += Math.log(scale);
            aK[0] = k / scale;
            aU[0] = u / scale;
            for (int t = 1; t < n; t++) {
                k = (aK[t - 1] * (1 - forget) + aU[t - 1] * learn) * eK[t];
                u = (aK[t - 1] * forget + aU[t - 1] * (1 - learn)) * eU[t];
                scale = k + u;
                ll += Math.log(scale);
                aK[t] = k / scale;
                aU[t] = u / scale;
            }
            bK[n - 1] = 1;
            bU[n - 1] = 1;
            for (int t = n - 2; t >= 0; t--) {
                double nextK = eK[t + 1] * bK[t + 1];
                double nextU = eU[t + 1] * bU[t + 1];
                k = (1 - forget) * nextK + forget * nextU;
                u = learn * nextK + (1 - learn) * nextU;
                scale = k + u;
                bK[t] = k / scale;
                bU[t] = u / scale;
            }
            for (int t = 0; t < n; t++) {
                double gK = aK[t] * bK[t];
                double gU = aU[t] * bU[t];
                double norm = gK + gU;
                gK /= norm;
                gU /= norm;
                double c = data.credit(from + t);
                if (t == 0) {
                    counts.firstKnown += gK;
                    counts.sequences++;
                }
                counts.known += gK;
                counts.knownWrong += gK * (1 - c);
                counts.unknown += gU;
                counts.unknownCorrect += gU * c;
                if (t < n - 1) {
                    double nextK = eK[t + 1] * bK[t + 1];
                    double nextU = eU[t + 1] * bU[t + 1];
                    double kk = aK[t] * (1 - forget) * nextK;
                    double ku = aK[t] * forget * nextU;
                    double uk = aU[t] * learn * nextK;
                    double uu = aU[t] * (1 - learn) * nextU;
                    double total = kk + ku + uk + uu;
                    counts.fromKnown += gK;
                    counts.knownToUnknown += ku / total;
                    counts.fromUnknown += gU;
                    counts.unknownToKnown += uk / total;
                }
            }
        }
        return ll;
    }

    private BktParameters maximisation(Counts c) {
        double prior = ratio(c.firstKnown, c.sequences, 1 - FLOOR);
        double learn = ratio(c.unknownToKnown, c.fromUnknown, 1 - FLOOR);
        double forget = options.fitForget() ? ratio(c.knownToUnknown, c.fromKnown, 1 - FLOOR) : 0.0;
        double guess = ratio(c.unknownCorrect, c.unknown, options.maxGuessOrSlip());
        double slip = ratio(c.knownWrong, c.known, options.maxGuessOrSlip());
        return new BktParameters(prior, learn, guess, slip, forget);
    }

    private static double ratio(double numerator, double denominator, double max) {
        double value = (numerator + PSEUDO) / (denominator + 2 * PSEUDO);
        return Math.max(FLOOR, Math.min(max, value));
    }

    static final class Counts {
        double firstKnown;
        double sequences;
        double known;
        double knownWrong;
        double unknown;
        double unknownCorrect;
        double fromKnown;
        double knownToUnknown;
        double fromUnknown;
        double unknownToKnown;
    }

    static final class Workspace {
        final double[] alphaKnown;
        final double[] alphaUnknown;
        final double[] betaKnown;
        final double[] betaUnknown;
        final double[] emitKnown;
        final double[] emitUnknown;

        Workspace(int length) {
            alphaKnown = new double[length];
            alphaUnknown = new double[length];
            betaKnown = new double[length];
            betaUnknown = new double[length];
            emitKnown = new double[length];
            emitUnknown = new double[length];
        }
    }
}

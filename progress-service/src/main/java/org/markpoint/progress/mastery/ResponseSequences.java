package org.markpoint.progress.mastery;

import java.util.Arrays;

/**
 * The response log of one outcome (skill) for fitting: one sequence per learner, in practice order, each response
 * a credit in [0, 1] (1 = full marks). Stored flat in two arrays so EM over hundreds of thousands of responses stays
 * allocation-free.
 */
public final class ResponseSequences {

    private final int[] starts;
    private final double[] credits;

    private ResponseSequences(int[] starts, double[] credits) {
        this.starts = starts;
        this.credits = credits;
    }

    public int sequenceCount() {
        return starts.length - 1;
    }

    public int responseCount() {
        return credits.length;
    }

    public int start(int sequence) {
        return starts[sequence];
    }

    public int end(int sequence) {
        return starts[sequence + 1];
    }

    public double credit(int index) {
        return credits[index];
    }

    public int longestSequence() {
        int longest = 0;
        for (int s = 0; s < sequenceCount(); s++) {
            longest = Math.max(longest, end(s) - start(s));
        }
        return longest;
    }

    /** Mean credit over all responses; 0.5 when there are none. */
    public double meanCredit() {
        if (credits.length == 0) {
            return 0.5;
        }
        double sum = 0;
        for (double c : credits) {
            sum += c;
        }
        return sum / credits.length;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private int[] starts = new int[16];
        private double[] credits = new double[64];
        private int sequences;
        private int responses;

        /** Adds one learner's sequence; empty sequences are ignored. */
        public Builder add(double[] sequence) {
            return add(sequence, 0, sequence.length);
        }

        public Builder add(double[] source, int from, int to) {
            if (to <= from) {
                return this;
            }
            if (sequences + 2 > starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            while (responses + (to - from) > credits.length) {
                credits = Arrays.copyOf(credits, credits.length * 2);
            }
            for (int i = from; i < to; i++) {
                double c = source[i];
                if (!(c >= 0 && c <= 1)) {
                    throw new IllegalArgumentException("credit must be in [0, 1], was " + c);
                }
                credits[responses++] = c;
            }
            starts[++sequences] = responses;
            return this;
        }

        public ResponseSequences build() {
            return new ResponseSequences(Arrays.copyOf(starts, sequences + 1), Arrays.copyOf(credits, responses));
        }
    }
}

package org.markpoint.marking.cli;

import java.util.List;
import org.markpoint.marking.engine.SentenceEmbedder;

/** Cosine of each answer's embedding with the mean embedding of the OTHER answers to the question; no labels. */
final class PeerEmbeddings {

    private PeerEmbeddings() {
    }

    static double[] peerCosines(List<float[]> members) {
        if (members.isEmpty()) {
            return new double[0];
        }
        int d = members.get(0).length;
        float[] sum = new float[d];
        for (float[] m : members) {
            for (int j = 0; j < d; j++) {
                sum[j] += m[j];
            }
        }
        double[] out = new double[members.size()];
        for (int i = 0; i < members.size(); i++) {
            float[] others = new float[d];
            for (int j = 0; j < d; j++) {
                others[j] = sum[j] - members.get(i)[j];
            }
            out[i] = members.size() < 2 ? 0 : SentenceEmbedder.cosine(members.get(i), others);
        }
        return out;
    }
}

package org.markpoint.marking.cli;

/** Element-wise products of two unit embeddings: features whose weighted sum is a learned similarity. */
final class EmbeddingBlock {

    private EmbeddingBlock() {
    }

    static double[] product(float[] a, float[] b) {
        double[] out = new double[a.length];
        if (b == null) {
            return out;
        }
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        double scale = na == 0 || nb == 0 ? 0 : 1 / Math.sqrt(na * nb);
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * b[i] * scale;
        }
        return out;
    }
}

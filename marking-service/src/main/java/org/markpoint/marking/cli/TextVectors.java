package org.markpoint.marking.cli;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** Bag-of-keys vectors: document frequencies, tf-idf cosine, and cosine to the centroid of peer answers. */
final class TextVectors {

    private final Map<String, Integer> df = new HashMap<>();
    private int docs;

    void addDocument(Collection<String> keys) {
        docs++;
        for (String k : new HashSet<>(keys)) {
            df.merge(k, 1, Integer::sum);
        }
    }

    double idf(String key) {
        return Math.log((docs + 1.0) / (df.getOrDefault(key, 0) + 1.0)) + 1;
    }

    Map<String, Double> tfidf(List<String> keys) {
        Map<String, Double> v = new HashMap<>();
        for (String k : keys) {
            v.merge(k, idf(k), Double::sum);
        }
        return v;
    }

    /** Share of the reference's idf mass present in the answer, leaving out words the question already gives. */
    double weightedRecall(List<String> answer, List<String> reference, List<String> question) {
        java.util.Set<String> have = new HashSet<>(answer);
        java.util.Set<String> given = new HashSet<>(question);
        double want = 0;
        double got = 0;
        for (String k : new HashSet<>(reference)) {
            if (given.contains(k)) {
                continue;
            }
            want += idf(k);
            got += have.contains(k) ? idf(k) : 0;
        }
        return want == 0 ? 0 : got / want;
    }

    static double cosine(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            Double o = b.get(e.getKey());
            if (o != null) {
                dot += e.getValue() * o;
            }
        }
        double na = norm(a);
        double nb = norm(b);
        return na == 0 || nb == 0 ? 0 : dot / (na * nb);
    }

    private static double norm(Map<String, Double> v) {
        double s = 0;
        for (double x : v.values()) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** Binary bag of keys. */
    static Map<String, Double> binary(Collection<String> keys) {
        Map<String, Double> v = new HashMap<>();
        for (String k : keys) {
            v.put(k, 1.0);
        }
        return v;
    }

    /** Cosine of each member with the mean of the OTHER members (leave-one-out); uses no labels. */
    static double[] peerCosines(List<Map<String, Double>> members) {
        Map<String, Double> sum = new HashMap<>();
        for (Map<String, Double> m : members) {
            m.forEach((k, x) -> sum.merge(k, x, Double::sum));
        }
        double[] out = new double[members.size()];
        for (int i = 0; i < members.size(); i++) {
            Map<String, Double> others = new HashMap<>(sum);
            members.get(i).forEach((k, x) -> others.merge(k, -x, Double::sum));
            out[i] = cosine(members.get(i), others);
        }
        return out;
    }
}

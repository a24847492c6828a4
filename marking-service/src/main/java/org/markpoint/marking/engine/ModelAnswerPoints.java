package org.markpoint.marking.engine;

import java.util.ArrayList;
import java.util.List;
import org.markpoint.model.scheme.MarkingPoint;

/**
 * Derives marking points from a model answer when an inline scheme has none: one point per sentence or clause,
 * merged or split so there are about as many points as marks, each worth its share of the marks.
 */
final class ModelAnswerPoints {

    private static final int MIN_CONTENT_TO_SPLIT = 6;

    private final LinguisticAnalyser analyser;

    ModelAnswerPoints(LinguisticAnalyser analyser) {
        this.analyser = analyser;
    }

    List<MarkingPoint> derive(String modelAnswer, int maxMarks) {
        AnalysedText a = analyser.analyse(modelAnswer);
        List<int[]> segments = new ArrayList<>();
        int first = -1;
        for (int i = 0; i < a.size(); i++) {
            if (first < 0) {
                first = i;
            }
            if (i + 1 == a.size() || a.get(i + 1).sentence() != a.get(i).sentence()) {
                segments.add(new int[] {first, i});
                first = -1;
            }
        }
        segments.removeIf(s -> contentCount(a, s) == 0);
        int target = Math.max(1, maxMarks);
        while (segments.size() < target && split(a, segments)) {
            // keep splitting the longest clause-bearing segment
        }
        while (segments.size() > target) {
            mergeShortestPair(a, segments);
        }
        List<MarkingPoint> points = new ArrayList<>();
        int k = segments.size();
        for (int i = 0; i < k; i++) {
            int marks = Math.max(1, target / k + (i < target % k ? 1 : 0));
            int[] s = segments.get(i);
            String text = modelAnswer.substring(a.get(s[0]).start(), a.get(s[1]).end());
            points.add(new MarkingPoint("m" + (i + 1), text, List.of(), List.of(), marks, ""));
        }
        return points;
    }

    private static int contentCount(AnalysedText a, int[] s) {
        int n = 0;
        for (int i = s[0]; i <= s[1]; i++) {
            n += a.get(i).content() ? 1 : 0;
        }
        return n;
    }

    private static boolean split(AnalysedText a, List<int[]> segments) {
        int longest = -1;
        for (int i = 0; i < segments.size(); i++) {
            if (contentCount(a, segments.get(i)) >= MIN_CONTENT_TO_SPLIT
                    && (longest < 0 || contentCount(a, segments.get(i)) > contentCount(a, segments.get(longest)))) {
                longest = i;
            }
        }
        if (longest < 0) {
            return false;
        }
        int[] s = segments.get(longest);
        int mid = (s[0] + s[1]) / 2;
        int cut = -1;
        for (int d = 0; d <= (s[1] - s[0]) / 2 && cut < 0; d++) {
            for (int at : new int[] {mid - d, mid + d}) {
                if (at > s[0] + 1 && at < s[1] - 1 && isClauseBreak(a.get(at))) {
                    cut = at;
                    break;
                }
            }
        }
        if (cut < 0) {
            return false;
        }
        int[] left = {s[0], cut - 1};
        int[] right = {cut + 1, s[1]};
        if (contentCount(a, left) == 0 || contentCount(a, right) == 0) {
            return false;
        }
        segments.set(longest, left);
        segments.add(longest + 1, right);
        return true;
    }

    private static boolean isClauseBreak(Token t) {
        return switch (t.norm()) {
            case ",", ";", ":", "and", "which", "because", "so", "while", "whereas" -> true;
            default -> false;
        };
    }

    private static void mergeShortestPair(AnalysedText a, List<int[]> segments) {
        int best = 0;
        int bestLen = Integer.MAX_VALUE;
        for (int i = 0; i + 1 < segments.size(); i++) {
            int len = contentCount(a, segments.get(i)) + contentCount(a, segments.get(i + 1));
            if (len < bestLen) {
                bestLen = len;
                best = i;
            }
        }
        int[] merged = {segments.get(best)[0], segments.get(best + 1)[1]};
        segments.set(best, merged);
        segments.remove(best + 1);
    }
}

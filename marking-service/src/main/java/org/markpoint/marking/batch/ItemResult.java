package org.markpoint.marking.batch;

import java.util.List;
import org.markpoint.marking.engine.PointResult;
import org.markpoint.marking.engine.PointStatus;
import org.markpoint.marking.marks.MarkDocument;

/**
 * The outcome of one batch item, in item order: {@code status} is marked (the full mark, with evidence, is at
 * {@code /marks/{markId}}) or error (with {@code error} saying why; nothing was stored for it).
 */
public record ItemResult(int index, String ref, String learnerId, String questionId, int questionVersion,
                         String status, String markId, int mark, int maxMarks, List<String> pointsHit,
                         double confidence, List<String> feedback, List<String> flags, String error) {

    public static final String MARKED = "marked";
    public static final String ERROR = "error";

    public ItemResult {
        pointsHit = pointsHit == null ? List.of() : List.copyOf(pointsHit);
        feedback = feedback == null ? List.of() : List.copyOf(feedback);
        flags = flags == null ? List.of() : List.copyOf(flags);
        error = error == null ? "" : error;
    }

    static ItemResult marked(int index, BatchItem item, MarkDocument mark) {
        var r = mark.result();
        return new ItemResult(index, item.ref(), mark.learnerId(), mark.questionId(), mark.questionVersion(), MARKED,
                mark.id(), r.mark(), r.maxMarks(), r.points().stream().filter(p -> p.status() == PointStatus.HIT)
                        .map(PointResult::id).toList(), r.confidence(), r.feedback(), r.flags(), "");
    }

    static ItemResult failed(int index, BatchItem item, String error) {
        return new ItemResult(index, item.ref(), item.learnerId(), item.questionId(), 0, ERROR, "", 0, 0, List.of(), 0,
                List.of(), List.of(), error);
    }
}

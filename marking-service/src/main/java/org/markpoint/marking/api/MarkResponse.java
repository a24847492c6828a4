package org.markpoint.marking.api;

import java.util.List;
import org.markpoint.marking.engine.CommandWordVerdict;
import org.markpoint.marking.engine.Evidence;
import org.markpoint.marking.engine.MisconceptionFound;
import org.markpoint.marking.engine.PointResult;
import org.markpoint.marking.marks.MarkDocument;

/** The marking contract's answer: extend it, never rename a field. */
public record MarkResponse(String markId, String questionId, int questionVersion, int mark, int maxMarks,
                           List<Point> points, CommandWordVerdict commandWord, List<MisconceptionFound> misconceptions,
                           List<String> feedback, List<String> flags, double confidence, String learnerId,
                           String answer, MarkDocument.Review review, int finalMark,
                           AppealView appeal) {

    /**
     * The learner's appeal (GDPR Article 22) and its outcome: {@code status} is none (no appeal), pending (in the
     * tutor's queue), accepted (the tutor kept the mark) or overridden (the tutor gave {@code finalMark}).
     */
    public record AppealView(String status, String reason, java.time.Instant requestedAt) {

        static AppealView of(MarkDocument d) {
            if (!d.appeal().made()) {
                return new AppealView("none", "", null);
            }
            String status = d.review().settled() ? d.review().status() : MarkDocument.Review.PENDING;
            return new AppealView(status, d.appeal().reason(), d.appeal().requestedAt());
        }
    }

    /** One marking point's outcome; {@code status} is hit, partial or missed. */
    public record Point(String id, String status, int marks, List<Evidence> evidence, String matched,
                        String learningOutcome) {

        static Point of(PointResult p) {
            return new Point(p.id(), p.status().wireName(), p.marks(), p.evidence(), p.matched(), p.learningOutcome());
        }
    }

    public static MarkResponse of(MarkDocument d) {
        var r = d.result();
        return new MarkResponse(d.id(), d.questionId(), d.questionVersion(), r.mark(), r.maxMarks(),
                r.points().stream().map(Point::of).toList(), r.commandWord(), r.misconceptions(), r.feedback(),
                r.flags(), r.confidence(), d.learnerId(), d.answer(), d.review(), d.finalMark(),
                AppealView.of(d));
    }
}

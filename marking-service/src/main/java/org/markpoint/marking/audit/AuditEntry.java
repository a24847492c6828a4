package org.markpoint.marking.audit;

import java.time.Instant;
import org.markpoint.marking.marks.MarkDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One change to a mark, appended and never edited (except that an erased learner's id becomes their pseudonym):
 * who did it, when, the mark before and after, and why. {@code _id} is an ObjectId's hex, so id order is time order
 * and the page cursor.
 *
 * @param action override, accept, appeal, erase or retention
 */
@Document("audit")
@CompoundIndex(name = "tenant_mark", def = "{'tenantId': 1, 'markId': 1, '_id': 1}")
@CompoundIndex(name = "tenant_learner", def = "{'tenantId': 1, 'learnerId': 1, '_id': 1}")
public record AuditEntry(@Id String id, String tenantId, String markId, String learnerId, String action, String who,
                         Instant at, MarkState before, MarkState after, String reason) {

    public static final String OVERRIDE = "override";
    public static final String ACCEPT = "accept";
    public static final String APPEAL = "appeal";
    public static final String ERASE = "erase";
    public static final String RETENTION = "retention";

    /** What the audit keeps of a mark: its review status and the mark that counts; {@code gone} once deleted. */
    public record MarkState(String reviewStatus, int mark, boolean appealed) {

        public static final MarkState GONE = new MarkState("deleted", -1, false);

        public static MarkState of(MarkDocument m) {
            return new MarkState(m.review().status(), m.finalMark(), m.appeal().made());
        }
    }
}

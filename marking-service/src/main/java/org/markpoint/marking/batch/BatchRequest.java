package org.markpoint.marking.batch;

import java.util.List;
import org.markpoint.model.scheme.MarkingScheme;

/**
 * JSON body of {@code POST /api/v1/marking/batches}: the items, and optionally a question id or scheme for every
 * item that names neither.
 */
public record BatchRequest(List<Item> items, String questionId, MarkingScheme scheme) {

    /** One answer: against a stored question or an inline scheme; {@code ref} is the caller's own id for it. */
    public record Item(String answer, String learnerId, String questionId, MarkingScheme scheme, String ref) {
    }

    public BatchRequest {
        items = items == null ? List.of() : items;
        questionId = questionId == null ? "" : questionId;
    }
}

package org.markpoint.marking.batch;

import org.markpoint.model.scheme.MarkingScheme;

/**
 * One answer of a batch as it was sent: against a stored question or an inline scheme; {@code ref} is the caller's
 * own id, passed through to the results. {@code problem} is set when the item was unusable on arrival (a malformed
 * CSV row, no answer): it is reported in the results instead of marked.
 */
public record BatchItem(String answer, String learnerId, String questionId, MarkingScheme scheme, String ref,
                        String problem) {

    public BatchItem {
        answer = answer == null ? "" : answer;
        learnerId = learnerId == null ? "" : learnerId;
        questionId = questionId == null ? "" : questionId;
        ref = ref == null ? "" : ref;
        problem = problem == null ? "" : problem;
    }

    public static BatchItem rejected(String ref, String problem) {
        return new BatchItem("", "", "", null, ref, problem);
    }

    /** Roughly how many characters the item takes in its chunk document. */
    int size() {
        return 64 + answer.length() + learnerId.length() + questionId.length() + ref.length() + problem.length()
                + (scheme == null ? 0 : scheme.toString().length());
    }
}

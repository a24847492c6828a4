package org.markpoint.progress.cohort;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.markpoint.progress.support.InvalidRequestException;

/** Request bodies of the cohort API. */
final class CohortRequests {

    static final int MAX_LEARNERS = 1000;

    private CohortRequests() {
    }

    /** {@code POST /api/v1/progress/cohorts}. */
    record CreateCohort(@NotBlank @Size(max = 200) String name,
                        @NotNull @Size(max = MAX_LEARNERS) List<@NotBlank @Size(max = 200) String> learnerIds) {
    }

    /** {@code PUT /api/v1/progress/cohorts/{id}/learners}: the whole new roster. */
    record Roster(@NotNull @Size(max = MAX_LEARNERS) List<@NotBlank @Size(max = 200) String> learnerIds) {
    }

    /** The roster trimmed; a learner listed twice is a 400 naming the second occurrence. */
    static List<String> roster(List<String> learnerIds) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < learnerIds.size(); i++) {
            Integer first = seen.putIfAbsent(learnerIds.get(i).trim(), i);
            if (first != null) {
                throw new InvalidRequestException("learnerIds[" + i + "]", "duplicate of learnerIds[" + first + "]");
            }
        }
        return learnerIds.stream().map(String::trim).toList();
    }
}

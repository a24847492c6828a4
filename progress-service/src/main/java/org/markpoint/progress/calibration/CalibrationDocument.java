package org.markpoint.progress.calibration;

import java.time.Instant;
import java.util.List;
import org.markpoint.progress.mastery.BktParameters;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A tenant's last refit ({@code _id} = tenant id): parameters per outcome fitted on enough responses, difficulty per
 * question, the forgetting period, and when and on how many responses it was fitted. Lists, not maps, so outcome
 * and question ids never become field names.
 */
@Document("calibrations")
record CalibrationDocument(@Id String tenantId, List<OutcomeFit> outcomes, List<ItemFit> items,
                           long forgettingPeriodSeconds, int responses, Instant fittedAt) {

    record OutcomeFit(String outcomeId, BktParameters parameters, int responses) {
    }

    record ItemFit(String questionId, double difficulty, int responses) {
    }

    CalibrationDocument {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        items = items == null ? List.of() : List.copyOf(items);
    }
}

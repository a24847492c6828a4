package org.markpoint.progress.cohort;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A tutor's group of learners ({@code _id} = cohort id), in the order the tutor gave them. */
@Document("cohorts")
@CompoundIndex(name = "tenant_id", def = "{'tenantId': 1, '_id': 1}")
record CohortDocument(@Id String id, String tenantId, String name, List<String> learnerIds, Instant createdAt,
                      @Version Long version) {

    CohortDocument {
        learnerIds = learnerIds == null ? List.of() : List.copyOf(learnerIds);
    }

    CohortDocument withLearners(List<String> roster) {
        return new CohortDocument(id, tenantId, name, roster, createdAt, version);
    }
}

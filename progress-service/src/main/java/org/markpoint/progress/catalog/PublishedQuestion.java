package org.markpoint.progress.catalog;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a quiz needs to know about one published question ({@code _id} = tenant + ":" + question id): enough to show
 * it and to choose it, never its marking scheme's points (marking is marking-service's job). {@code context} is the
 * scenario shown with the stem, empty when the event carried none. {@code retiredAt} is when the bank retired it (null
 * while live): a mark made after that is not evidence.
 */
@Document("catalog_questions")
@CompoundIndexes({
    @CompoundIndex(name = "tenant_unit", def = "{'tenantId': 1, 'unitId': 1}"),
    @CompoundIndex(name = "tenant_outcomes", def = "{'tenantId': 1, 'learningOutcomes': 1}")
})
public record PublishedQuestion(@Id String id, String tenantId, String questionId, int version, String unitId,
                                List<String> learningOutcomes, String commandWord, int maxMarks, String stem,
                                String context, boolean retired, Instant retiredAt) {

    public PublishedQuestion {
        learningOutcomes = learningOutcomes == null ? List.of() : List.copyOf(learningOutcomes);
        unitId = unitId == null ? "" : unitId;
        commandWord = commandWord == null ? "" : commandWord;
        stem = stem == null ? "" : stem;
        context = context == null ? "" : context;
    }

    public static String key(String tenantId, String questionId) {
        return tenantId + ":" + questionId;
    }
}

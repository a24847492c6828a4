package org.markpoint.marking.scheme;

import java.util.List;
import org.markpoint.model.scheme.MarkingScheme;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Local read model of a published scheme ({@code _id} = tenant + ":" + question id), fed by bank events. */
@Document("schemes")
public record SchemeDocument(@Id String id, String tenantId, String questionId, int version, String unitId,
                             List<String> learningOutcomes, MarkingScheme scheme, boolean retired) {

    public static String key(String tenantId, String questionId) {
        return tenantId + ":" + questionId;
    }
}

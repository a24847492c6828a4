package org.markpoint.question.authoring;

import org.markpoint.question.bank.Unit;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A unit with its revision content and learning outcomes, stored per tenant ({@code _id} = tenant + ":" + unit id).
 * {@code revision} grows with every write and is the unit's ETag (its outcomes share it: they live inside it).
 */
@Document("units")
public record UnitDocument(@Id String id, @Indexed String tenantId, Unit unit, long revision) {

    /** How documents are read: units stored before revisions were kept have none (read as 0). */
    @PersistenceCreator
    static UnitDocument read(String id, String tenantId, Unit unit, Long revision) {
        return new UnitDocument(id, tenantId, unit, revision == null ? 0 : revision);
    }

    static String key(String tenantId, String unitId) {
        return tenantId + ":" + unitId;
    }
}

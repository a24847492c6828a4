package org.markpoint.question.authoring;

import org.markpoint.question.bank.Unit;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A unit with its revision content, stored per tenant ({@code _id} = tenant + ":" + unit id). */
@Document("units")
public record UnitDocument(@Id String id, @Indexed String tenantId, Unit unit) {
}

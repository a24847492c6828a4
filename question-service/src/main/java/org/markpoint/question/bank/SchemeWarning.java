package org.markpoint.question.bank;

/** Something taken into the bank that an author should look at again, with the JSON path of the field concerned. */
public record SchemeWarning(String field, String message) {
}

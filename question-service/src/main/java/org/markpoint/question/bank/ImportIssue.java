package org.markpoint.question.bank;

/** Something an importer did not take, and why: imports never drop anything silently. */
public record ImportIssue(String source, String item, String reason) {
}

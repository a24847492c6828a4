package org.markpoint.question.importer;

import java.util.List;
import java.util.Map;
import org.markpoint.question.bank.Unit;

/**
 * A unit read from a page plus what question generation needs and the unit record does not keep: each criterion's
 * reading and the outcome it evidences, each outcome's question form, and the abbreviations the page defines.
 */
record ParsedUnit(Unit unit, List<Criterion> criteria, List<Outcome> outcomes, Map<String, String> abbreviations) {

    /** An examiner criterion in page order ({@code number} from 1), its reading and its outcome's id ("" if none). */
    record Criterion(int number, CriterionReading reading, String outcomeId) {
    }

    /**
     * An outcome with its question form. {@code relatedCriteria} (numbers) are set only for an outcome no criterion
     * was assigned to: the criteria that still relate to it closely enough to mark a question on it.
     */
    record Outcome(String id, String title, OutcomeReader.OutcomeQuestion question, List<Integer> relatedCriteria) {

        Outcome {
            relatedCriteria = List.copyOf(relatedCriteria);
        }

        Outcome withRelated(List<Integer> related) {
            return new Outcome(id, title, question, related);
        }
    }

    ParsedUnit {
        criteria = List.copyOf(criteria);
        outcomes = List.copyOf(outcomes);
        abbreviations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(abbreviations));
    }
}

package org.markpoint.model.scheme;

import java.util.List;

/** A unit's key term with its definition and the words that mean the same in this unit. */
public record GlossaryTerm(String term, String definition, List<String> synonyms) {

    public GlossaryTerm {
        definition = definition == null ? "" : definition;
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
    }
}

package org.markpoint.question.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.stream.IntStream;
import org.markpoint.model.scheme.GlossaryTerm;
import org.markpoint.model.scheme.Misconception;
import org.markpoint.question.bank.CommandWordGuidance;
import org.markpoint.question.bank.Unit;

/**
 * A unit as an author sends it (create or replace). On replace, leaving {@code learningOutcomes} out keeps the
 * unit's outcomes (they have their own endpoints); sending a list replaces them.
 */
public record UnitRequest(
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]*", message = "may use letters, digits, '.', '_' and '-'")
        String id,
        @Size(max = 50) String code,
        @NotBlank @Size(max = 300) String title,
        @Size(max = 500) String qualification,
        @Size(max = 300) String awardingBody,
        @Size(max = 20_000) String synopsis,
        @Size(max = 100) List<@Size(max = 2000) String> overview,
        @Size(max = 100) List<@Size(max = 2000) String> keyConcepts,
        @Size(max = 100) List<@Size(max = 2000) String> examTips,
        @Size(max = 100) List<@Size(max = 2000) String> keySkills,
        @Size(max = 100) List<@Size(max = 2000) String> prerequisites,
        @Size(max = 100) List<@Size(max = 2000) String> commonMistakes,
        @Size(max = 100) List<@Valid @NotNull OutcomeRequest> learningOutcomes,
        @Size(max = 100) List<Misconception> misconceptions,
        @Size(max = 500) List<GlossaryTerm> keyTerms,
        @Size(max = 30) List<CommandWordGuidance> commandWordGuidance) {

    Unit toUnit(String unitId) {
        List<OutcomeRequest> outcomes = learningOutcomes == null ? List.of() : learningOutcomes;
        return new Unit(unitId, code == null ? "" : code, title, qualification == null ? "" : qualification,
                synopsis == null ? "" : synopsis, keyConcepts, examTips, keySkills, prerequisites,
                IntStream.range(0, outcomes.size()).mapToObj(i -> outcomes.get(i).toOutcome(
                        outcomes.get(i).id() == null || outcomes.get(i).id().isBlank()
                                ? unitId + "-lo" + (i + 1) : outcomes.get(i).id())).toList(),
                misconceptions, keyTerms, "", awardingBody, overview, commonMistakes, commandWordGuidance);
    }
}

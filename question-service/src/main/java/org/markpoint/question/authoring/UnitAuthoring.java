package org.markpoint.question.authoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.markpoint.question.bank.LearningOutcome;
import org.markpoint.question.bank.Unit;
import org.markpoint.question.support.ConflictException;
import org.markpoint.question.support.IfMatch;
import org.markpoint.question.support.InvalidRequestException;
import org.markpoint.question.support.NotFoundException;
import org.springframework.stereotype.Service;

/** Creating and editing units and their learning outcomes, each edit conditional on the unit's ETag. */
@Service
public class UnitAuthoring {

    private final UnitStore units;

    public UnitAuthoring(UnitStore units) {
        this.units = units;
    }

    public UnitDocument create(String tenantId, Unit unit) {
        refuseUnusable(unit);
        return units.create(tenantId, unit);
    }

    /**
     * Replaces the unit's content (its id and the file it came from stay); with {@code keepOutcomes} its learning
     * outcomes stay as they are, for an edit of the unit that does not send them.
     */
    public UnitDocument update(String tenantId, String unitId, IfMatch ifMatch, Unit content,
                               boolean keepOutcomes) {
        return units.update(tenantId, unitId, ifMatch, current -> checked(new Unit(unitId, content.code(),
                content.title(), content.qualification(), content.synopsis(), content.keyConcepts(),
                content.examTips(), content.keySkills(), content.prerequisites(),
                keepOutcomes ? current.learningOutcomes() : content.learningOutcomes(), content.misconceptions(),
                content.keyTerms(), current.source(), content.awardingBody(), content.overview(),
                content.commonMistakes(), content.commandWordGuidance())));
    }

    /**
     * Adds an outcome at the end of the unit's list (its id made from the unit's when not given); 409 when the id
     * is taken.
     */
    public UnitDocument addOutcome(String tenantId, String unitId, IfMatch ifMatch, LearningOutcome outcome) {
        return units.update(tenantId, unitId, ifMatch, current -> {
            Set<String> taken = new HashSet<>(current.learningOutcomes().stream().map(LearningOutcome::id).toList());
            String id = outcome.id() == null || outcome.id().isBlank() ? freeId(unitId, taken) : outcome.id();
            if (taken.contains(id)) {
                throw new ConflictException("unit '" + unitId + "' already has learning outcome '" + id + "'");
            }
            List<LearningOutcome> next = new ArrayList<>(current.learningOutcomes());
            next.add(new LearningOutcome(id, outcome.code(), outcome.title(), outcome.assessmentCriteria()));
            return checked(current.withOutcomes(next));
        });
    }

    public UnitDocument editOutcome(String tenantId, String unitId, String outcomeId, IfMatch ifMatch,
                                    LearningOutcome outcome) {
        return units.update(tenantId, unitId, ifMatch, current -> {
            List<LearningOutcome> next = new ArrayList<>(current.learningOutcomes());
            int at = next.stream().map(LearningOutcome::id).toList().indexOf(outcomeId);
            if (at < 0) {
                throw new NotFoundException("learning outcome", outcomeId);
            }
            next.set(at, new LearningOutcome(outcomeId, outcome.code(), outcome.title(),
                    outcome.assessmentCriteria()));
            return checked(current.withOutcomes(next));
        });
    }

    private static String freeId(String unitId, Set<String> taken) {
        int n = taken.size() + 1;
        while (taken.contains(unitId + "-lo" + n)) {
            n++;
        }
        return unitId + "-lo" + n;
    }

    private static Unit checked(Unit unit) {
        refuseUnusable(unit);
        return unit;
    }

    /** Field-level rules the request annotations cannot express: unique outcome ids, complete pairs. */
    private static void refuseUnusable(Unit unit) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < unit.learningOutcomes().size(); i++) {
            LearningOutcome lo = unit.learningOutcomes().get(i);
            if (!ids.add(lo.id())) {
                throw new InvalidRequestException("learningOutcomes[" + i + "].id",
                        "duplicate learning outcome id '" + lo.id() + "'");
            }
        }
        for (int i = 0; i < unit.misconceptions().size(); i++) {
            var m = unit.misconceptions().get(i);
            if (m == null || m.pattern() == null || m.pattern().isBlank()) {
                throw new InvalidRequestException("misconceptions[" + i + "].pattern", "is required");
            }
        }
        for (int i = 0; i < unit.keyTerms().size(); i++) {
            var t = unit.keyTerms().get(i);
            if (t == null || t.term() == null || t.term().isBlank()) {
                throw new InvalidRequestException("keyTerms[" + i + "].term", "is required");
            }
        }
    }
}

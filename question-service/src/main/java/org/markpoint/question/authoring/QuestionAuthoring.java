package org.markpoint.question.authoring;

import java.time.Clock;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.question.bank.QuestionSpec;
import org.markpoint.question.bank.SchemeChecks;
import org.markpoint.question.support.ConflictException;
import org.markpoint.question.support.IfMatch;
import org.markpoint.question.support.InvalidRequestException;
import org.springframework.stereotype.Service;

/**
 * An author's life cycle of a question: create, edit the draft, publish (emits {@code QuestionPublished} with the
 * whole scheme and its version), edit again (a new draft; the published version stays live), retire (emits
 * {@code QuestionRetired}). Each step is one conditional write that carries its event.
 */
@Service
public class QuestionAuthoring {

    private final QuestionBank bank;
    private final Clock clock;

    public QuestionAuthoring(QuestionBank bank, Clock clock) {
        this.bank = bank;
        this.clock = clock;
    }

    public QuestionDocument create(String tenantId, QuestionSpec spec, boolean publish) {
        refuseUnusable(spec.scheme());
        if (spec.id() != null && !spec.id().isBlank() && bank.exists(tenantId, spec.id())) {
            throw new ConflictException("question '" + spec.id() + "' already exists");
        }
        return bank.create(tenantId, spec, publish);
    }

    public QuestionDocument edit(String tenantId, String questionId, IfMatch ifMatch, QuestionSpec spec) {
        refuseUnusable(spec.scheme());
        return bank.change(tenantId, questionId, ifMatch,
                d -> new QuestionDocument.Change(d.edit(spec, clock.instant()), java.util.List.of()));
    }

    public QuestionDocument publish(String tenantId, String questionId, IfMatch ifMatch) {
        return bank.change(tenantId, questionId, ifMatch, d -> d.publish(clock.instant()));
    }

    public QuestionDocument retire(String tenantId, String questionId, IfMatch ifMatch) {
        return bank.change(tenantId, questionId, ifMatch, d -> d.retire(clock.instant()));
    }

    private static void refuseUnusable(MarkingScheme scheme) {
        SchemeChecks.violations(scheme, "scheme").stream().findFirst().ifPresent(v -> {
            throw new InvalidRequestException(v.field(), v.message());
        });
    }
}

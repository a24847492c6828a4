package org.markpoint.question.api;

import org.markpoint.question.authoring.QuestionBank;
import org.markpoint.question.authoring.QuestionDocument;
import org.markpoint.question.support.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every version a question has had, and any one of them (what a mark made against version n was marked on). */
@RestController
@RequestMapping("/api/v1/questions/{id}/versions")
class QuestionVersionController {

    private final QuestionBank bank;

    QuestionVersionController(QuestionBank bank) {
        this.bank = bank;
    }

    @GetMapping
    VersionView.History list(@PathVariable String id) {
        QuestionDocument d = question(id);
        return new VersionView.History(d.id(), d.publishedVersion(),
                d.versions().stream().map(VersionView::of).toList());
    }

    @GetMapping("/{number}")
    VersionView get(@PathVariable String id, @PathVariable int number) {
        return question(id).version(number).map(VersionView::of)
                .orElseThrow(() -> new NotFoundException("version", id + " v" + number));
    }

    private QuestionDocument question(String id) {
        return bank.find(TenantContext.current(), id).orElseThrow(() -> new NotFoundException("question", id));
    }
}

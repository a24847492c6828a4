package org.markpoint.progress.quiz;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.markpoint.progress.api.TenantContext;
import org.markpoint.progress.catalog.QuestionCatalog;
import org.markpoint.progress.security.CurrentIdentity;
import org.markpoint.progress.support.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/progress/quizzes")
class QuizController {

    static final String PENDING_MESSAGE = "Your answer is saved; the mark will appear shortly";

    /** The reply to an answer: the mark and mastery now, or that the mark is pending. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record AnswerView(String status, String itemId, JsonNode mark, List<QuizService.MasteryNow> mastery,
                      String message) {
    }

    private final QuizService quizzes;
    private final AnswerService answers;
    private final QuestionCatalog catalog;

    QuizController(QuizService quizzes, AnswerService answers, QuestionCatalog catalog) {
        this.quizzes = quizzes;
        this.answers = answers;
        this.catalog = catalog;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<QuizView> create(@Valid @RequestBody QuizRequests.CreateQuiz request) {
        String learner = CurrentIdentity.learnerFor(request.learnerId());
        QuizDocument doc = quizzes.start(TenantContext.current(), request.toStart(learner.isEmpty()
                ? CurrentIdentity.get().subject() : learner));
        return ResponseEntity.created(URI.create("/api/v1/progress/quizzes/" + doc.id())).body(view(doc));
    }

    @GetMapping("/{quizId}")
    QuizView get(@PathVariable String quizId) {
        return view(own(quizzes.get(TenantContext.current(), quizId)));
    }

    @PostMapping("/{quizId}/next")
    QuizView next(@PathVariable String quizId) {
        own(quizzes.get(TenantContext.current(), quizId));
        return view(quizzes.next(TenantContext.current(), quizId));
    }

    @PostMapping(path = "/{quizId}/items/{itemId}/answer", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AnswerView> answer(@PathVariable String quizId, @PathVariable String itemId,
                                      @Valid @RequestBody QuizRequests.Answer request,
                                      @RequestHeader(name = "Idempotency-Key", defaultValue = "") @Size(max = 200)
                                      String key) {
        String tenant = TenantContext.current();
        own(quizzes.get(tenant, quizId));
        AnswerService.Result result = answers.answer(tenant, quizId, itemId, request.answer(), key.trim());
        return switch (result) {
            case AnswerService.Result.Marked marked -> ResponseEntity.ok(new AnswerView("marked", itemId,
                    marked.markingResponse(), quizzes.masteryOf(tenant, quizzes.get(tenant, quizId).quiz()
                            .learnerId(), marked.item()), null));
            case AnswerService.Result.Pending pending -> ResponseEntity.accepted().body(new AnswerView("pending",
                    itemId, null, null, PENDING_MESSAGE));
        };
    }

    /** The quiz if the caller may see it; a learner asking for another learner's quiz is told it does not exist. */
    private static QuizDocument own(QuizDocument doc) {
        if (!CurrentIdentity.maySee(doc.quiz().learnerId())) {
            throw new NotFoundException("quiz", doc.id());
        }
        return doc;
    }

    private QuizView view(QuizDocument doc) {
        var quiz = doc.quiz();
        return QuizView.of(quiz, quiz.current().flatMap(i -> catalog.find(doc.tenantId(), i.questionId())));
    }
}

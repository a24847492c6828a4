package org.markpoint.progress.quiz;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;
import org.markpoint.model.scheme.CommandWord;
import org.markpoint.progress.catalog.PublishedQuestion;
import org.markpoint.progress.quiz.session.MarkDetails;
import org.markpoint.progress.quiz.session.QuizItem;
import org.markpoint.progress.quiz.session.QuizScope;
import org.markpoint.progress.quiz.session.QuizSession;
import org.markpoint.progress.quiz.session.QuizSummary;

/** A quiz as the learner sees it; {@code current} is absent when no item waits, {@code summary} until it ends. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record QuizView(String quizId, String learnerId, String status, QuizScope scope, int maxItems, double targetMastery,
                List<ItemView> items, CurrentView current, QuizSummary summary) {

    /** One item; the mark fields appear once it is marked, {@code overridden} once a tutor changed the mark. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemView(String itemId, String questionId, String status, String markId, Integer mark, int maxMarks,
                    List<String> pointsHit, List<String> pointsMissed, Boolean overridden) {

        static ItemView of(QuizItem i) {
            var m = i.mark();
            return new ItemView(i.itemId(), i.questionId(), i.status().wireName(), m.map(x -> x.markId()).orElse(null),
                    m.map(x -> x.mark()).orElse(null), m.map(x -> x.maxMarks()).orElse(i.maxMarks()),
                    m.map(x -> x.pointsHit()).orElse(null), m.map(x -> x.pointsMissed()).orElse(null),
                    m.filter(MarkDetails::overridden).map(x -> true).orElse(null));
        }
    }

    /** The question waiting for an answer, with what its command word asks of the learner. */
    record CurrentView(String itemId, String questionId, String stem, String context, String commandWord,
                       String commandWordGuidance, int maxMarks, List<String> outcomes) {

        static CurrentView of(QuizItem item, Optional<PublishedQuestion> question) {
            return new CurrentView(item.itemId(), item.questionId(), question.map(PublishedQuestion::stem).orElse(""),
                    question.map(PublishedQuestion::context).orElse(""), item.commandWord(),
                    CommandWord.parse(item.commandWord()).map(CommandWord::guidance).orElse(""), item.maxMarks(),
                    item.outcomes());
        }
    }

    static QuizView of(QuizSession quiz, Optional<PublishedQuestion> currentQuestion) {
        return new QuizView(quiz.quizId(), quiz.learnerId(), quiz.status().wireName(), quiz.scope(), quiz.maxItems(),
                quiz.targetMastery(), quiz.items().stream().map(ItemView::of).toList(),
                quiz.current().map(i -> CurrentView.of(i, currentQuestion)).orElse(null),
                quiz.finalSummary().orElse(null));
    }
}

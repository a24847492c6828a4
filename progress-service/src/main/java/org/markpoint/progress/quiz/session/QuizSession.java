package org.markpoint.progress.quiz.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.markpoint.progress.support.ConflictException;
import org.markpoint.progress.support.NotFoundException;

/**
 * One learner's adaptive quiz: its scope and options, the items asked so far and, once finished, the summary.
 * Every change returns a new session; the rules about answers live here: one accepted answer per item (a retry with
 * the same key is recognised, anything else is a conflict), none once the quiz is finished.
 */
public record QuizSession(String quizId, String learnerId, QuizScope scope, int maxItems, double targetMastery,
                          QuizStatus status, List<QuizItem> items, int asked, Instant startedAt,
                          QuizSummary summary) {

    public QuizSession {
        items = List.copyOf(items);
    }

    public static QuizSession start(String quizId, String learnerId, QuizScope scope, int maxItems,
                                    double targetMastery, Instant at) {
        return new QuizSession(quizId, learnerId, scope, maxItems, targetMastery, QuizStatus.ACTIVE, List.of(), 0, at,
                null);
    }

    public boolean finished() {
        return status == QuizStatus.FINISHED;
    }

    public Optional<QuizSummary> finalSummary() {
        return Optional.ofNullable(summary);
    }

    public Optional<QuizItem> item(String itemId) {
        return items.stream().filter(i -> i.itemId().equals(itemId)).findFirst();
    }

    /** The item waiting for the learner's answer, if any: only the last item asked can be. */
    public Optional<QuizItem> current() {
        if (finished() || items.isEmpty()) {
            return Optional.empty();
        }
        QuizItem last = items.getLast();
        return last.status() == ItemStatus.AWAITING_ANSWER ? Optional.of(last) : Optional.empty();
    }

    /** Items the learner has answered (marked or still waiting for the mark). */
    public int answeredCount() {
        return (int) items.stream().filter(i -> i.status() != ItemStatus.AWAITING_ANSWER).count();
    }

    public QuizSession ask(ScopeQuestion question, Instant at) {
        if (finished() || current().isPresent()) {
            throw new IllegalStateException("quiz " + quizId + " cannot ask a new item now");
        }
        List<QuizItem> next = new ArrayList<>(items);
        next.add(QuizItem.asked(quizId, "item-" + (asked + 1), question, at));
        return new QuizSession(quizId, learnerId, scope, maxItems, targetMastery, status, next, asked + 1, startedAt,
                summary);
    }

    /** Drops an unanswered item (its question was retired before the learner answered). */
    public QuizSession withdraw(String itemId) {
        List<QuizItem> next = items.stream()
                .filter(i -> !(i.itemId().equals(itemId) && i.status() == ItemStatus.AWAITING_ANSWER)).toList();
        return new QuizSession(quizId, learnerId, scope, maxItems, targetMastery, status, next, asked, startedAt,
                summary);
    }

    public QuizSession finish(QuizSummary result) {
        return new QuizSession(quizId, learnerId, scope, maxItems, targetMastery, QuizStatus.FINISHED, items, asked,
                startedAt, result);
    }

    /**
     * Takes the learner's answer to an item. A blank {@code key} never matches an earlier answer, so without a key
     * a second answer is always a conflict (two tabs answering the same item get one accepted answer).
     */
    public AnswerClaim answer(String itemId, String text, String key, Instant at) {
        QuizItem item = item(itemId).orElseThrow(() -> new NotFoundException("item", itemId));
        boolean hasAnswer = item.status() != ItemStatus.AWAITING_ANSWER;
        if (hasAnswer && !key.isBlank() && key.equals(item.answerKey())) {
            return new AnswerClaim.Repeat(item);
        }
        if (finished()) {
            throw new ConflictException("quiz '" + quizId + "' is finished; it takes no more answers");
        }
        if (hasAnswer) {
            throw new ConflictException("item '" + itemId + "' of quiz '" + quizId
                    + "' already has an answer; only a retry with the same Idempotency-Key is accepted");
        }
        QuizItem answered = item.answeredWith(text, key, at);
        return new AnswerClaim.Accepted(replace(itemId, i -> answered), answered);
    }

    /**
     * Records an item's mark; the same mark twice (sync reply and then its event, or the other way round) changes
     * nothing, except that marking-service's full reply is kept when it comes second.
     */
    public QuizSession marked(String itemId, MarkDetails details) {
        Optional<QuizItem> item = item(itemId);
        boolean known = item.flatMap(QuizItem::mark).map(m -> m.markId().equals(details.markId())
                && (details.markingResponse().isEmpty() || !m.markingResponse().isEmpty())).orElse(false);
        if (item.isEmpty() || known) {
            return this;
        }
        return replace(itemId, i -> i.markedWith(details));
    }

    /**
     * A tutor overrode the mark {@code details.markId()}: the item carrying it shows the new mark (and the next
     * question is chosen from it). No item with that mark: nothing changes.
     */
    public QuizSession remarked(MarkDetails details) {
        return itemByMarkId(details.markId()).map(i -> replace(i.itemId(), x -> x.markedWith(details))).orElse(this);
    }

    /** The mark {@code markId} as one of this quiz's items holds it. */
    public Optional<MarkDetails> markById(String markId) {
        return itemByMarkId(markId).flatMap(QuizItem::mark);
    }

    private Optional<QuizItem> itemByMarkId(String markId) {
        return items.stream().filter(i -> i.mark().map(m -> m.markId().equals(markId)).orElse(false)).findFirst();
    }

    /** The item whose answer carried this answer id, if it belongs to this quiz. */
    public Optional<QuizItem> itemByAnswerId(String answerId) {
        return items.stream().filter(i -> i.answerId().equals(answerId)).findFirst();
    }

    /** Gives an item its answer back (marking refused it, e.g. the question was retired meanwhile). */
    public QuizSession unanswer(String itemId) {
        return replace(itemId, QuizItem::unanswered);
    }

    private QuizSession replace(String itemId, UnaryOperator<QuizItem> change) {
        List<QuizItem> next = items.stream().map(i -> i.itemId().equals(itemId) ? change.apply(i) : i).toList();
        return new QuizSession(quizId, learnerId, scope, maxItems, targetMastery, status, next, asked, startedAt,
                summary);
    }
}

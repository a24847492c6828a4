package org.markpoint.progress.quiz;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.markpoint.model.event.AnswerSubmitted;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.progress.quiz.MarkingClient.Outcome;
import org.markpoint.progress.quiz.session.AnswerClaim;
import org.markpoint.progress.quiz.session.MarkDetails;
import org.markpoint.progress.quiz.session.QuizItem;
import org.markpoint.progress.quiz.session.QuizSession;
import org.markpoint.progress.support.ConflictException;
import org.markpoint.progress.support.OutboxEntry;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Takes a quiz answer and marks it now if marking-service answers in time, else later.
 *
 * <ol>
 *   <li>Claim the item: the answer and a held-back {@code AnswerSubmitted} are saved in one write (the version check
 *   lets only one of two racing tabs win), so from here on the answer cannot be lost, even if this process dies.</li>
 *   <li>Ask marking-service, keyed by the item's answer id.</li>
 *   <li>Marked: record the mark and drop the held-back event. Unavailable: release the event now (the fallback:
 *   marking-service marks it from Kafka, the mark comes back as {@code AnswerMarked}). Refused: give the item its
 *   answer back and say why.</li>
 * </ol>
 */
@Service
class AnswerService {

    /** What the learner gets back; {@code item} is the answered item as it stands. */
    sealed interface Result {

        QuizItem item();

        record Marked(QuizItem item, JsonNode markingResponse) implements Result {
        }

        record Pending(QuizItem item) implements Result {
        }
    }

    private final QuizStore store;
    private final MarkingClient marking;
    private final MarkingClient.Properties props;
    private final Clock clock;

    AnswerService(QuizStore store, MarkingClient marking, MarkingClient.Properties props, Clock clock) {
        this.store = store;
        this.marking = marking;
        this.props = props;
        this.clock = clock;
    }

    Result answer(String tenantId, String quizId, String itemId, String text, String key) {
        Instant now = clock.instant();
        AtomicReference<AnswerClaim> claim = new AtomicReference<>();
        AtomicReference<String> owedEventId = new AtomicReference<>();
        QuizDocument claimed = store.update(tenantId, quizId, doc -> {
            AnswerClaim c = doc.quiz().answer(itemId, text, key, now);
            claim.set(c);
            if (!(c instanceof AnswerClaim.Accepted accepted)) {
                return doc;
            }
            QuizSession quiz = doc.quiz();
            var event = EventEnvelope.wrap(tenantId, new AnswerSubmitted(accepted.item().answerId(),
                    quiz.learnerId(), accepted.item().questionId(), text, quizId), now);
            owedEventId.set(event.eventId().toString());
            List<OutboxEntry> owed = new ArrayList<>(doc.outbox());
            owed.add(OutboxEntry.deferred(event, now.plus(props.asyncAfter())));
            return doc.with(accepted.quiz(), owed);
        });
        if (claim.get() instanceof AnswerClaim.Repeat repeat) {
            return resultOf(repeat.item());
        }
        QuizItem item = ((AnswerClaim.Accepted) claim.get()).item();
        String eventId = owedEventId.get();
        Outcome outcome = marking.mark(new MarkingClient.Call(text, claimed.quiz().learnerId(), item.questionId(),
                quizId), item.answerId());
        return switch (outcome) {
            case Outcome.Marked marked -> {
                MarkDetails details = MarkResponses.details(marked.response());
                QuizDocument saved = store.update(tenantId, quizId, doc -> doc.with(doc.quiz().marked(itemId, details),
                        without(doc.outbox(), eventId)));
                yield new Result.Marked(saved.quiz().item(itemId).orElseThrow(), marked.response());
            }
            case Outcome.Unavailable unavailable -> {
                QuizDocument saved = store.update(tenantId, quizId, doc -> doc.with(doc.quiz(),
                        dueNow(doc.outbox(), eventId)));
                yield resultOf(saved.quiz().item(itemId).orElseThrow());
            }
            case Outcome.Refused refused -> {
                store.update(tenantId, quizId, doc -> doc.with(doc.quiz().unanswer(itemId),
                        without(doc.outbox(), eventId)));
                throw new ConflictException("marking-service refused the answer to item '" + itemId + "' ("
                        + refused.status() + "): " + refused.detail());
            }
        };
    }

    /** An item's answer as it stands: marked (with the stored reply, or the mark the event carried) or pending. */
    static Result resultOf(QuizItem item) {
        return item.mark().<Result>map(m -> new Result.Marked(item, MarkResponses.asJson(m)))
                .orElseGet(() -> new Result.Pending(item));
    }

    private static List<OutboxEntry> without(List<OutboxEntry> outbox, String eventId) {
        return outbox.stream().filter(e -> !e.eventId().equals(eventId)).toList();
    }

    private static List<OutboxEntry> dueNow(List<OutboxEntry> outbox, String eventId) {
        return outbox.stream().map(e -> e.eventId().equals(eventId) ? e.due() : e).toList();
    }
}

package org.markpoint.progress.quiz.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markpoint.progress.support.ConflictException;
import org.markpoint.progress.support.NotFoundException;

class QuizSessionTest {

    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
    private static final ScopeQuestion Q1 = new ScopeQuestion("q1", 2, List.of("lo-1"), "describe", 4);
    private static final ScopeQuestion Q2 = new ScopeQuestion("q2", 1, List.of("lo-2"), "explain", 3);

    private static QuizSession oneItemAsked() {
        return QuizSession.start("quiz-1", "learner-1", new QuizScope("unit-1", List.of("lo-1", "lo-2")), 10, 0.95, AT)
                .ask(Q1, AT);
    }

    private static QuizSession answered(QuizSession quiz, String key) {
        return ((AnswerClaim.Accepted) quiz.answer("item-1", "my answer", key, AT)).quiz();
    }

    private static MarkDetails mark(String markId, String reply) {
        return new MarkDetails(markId, 3, 4, List.of("a", "b", "c"), List.of("d"), reply);
    }

    @Test
    void givenANewItem_whenAsked_thenItIsCurrentWithADeterministicAnswerId() {
        QuizSession quiz = oneItemAsked();

        assertThat(quiz.current()).hasValueSatisfying(i -> {
            assertThat(i.itemId()).isEqualTo("item-1");
            assertThat(i.answerId()).isEqualTo("quiz-1:item-1");
            assertThat(i.status()).isEqualTo(ItemStatus.AWAITING_ANSWER);
        });
    }

    @Test
    void givenAnAwaitingItem_whenAnswered_thenItWaitsForItsMarkAndIsNoLongerCurrent() {
        AnswerClaim claim = oneItemAsked().answer("item-1", "my answer", "k1", AT);

        assertThat(claim).isInstanceOf(AnswerClaim.Accepted.class);
        QuizSession quiz = ((AnswerClaim.Accepted) claim).quiz();
        assertThat(quiz.item("item-1").orElseThrow().status()).isEqualTo(ItemStatus.MARK_PENDING);
        assertThat(quiz.item("item-1").orElseThrow().answer()).isEqualTo("my answer");
        assertThat(quiz.current()).isEmpty();
        assertThat(quiz.answeredCount()).isEqualTo(1);
    }

    @Test
    void givenAnAnsweredItem_whenAnsweredAgainWithTheSameKey_thenItIsRecognisedAsARetry() {
        QuizSession quiz = answered(oneItemAsked(), "k1");

        AnswerClaim again = quiz.answer("item-1", "my answer", "k1", AT);

        assertThat(again).isInstanceOf(AnswerClaim.Repeat.class);
        assertThat(((AnswerClaim.Repeat) again).item().answer()).isEqualTo("my answer");
    }

    @Test
    void givenAnAnsweredItem_whenAnsweredWithAnotherKey_thenConflict() {
        QuizSession quiz = answered(oneItemAsked(), "k1");

        assertThatThrownBy(() -> quiz.answer("item-1", "other tab", "k2", AT))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already has an answer");
    }

    @Test
    void givenAnItemAnsweredWithoutKey_whenAnsweredAgainWithoutKey_thenConflict() {
        QuizSession quiz = answered(oneItemAsked(), "");

        assertThatThrownBy(() -> quiz.answer("item-1", "my answer", "", AT)).isInstanceOf(ConflictException.class);
    }

    @Test
    void givenAFinishedQuiz_whenAnswered_thenConflictSaysFinished() {
        QuizSession quiz = answered(oneItemAsked(), "k1")
                .finish(new QuizSummary("item-limit", List.of(), List.of("lo-1"), List.of(), AT));

        assertThatThrownBy(() -> quiz.answer("item-1", "again", "k2", AT))
                .isInstanceOf(ConflictException.class).hasMessageContaining("finished");
    }

    @Test
    void givenAnItemNotInTheQuiz_whenAnswered_thenNotFound() {
        assertThatThrownBy(() -> oneItemAsked().answer("item-9", "x", "", AT))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("item-9");
    }

    @Test
    void givenAMarkedItem_whenTheSameMarkArrivesAgain_thenNothingChanges() {
        QuizSession marked = answered(oneItemAsked(), "k1").marked("item-1", mark("m1", "{\"mark\":3}"));

        QuizSession again = marked.marked("item-1", mark("m1", ""));

        assertThat(again).isEqualTo(marked);
        assertThat(again.item("item-1").orElseThrow().mark().orElseThrow().markingResponse())
                .isEqualTo("{\"mark\":3}");
    }

    @Test
    void givenAMarkFromTheEvent_whenTheSynchronousReplyFollows_thenTheReplyIsKept() {
        QuizSession fromEvent = answered(oneItemAsked(), "k1").marked("item-1", mark("m1", ""));

        QuizSession withReply = fromEvent.marked("item-1", mark("m1", "{\"mark\":3}"));

        QuizItem item = withReply.item("item-1").orElseThrow();
        assertThat(item.status()).isEqualTo(ItemStatus.MARKED);
        assertThat(item.mark().orElseThrow().markingResponse()).isEqualTo("{\"mark\":3}");
        assertThat(item.mark().orElseThrow().credit()).isEqualTo(0.75);
    }

    @Test
    void givenAnAnswerMarkingRefused_whenUnanswered_thenTheItemAwaitsAnAnswerAgain() {
        QuizSession quiz = answered(oneItemAsked(), "k1").unanswer("item-1");

        assertThat(quiz.current()).hasValueSatisfying(i -> assertThat(i.answer()).isEmpty());
        assertThat(quiz.answer("item-1", "second try", "k2", AT)).isInstanceOf(AnswerClaim.Accepted.class);
    }

    @Test
    void givenAWithdrawnItem_whenTheNextIsAsked_thenItGetsAFreshItemId() {
        QuizSession quiz = oneItemAsked().withdraw("item-1").ask(Q2, AT);

        assertThat(quiz.items()).extracting(QuizItem::itemId).containsExactly("item-2");
        assertThat(quiz.current().orElseThrow().answerId()).isEqualTo("quiz-1:item-2");
    }

    @Test
    void givenAnItemAwaitingAnswer_whenAnotherIsAsked_thenRefused() {
        assertThatThrownBy(() -> oneItemAsked().ask(Q2, AT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenAMarkedItem_whenATutorOverridesTheMark_thenTheItemShowsItAndARedeliveredMarkDoesNotUndoIt() {
        QuizSession quiz = answered(oneItemAsked(), "k").marked("item-1", mark("m1", "{\"mark\":3}"));
        MarkDetails tutors = new MarkDetails("m1", 4, 4, List.of("a", "b", "c"), List.of("d"), "{\"mark\":4}", true);

        QuizSession after = quiz.remarked(tutors);

        assertThat(after.item("item-1").flatMap(QuizItem::mark)).contains(tutors);
        assertThat(after.markById("m1")).contains(tutors);
        assertThat(after.marked("item-1", mark("m1", ""))).isEqualTo(after);
        assertThat(quiz.remarked(new MarkDetails("m-elsewhere", 0, 4, List.of(), List.of(), "", true)))
                .isEqualTo(quiz);
    }
}

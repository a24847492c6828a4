package org.markpoint.question.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markpoint.model.event.EventCodec;
import org.markpoint.model.event.MarkpointEvent;
import org.markpoint.model.event.QuestionPublished;
import org.markpoint.model.event.QuestionRetired;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.question.bank.QuestionSpec;
import org.markpoint.question.support.ConflictException;
import org.markpoint.question.support.OutboxEntry;

class QuestionDocumentTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);

    private static QuestionSpec spec(String stem) {
        return new QuestionSpec("q1", "u1", List.of("lo1"), "A customer phones, angry.",
                new MarkingScheme(stem, "explain", 2, "", List.of(
                        new MarkingPoint("a", "closes skills gaps", List.of("skills gap"), List.of(), 1, "lo1"),
                        new MarkingPoint("b", "consistent service", List.of("consistent"), List.of(), 1, "lo1")),
                        List.of(), List.of()));
    }

    private static MarkpointEvent event(OutboxEntry entry) {
        return new EventCodec().decode(entry.payload()).body();
    }

    @Test
    void givenNewQuestion_whenDrafted_thenVersionOneDraftWithNothingOwed() {
        QuestionDocument d = QuestionDocument.draft("q1", "demo", spec("Explain training."), T0);

        assertThat(d.version()).isEqualTo(1);
        assertThat(d.status()).isEqualTo(QuestionStatus.DRAFT);
        assertThat(d.publishedVersion()).isZero();
        assertThat(d.outbox()).isEmpty();
        assertThat(d.versions()).singleElement().extracting(QuestionVersion::status).isEqualTo(VersionStatus.DRAFT);
    }

    @Test
    void givenDraft_whenPublished_thenFrozenAndOwesQuestionPublishedWithWholeSchemeVersionAndContext() {
        QuestionDocument.Change c = QuestionDocument.draft("q1", "demo", spec("Explain training."), T0).publish(T1);

        assertThat(c.next().status()).isEqualTo(QuestionStatus.PUBLISHED);
        assertThat(c.next().publishedVersion()).isEqualTo(1);
        assertThat(c.owed()).hasSize(1);
        assertThat(c.next().outbox()).isEqualTo(c.owed());
        QuestionPublished e = (QuestionPublished) event(c.owed().getFirst());
        assertThat(e.version()).isEqualTo(1);
        assertThat(e.scheme()).isEqualTo(spec("Explain training.").scheme());
        assertThat(e.context()).isEqualTo("A customer phones, angry.");
        assertThat(c.next().versions().getFirst().publishedAt()).isEqualTo(T1);
    }

    @Test
    void givenPublishedV1_whenEdited_thenV2DraftWhileV1StaysPublished() {
        QuestionDocument v1 = QuestionDocument.draft("q1", "demo", spec("Explain training."), T0).publish(T1).next();

        QuestionDocument edited = v1.edit(spec("Explain how training helps."), T2);

        assertThat(edited.version()).isEqualTo(2);
        assertThat(edited.status()).isEqualTo(QuestionStatus.DRAFT);
        assertThat(edited.publishedVersion()).isEqualTo(1);
        assertThat(edited.scheme().stem()).isEqualTo("Explain how training helps.");
        assertThat(edited.versions()).extracting(QuestionVersion::number, QuestionVersion::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, VersionStatus.PUBLISHED),
                org.assertj.core.groups.Tuple.tuple(2, VersionStatus.DRAFT));
        assertThat(edited.version(1).orElseThrow().scheme().stem()).isEqualTo("Explain training.");
        assertThat(edited.revision()).isGreaterThan(v1.revision());
    }

    @Test
    void givenDraftV2_whenEditedAgain_thenSameVersionNewContent() {
        QuestionDocument v2 = QuestionDocument.draft("q1", "demo", spec("A"), T0).publish(T1).next()
                .edit(spec("Explain B."), T2);

        QuestionDocument again = v2.edit(spec("Explain C."), T2.plusSeconds(5));

        assertThat(again.version()).isEqualTo(2);
        assertThat(again.versions()).hasSize(2);
        assertThat(again.scheme().stem()).isEqualTo("Explain C.");
        assertThat(again.versions().getLast().createdAt()).isEqualTo(T2);
    }

    @Test
    void givenDraftV2_whenPublished_thenV1SupersededAndEventCarriesVersionTwo() {
        QuestionDocument v2 = QuestionDocument.draft("q1", "demo", spec("A"), T0).publish(T1).next()
                .edit(spec("Explain B."), T2);

        QuestionDocument.Change c = v2.publish(T2);

        assertThat(((QuestionPublished) event(c.owed().getFirst())).version()).isEqualTo(2);
        assertThat(c.next().publishedVersion()).isEqualTo(2);
        assertThat(c.next().versions()).extracting(QuestionVersion::status)
                .containsExactly(VersionStatus.SUPERSEDED, VersionStatus.PUBLISHED);
        assertThat(c.next().versions().getFirst().endedAt()).isEqualTo(T2);
    }

    @Test
    void givenLiveV1WithDraftV2_whenRetired_thenOwesQuestionRetiredForTheLiveVersion() {
        QuestionDocument v2 = QuestionDocument.draft("q1", "demo", spec("A"), T0).publish(T1).next()
                .edit(spec("Explain B."), T2);

        QuestionDocument.Change c = v2.retire(T2);

        assertThat(c.next().status()).isEqualTo(QuestionStatus.RETIRED);
        assertThat(event(c.owed().getFirst())).isEqualTo(new QuestionRetired("q1", 1));
        assertThat(c.next().versions()).extracting(QuestionVersion::status)
                .containsExactly(VersionStatus.RETIRED, VersionStatus.RETIRED);
    }

    @Test
    void givenNeverPublishedDraft_whenRetired_thenRetiredQuietly() {
        QuestionDocument.Change c = QuestionDocument.draft("q1", "demo", spec("A"), T0).retire(T1);

        assertThat(c.next().status()).isEqualTo(QuestionStatus.RETIRED);
        assertThat(c.owed()).isEmpty();
    }

    @Test
    void givenRetiredOrPublished_whenEditedRetiredOrPublishedAgain_thenConflict() {
        QuestionDocument published = QuestionDocument.draft("q1", "demo", spec("A"), T0).publish(T1).next();
        QuestionDocument retired = published.retire(T2).next();

        assertThatThrownBy(() -> published.publish(T2)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("no draft to publish");
        assertThatThrownBy(() -> retired.edit(spec("B"), T2)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("retired");
        assertThatThrownBy(() -> retired.retire(T2)).isInstanceOf(ConflictException.class);
    }

    @Test
    void givenPointsWorthMoreThanMax_whenDrafted_thenStoredCappedWithWarning() {
        QuestionSpec s = spec("Explain.");
        MarkingScheme over = new MarkingScheme("Explain.", "explain", 1, "", s.scheme().markingPoints(), List.of(),
                List.of());

        QuestionDocument d = QuestionDocument.draft("q1", "demo",
                new QuestionSpec("q1", "u1", List.of(), "", over), T0);

        assertThat(d.scheme().markingPoints()).extracting(MarkingPoint::marks).containsExactly(1, 1);
        assertThat(d.warnings()).singleElement().extracting(w -> w.message()).asString()
                .contains("more than the 1 available; the mark is capped at 1");
    }

    @Test
    void givenDocumentStoredBeforeVersionsWereKept_whenRead_thenItsOneVersionIsTheLiveOne() {
        QuestionDocument old = new QuestionDocument(null, "q1", "demo", "u1", List.of("lo1"), "", spec("A").scheme(), 3,
                QuestionStatus.PUBLISHED, 0, null, null, 0, null, T0, T1, null);

        assertThat(old.publishedVersion()).isEqualTo(3);
        assertThat(old.versions()).singleElement().satisfies(v -> {
            assertThat(v.number()).isEqualTo(3);
            assertThat(v.status()).isEqualTo(VersionStatus.PUBLISHED);
        });
        assertThat(old.edit(spec("Explain B."), T2).version()).isEqualTo(4);
    }

    @Test
    void givenStemAndPoints_whenStored_thenSearchTextHoldsThemInLowerCase() {
        QuestionDocument d = QuestionDocument.draft("q1", "demo", spec("Explain TRAINING."), T0);

        assertThat(d.searchText()).contains("explain training.", "a customer phones, angry.", "closes skills gaps");
    }
}

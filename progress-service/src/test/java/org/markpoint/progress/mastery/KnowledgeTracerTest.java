package org.markpoint.progress.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KnowledgeTracerTest {

    private static final Instant T0 = Instant.parse("2025-01-06T09:00:00Z");
    private final KnowledgeTracer tracer = new KnowledgeTracer();
    private final BktParameters params = new BktParameters(0.3, 0.1, 0.2, 0.1, 0.05);

    @Test
    void givenPartialCredit_whenUpdated_thenMasteryMovesLessThanFullCredit() {
        MasteryEstimate start = MasteryEstimate.initial(params, T0);

        double full = tracer.update(start, params, 1.0, T0).pKnown();
        double partial = tracer.update(start, params, 0.6, T0).pKnown();
        double none = tracer.update(start, params, 0.0, T0).pKnown();

        assertThat(partial).isLessThan(full).isGreaterThan(none);
    }

    @Test
    void givenTwoCorrectAnswers_whenUpdated_thenEvidenceCountsBothAndMasteryRises() {
        MasteryEstimate once = tracer.update(MasteryEstimate.initial(params, T0), params, 1.0, T0);
        MasteryEstimate twice = tracer.update(once, params, 1.0, T0.plusSeconds(60));

        assertThat(twice.evidence()).isEqualTo(2);
        assertThat(twice.pKnown()).isGreaterThan(once.pKnown());
        assertThat(twice.updatedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void givenLongGapSinceLastPractice_whenAnsweredAgain_thenMasteryStartsLowerThanAfterShortGap() {
        MasteryEstimate mastered = new MasteryEstimate(0.95, 6, T0);

        double nextDay = tracer.asOf(mastered, params, T0.plus(Duration.ofDays(1))).pKnown();
        double halfYear = tracer.asOf(mastered, params, T0.plus(Duration.ofDays(180))).pKnown();
        double afterGapAnswer = tracer.update(mastered, params, 1.0, T0.plus(Duration.ofDays(180))).pKnown();
        double afterQuickAnswer = tracer.update(mastered, params, 1.0, T0.plus(Duration.ofMinutes(5))).pKnown();

        assertThat(halfYear).isLessThan(nextDay).isLessThan(0.5);
        assertThat(afterGapAnswer).isLessThan(afterQuickAnswer);
    }

    @Test
    void givenNoForgetting_whenTimePasses_thenMasteryIsUnchangedAndUpdateMatchesClassicBkt() {
        BktParameters classic = BktParameters.defaults();
        MasteryEstimate start = new MasteryEstimate(0.5, 1, T0);

        double later = tracer.asOf(start, classic, T0.plus(Duration.ofDays(365))).pKnown();
        double updated = tracer.update(start, classic, 1.0, T0.plus(Duration.ofDays(365))).pKnown();

        double posterior = 0.5 * 0.9 / (0.5 * 0.9 + 0.5 * 0.2);
        assertThat(later).isEqualTo(0.5);
        assertThat(updated).isCloseTo(posterior + (1 - posterior) * 0.15, within(1e-12));
    }

    @Test
    void givenHardItem_whenAnsweredCorrectly_thenMasteryRisesMoreThanForEasyItem() {
        MasteryEstimate start = MasteryEstimate.initial(params, T0);

        double hard = tracer.update(start, params, 1.0, T0, 1.5).pKnown();
        double easy = tracer.update(start, params, 1.0, T0, -1.5).pKnown();

        assertThat(hard).isGreaterThan(easy);
        assertThat(tracer.predictCorrect(start, params, 1.5, T0))
                .isLessThan(tracer.predictCorrect(start, params, -1.5, T0));
    }

    @Test
    void givenCreditOutsideRange_whenUpdated_thenItIsClampedToFullOrNoCredit() {
        MasteryEstimate start = MasteryEstimate.initial(params, T0);

        assertThat(tracer.update(start, params, 1.7, T0).pKnown())
                .isEqualTo(tracer.update(start, params, 1.0, T0).pKnown());
        assertThat(tracer.update(start, params, -0.3, T0).pKnown())
                .isEqualTo(tracer.update(start, params, 0.0, T0).pKnown());
    }
}

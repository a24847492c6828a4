package org.markpoint.progress.mastery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MasteryConfidenceTest {

    private static final Instant T0 = Instant.parse("2025-01-06T09:00:00Z");

    @Test
    void givenHighMasteryOnManyAnswers_whenLabelled_thenMasteredWithHighConfidence() {
        MasteryEstimate estimate = new MasteryEstimate(0.98, 8, T0);

        assertThat(estimate.confidence(0.95)).isEqualTo(MasteryConfidence.MASTERED_HIGH_CONFIDENCE);
    }

    @Test
    void givenHighMasteryOnTwoAnswers_whenLabelled_thenLooksMasteredOnLittleEvidence() {
        MasteryEstimate estimate = new MasteryEstimate(0.96, 2, T0);

        assertThat(estimate.confidence(0.95)).isEqualTo(MasteryConfidence.LOOKS_MASTERED_LITTLE_EVIDENCE);
    }

    @Test
    void givenLowOrMiddlingMastery_whenLabelled_thenNotYetSecureOrDeveloping() {
        assertThat(new MasteryEstimate(0.3, 5, T0).confidence(0.95)).isEqualTo(MasteryConfidence.NOT_YET_SECURE);
        assertThat(new MasteryEstimate(0.7, 5, T0).confidence(0.95)).isEqualTo(MasteryConfidence.DEVELOPING);
        assertThat(new MasteryEstimate(0.2, 0, T0).confidence(0.95)).isEqualTo(MasteryConfidence.NO_EVIDENCE);
    }

    @Test
    void givenMoreEvidence_whenIntervalComputed_thenItNarrowsAndContainsTheEstimate() {
        MasteryInterval few = new MasteryEstimate(0.8, 2, T0).interval();
        MasteryInterval many = new MasteryEstimate(0.8, 30, T0).interval();

        assertThat(many.width()).isLessThan(few.width());
        assertThat(few.lower()).isLessThanOrEqualTo(0.8);
        assertThat(few.upper()).isGreaterThanOrEqualTo(0.8);
    }
}

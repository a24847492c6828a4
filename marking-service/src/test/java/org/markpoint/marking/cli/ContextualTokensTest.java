package org.markpoint.marking.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContextualTokensTest {

    private static final String QUESTION = "Why does the bulb light?";
    private static final String REFERENCE = "The bulb lights because the circuit is closed.";

    private final ContextualTokens tokens = new ContextualTokens(List.of("the circuit is closed",
            "the battery is blue", "the bulb lights", "the switch is open"));

    @Test
    void givenTheReferenceItself_whenCompared_thenEveryPieceAlignsFully() {
        double[] same = tokens.compute(REFERENCE, REFERENCE, QUESTION);
        assertThat(same).hasSize(ContextualTokens.NAMES.size());
        assertThat(same[0]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(same[2]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void givenAnUnrelatedAnswer_whenCompared_thenLowerThanAParaphrase() {
        double[] paraphrase = tokens.compute("It lights up since the circuit is complete and closed.", REFERENCE,
                QUESTION);
        double[] unrelated = tokens.compute("The battery is blue.", REFERENCE, QUESTION);
        assertThat(unrelated[0]).isLessThan(paraphrase[0]);
        assertThat(unrelated[3]).isLessThan(paraphrase[3]);
    }
}

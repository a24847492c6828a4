package org.markpoint.marking.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.markpoint.marking.moderation.Agreement.Pair;

class AgreementTest {

    @Test
    void givenIdenticalMarks_whenCompared_thenPerfectAgreement() {
        Agreement a = Agreement.of(List.of(new Pair(0, 0, 4), new Pair(2, 2, 4), new Pair(4, 4, 4)));
        assertThat(a.exact()).isEqualTo(1.0);
        assertThat(a.qwk()).isCloseTo(1.0, within(1e-9));
        assertThat(a.pearson()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void givenOneMarkOffByOneAndOneOffByThree_whenCompared_thenExactAndAdjacentCountThem() {
        Agreement a = Agreement.of(List.of(new Pair(1, 1, 4), new Pair(2, 3, 4), new Pair(0, 3, 4),
                new Pair(4, 4, 4)));
        assertThat(a.n()).isEqualTo(4);
        assertThat(a.exact()).isEqualTo(0.5);
        assertThat(a.adjacent()).isEqualTo(0.75);
        assertThat(a.qwk()).isLessThan(1.0).isGreaterThan(0.0);
    }

    @Test
    void givenReversedMarks_whenCompared_thenKappaAndPearsonAreNegative() {
        Agreement a = Agreement.of(List.of(new Pair(0, 2, 2), new Pair(2, 0, 2), new Pair(1, 1, 2)));
        assertThat(a.pearson()).isCloseTo(-1.0, within(1e-9));
        assertThat(a.qwk()).isNegative();
    }

    @Test
    void givenNothingModerated_whenCompared_thenZeroCount() {
        assertThat(Agreement.of(List.of()).n()).isZero();
    }
}

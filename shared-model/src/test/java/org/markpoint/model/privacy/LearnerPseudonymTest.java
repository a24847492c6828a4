package org.markpoint.model.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LearnerPseudonymTest {

    @Test
    void givenTheSameTenantAndLearner_whenPseudonymised_thenTheSameValueThatDoesNotContainTheId() {
        String p = LearnerPseudonym.of("demo", "learner-1");

        assertThat(p).isEqualTo(LearnerPseudonym.of("demo", "learner-1"));
        assertThat(p).startsWith("erased-").hasSize("erased-".length() + 64).doesNotContain("learner-1");
    }

    @Test
    void givenAnotherTenantOrLearner_whenPseudonymised_thenDifferent() {
        assertThat(LearnerPseudonym.of("demo", "learner-1")).isNotEqualTo(LearnerPseudonym.of("other", "learner-1"))
                .isNotEqualTo(LearnerPseudonym.of("demo", "learner-2"));
        // the separator keeps ("ab", "c") and ("a", "bc") apart
        assertThat(LearnerPseudonym.of("ab", "c")).isNotEqualTo(LearnerPseudonym.of("a", "bc"));
    }
}

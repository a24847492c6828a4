package org.markpoint.question.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IfMatchTest {

    @Test
    void givenNoHeader_whenParsed_thenPreconditionRequired() {
        assertThatThrownBy(() -> IfMatch.parse(null)).isInstanceOf(PreconditionRequiredException.class);
        assertThatThrownBy(() -> IfMatch.parse("  ")).isInstanceOf(PreconditionRequiredException.class);
    }

    @Test
    void givenOurEtagOrAList_whenParsed_thenMatchesOnlyThoseRevisions() {
        assertThat(IfMatch.parse("\"7\"").matches(7)).isTrue();
        assertThat(IfMatch.parse("\"7\"").matches(8)).isFalse();
        assertThat(IfMatch.parse("\"6\", \"8\"").matches(8)).isTrue();
        assertThat(IfMatch.parse("*").matches(42)).isTrue();
    }

    @Test
    void givenWeakUnquotedOrForeignTag_whenParsed_thenNeverMatches() {
        assertThat(IfMatch.parse("W/\"7\"").matches(7)).isFalse();
        assertThat(IfMatch.parse("7").matches(7)).isFalse();
        assertThat(IfMatch.parse("\"abc\"").matches(7)).isFalse();
        assertThat(IfMatch.parse("\"99999999999999999999999\"").matches(7)).isFalse();
    }

    @Test
    void givenStaleTag_whenChecked_thenPreconditionFailedNamingTheCurrentEtag() {
        assertThatThrownBy(() -> IfMatch.parse("\"3\"").check("question 'q1'", 4))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("ETag \"4\"")
                .satisfies(e -> assertThat(((PreconditionFailedException) e).currentEtag()).isEqualTo("\"4\""));
    }
}

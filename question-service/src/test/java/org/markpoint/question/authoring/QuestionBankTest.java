package org.markpoint.question.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QuestionBankTest {

    @Test
    void givenRegexMetacharacters_whenMadeLiteral_thenThePatternMatchesOnlyThatText() {
        String evil = "(a+)+$ .* [x] {2} \\d | ^";

        String literal = QuestionBank.literal(evil);

        assertThat(Pattern.compile(literal).matcher("say " + evil + " here").find()).isTrue();
        assertThat(Pattern.compile(QuestionBank.literal(".*")).matcher("anything").find()).isFalse();
        assertThat(Pattern.compile(QuestionBank.literal("a+")).matcher("aaa").find()).isFalse();
    }

    @Test
    void givenReDoSPattern_whenMadeLiteral_thenMatchingALongNearMissIsLinear() {
        String input = "a".repeat(50_000) + "!";

        // a catastrophic-backtracking pattern, once escaped, is a plain substring search
        assertThat(Pattern.compile(QuestionBank.literal("(a+)+$")).matcher(input).find()).isFalse();
    }
}

package org.markpoint.marking.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;

/** The optional semantic tier (WordNet + MiniLM): off by default, lifts only uncertain points, never negated ones. */
class SemanticTierTest {

    static final MarkingEngine SEMANTIC = MarkingEngine.create(EngineOptions.defaults().withSemanticTier(true));

    static final MarkingScheme SCHEME = new MarkingScheme("Explain how staff training affects customer service.",
            "describe", 1, "", List.of(MarkingPoint.of("b", "trained staff may leave for better paid jobs")),
            List.of(), List.of());

    @Test
    void givenDefaultEngine_whenAskedForSemanticTier_thenAbsentAndNeverConsulted() {
        MarkingEngine plain = SharedEngine.ENGINE;
        plain.mark("Staff who have been trained often leave to earn more money elsewhere.", SCHEME);
        assertThat(plain.semantic()).isEmpty();
        assertThat(plain.semanticTierCounts()).containsExactly(0, 0, 0);
    }

    @Test
    void givenParaphraseTheLexicalMatchFindsOnlyInPart_whenTierOn_thenPointLiftedToHit() {
        String answer = "Staff who have been trained often leave to earn more money elsewhere.";
        assertThat(SharedEngine.ENGINE.mark(answer, SCHEME).points().get(0).status()).isEqualTo(PointStatus.PARTIAL);
        long[] before = SEMANTIC.semanticTierCounts();
        MarkResult r = SEMANTIC.mark(answer, SCHEME);
        assertThat(r.points().get(0).status()).isEqualTo(PointStatus.HIT);
        assertThat(r.mark()).isEqualTo(1);
        assertThat(r.points().get(0).evidence()).allSatisfy(e ->
                assertThat(answer.substring(e.start(), e.end())).isEqualTo(e.text()));
        long[] after = SEMANTIC.semanticTierCounts();
        assertThat(after[1] - before[1]).isEqualTo(1);
        assertThat(after[2] - before[2]).isEqualTo(1);
    }

    @Test
    void givenNegatedParaphraseWithHighCosine_whenTierOn_thenPointStillNotAwarded() {
        String answer = "Trained staff will not leave for better paid jobs.";
        assertThat(SEMANTIC.semantic().orElseThrow().embedder().cosine(answer, SCHEME.markingPoints().get(0).text()))
                .isGreaterThan(SemanticTier.LIFT_COSINE);
        MarkResult r = SEMANTIC.mark(answer, SCHEME);
        assertThat(r.mark()).isZero();
        assertThat(r.points().get(0).status()).isEqualTo(PointStatus.MISSED);
    }

    @Test
    void givenWordNetSynonyms_whenSemanticFeatures_thenOverlapFoundWhereWordsDiffer() {
        SemanticFeatures f = SEMANTIC.semantic().orElseThrow();
        double[] synonyms = f.compute("The automobile moves quickly.", "The car is fast.", "What is it like?");
        double[] unrelated = f.compute("The bicycle moves slowly.", "The car is fast.", "What is it like?");
        int recall = SemanticFeatures.NAMES.indexOf("wordnet_recall");
        assertThat(synonyms[recall]).isEqualTo(1.0);
        assertThat(unrelated[recall]).isZero();
        int cosine = SemanticFeatures.NAMES.indexOf("embedding_cosine");
        assertThat(synonyms[cosine]).isGreaterThan(unrelated[cosine]);
    }

    @Test
    void givenParaphraseNegationAndUnrelatedAnswer_whenAligned_thenRecallOrdersThemAndNegationIsAContradiction() {
        AlignmentFeatures f = SEMANTIC.semantic().orElseThrow().alignment();
        String reference = "The metal spoon gets hot because metal conducts heat.";
        String question = "Why does the spoon get hot?";
        double[] copy = f.compute(reference, reference, question, k -> 1);
        double[] paraphrase = f.compute("Metals are good conductors of heat, so the spoon warms up.", reference,
                question, k -> 1);
        double[] unrelated = f.compute("I like eating soup for lunch.", reference, question, k -> 1);
        double[] negated = f.compute("The spoon gets hot but metal does not conduct heat.", reference, question,
                k -> 1);
        int recall = AlignmentFeatures.NAMES.indexOf("align_word_recall");
        int clause = AlignmentFeatures.NAMES.indexOf("align_clause_recall");
        int contradiction = AlignmentFeatures.NAMES.indexOf("align_contradiction");
        assertThat(copy[recall]).isEqualTo(1.0);
        assertThat(copy[clause]).isCloseTo(1.0, within(1e-6));
        assertThat(paraphrase[recall]).isGreaterThan(unrelated[recall]);
        assertThat(paraphrase[clause]).isGreaterThan(unrelated[clause]);
        assertThat(copy[contradiction]).isZero();
        assertThat(paraphrase[contradiction]).isZero();
        assertThat(negated[contradiction]).isGreaterThan(0);
        assertThat(f.parts("Metal conducts heat, so it warms.")).contains("metal", "conduct", "metal conducts",
                "metal conducts heat", "it warms");
    }
}

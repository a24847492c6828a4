package org.markpoint.question.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.markpoint.model.scheme.CommandWord;

class CriterionReaderTest {

    private final CriterionReader reader = new CriterionReader();

    @Test
    void givenAnalysisCriterionWithIncludingList_whenRead_thenAnalyseWithOnePointPerListedPart() {
        CriterionReading r = reader.read("Award credit for clear analysis of how customer service delivery systems are "
                + "managed, including resource allocation, process design, and performance monitoring.").orElseThrow();

        assertThat(r.commandWord()).isEqualTo(CommandWord.ANALYSE);
        assertThat(r.stem()).isEqualTo("Analyse how customer service delivery systems are managed, including "
                + "resource allocation, process design, and performance monitoring.");
        assertThat(r.mainPoints()).containsExactly("Analysis of how customer service delivery systems are managed");
        assertThat(r.components()).containsExactly("Resource allocation", "Process design", "Performance monitoring");
    }

    @Test
    void givenBracketedExamples_whenRead_thenExamplesAreAcceptedPhrasingsNotPoints() {
        CriterionReading r = reader.read("Award credit for evaluating the impact of key legislation (e.g., Consumer "
                + "Rights Act, Data Protection Act) on customer service delivery and organisational practices.")
                .orElseThrow();

        assertThat(r.commandWord()).isEqualTo(CommandWord.EVALUATE);
        assertThat(r.examples()).containsExactly("Consumer Rights Act", "Data Protection Act");
        assertThat(r.components()).isEmpty();
        assertThat(r.mainPoints()).containsExactly(
                "Evaluating the impact of key legislation on customer service delivery and organisational practices");
    }

    @Test
    void givenCriterionAboutTheCandidate_whenRead_thenStemSpeaksToTheLearner() {
        CriterionReading r = reader.read("Check for practical examples of how the candidate has communicated service "
                + "standards to their team and ensured understanding.").orElseThrow();

        assertThat(r.commandWord()).isEqualTo(CommandWord.DESCRIBE);
        assertThat(r.stem()).isEqualTo("Describe practical examples of how you have communicated service standards "
                + "to your team and ensured understanding.");
        assertThat(r.mainPoints()).hasSize(2);
    }

    @Test
    void givenDesignCriterion_whenRead_thenRecommend() {
        assertThat(reader.read("Award credit for evidence of designing service delivery standards, including "
                + "performance indicators and contingency plans for service failures.").orElseThrow().commandWord())
                .isEqualTo(CommandWord.RECOMMEND);
    }

    @Test
    void givenCriterionNoRuleKnows_whenRead_thenEmpty() {
        assertThat(reader.read("Learners should be punctual.")).isEmpty();
    }

    @Test
    void givenPackedOutcomeBullet_whenSplit_thenOneOutcomePerVerb() {
        OutcomeReader outcomes = new OutcomeReader();

        assertThat(outcomes.split("Understand the structure of customer service, Understand the implications of "
                + "legislation on customer service delivery")).containsExactly(
                "Understand the structure of customer service",
                "Understand the implications of legislation on customer service delivery");
        assertThat(outcomes.read("Understand the structure of customer service").orElseThrow())
                .isEqualTo(new OutcomeReader.OutcomeQuestion(CommandWord.EXPLAIN,
                        "Explain the structure of customer service."));
        assertThat(outcomes.read("Propose a framework for monitoring").orElseThrow().commandWord())
                .isEqualTo(CommandWord.RECOMMEND);
        assertThat(outcomes.read("Enjoy the course")).isEmpty();
    }

    @Test
    void givenPageDefiningAbbreviations_whenRead_thenExpansionsFound() {
        assertThat(Words.abbreviations("using key performance indicators (KPIs) like net promoter score (NPS) and "
                + "customer satisfaction scores (CSAT)")).containsExactly(
                java.util.Map.entry("key performance indicators", "KPI"),
                java.util.Map.entry("net promoter score", "NPS"));
    }
}

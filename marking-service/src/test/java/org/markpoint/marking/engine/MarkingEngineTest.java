package org.markpoint.marking.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.markpoint.model.scheme.GlossaryTerm;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.model.scheme.Misconception;

class MarkingEngineTest {

    static final MarkingEngine ENGINE = SharedEngine.ENGINE;

    static MarkingScheme scheme(String commandWord, int maxMarks, MarkingPoint... points) {
        return new MarkingScheme("Explain how staff training affects customer service.", commandWord, maxMarks, "",
                List.of(points), List.of(), List.of());
    }

    static final MarkingPoint SATISFACTION = MarkingPoint.of("a", "training improves customer satisfaction");
    static final MarkingPoint SKILLS = MarkingPoint.of("b", "training closes skills gaps", "skills gap");

    @Test
    void givenAnswerNamingTwoPoints_whenMarked_thenTwoMarks() {
        MarkResult r = ENGINE.mark("Training improves customer satisfaction because it closes skills gaps in the team.",
                scheme("explain", 2, SATISFACTION, SKILLS));
        assertThat(r.mark()).isEqualTo(2);
        assertThat(r.points()).extracting(PointResult::status).containsOnly(PointStatus.HIT);
    }

    @Test
    void givenNegatedPoint_whenMarked_thenPointNotAwarded() {
        MarkResult r = ENGINE.mark("Training does not improve customer satisfaction at all, it is a waste of time.",
                scheme("describe", 1, SATISFACTION));
        assertThat(r.mark()).isZero();
        assertThat(r.points().get(0).status()).isEqualTo(PointStatus.MISSED);
        assertThat(r.feedback()).anyMatch(f -> f.contains("opposite"));
    }

    @Test
    void givenContractedNegation_whenMarked_thenPointNotAwarded() {
        MarkResult r = ENGINE.mark("Training doesn't improve customer satisfaction.", scheme("state", 1, SATISFACTION));
        assertThat(r.mark()).isZero();
    }

    @Test
    void givenNotOnlyConstruction_whenMarked_thenPointStillAwarded() {
        MarkResult r = ENGINE.mark("Training not only improves customer satisfaction but also morale.",
                scheme("state", 1, SATISFACTION));
        assertThat(r.mark()).isEqualTo(1);
    }

    @Test
    void givenMisspeltKeyTerm_whenMarked_thenPointAwarded() {
        MarkResult r = ENGINE.mark("Trainning improves customer satisfacton a lot.", scheme("state", 1, SATISFACTION));
        assertThat(r.mark()).isEqualTo(1);
        assertThat(r.points().get(0).status()).isEqualTo(PointStatus.HIT);
    }

    @Test
    void givenMisspeltShortWord_whenMarked_thenNoTolerance() {
        MarkingPoint cost = MarkingPoint.of("c", "cost");
        MarkResult r = ENGINE.mark("The host matters.", scheme("state", 1, cost));
        assertThat(r.mark()).isZero();
    }

    @Test
    void givenSynonymsAndReorderedWords_whenMarked_thenPointAwarded() {
        MarkResult r = ENGINE.mark("Clients end up far more satisfied once staff have had coaching.",
                scheme("state", 1, SATISFACTION));
        assertThat(r.mark()).isEqualTo(1);
    }

    @Test
    void givenAmericanSpelling_whenMarked_thenMatchesBritishPoint() {
        MarkingPoint behaviour = MarkingPoint.of("d", "staff behaviour shapes the organisation's reputation");
        MarkResult r = ENGINE.mark("Employee behavior shapes the organization reputation.",
                scheme("state", 1, behaviour));
        assertThat(r.mark()).isEqualTo(1);
    }

    @Test
    void givenWordInsideAnotherWord_whenMarked_thenNoMatch() {
        MarkingPoint art = MarkingPoint.of("e", "art");
        MarkResult r = ENGINE.mark("The start of the party was smart.", scheme("state", 1, art));
        assertThat(r.mark()).isZero();
    }

    @Test
    void givenSynonymSetTwiceInPoint_whenMarked_thenCountsOnce() {
        MarkingPoint p = MarkingPoint.of("f", "customers and clients are satisfied");
        MarkResult r = ENGINE.mark("Customers are satisfied.", scheme("state", 1, p));
        assertThat(r.mark()).isEqualTo(1);
    }

    @Test
    void givenHitPoint_whenMarked_thenEvidenceOffsetsPointAtLearnersWords() {
        String answer = "Well…  “Staff” training really improves customer satisfaction, I think.";
        MarkResult r = ENGINE.mark(answer, scheme("state", 1, SATISFACTION));
        Evidence e = r.points().get(0).evidence().get(0);
        assertThat(answer.substring(e.start(), e.end())).isEqualTo(e.text());
        assertThat(e.text()).startsWith("training").endsWith("satisfaction");
    }

    @Test
    void givenEvaluateWithoutJudgement_whenMarked_thenCappedBelowTop() {
        MarkingScheme s = scheme("evaluate", 4, SATISFACTION, SKILLS,
                MarkingPoint.of("c", "training costs money"), MarkingPoint.of("d", "staff may leave after training"));
        String answer = "Training improves customer satisfaction and closes skills gaps. However, training costs "
                + "money and staff may leave after training.";
        MarkResult r = ENGINE.mark(answer, s);
        assertThat(r.commandWord().met()).isFalse();
        assertThat(r.mark()).isEqualTo(3);
        assertThat(r.feedback()).anyMatch(f -> f.contains("judgement") && f.contains("limited to 3 of 4"));

        MarkResult judged = ENGINE.mark(answer + " Overall, training is worth it because the benefits outweigh "
                + "the costs.", s);
        assertThat(judged.commandWord().met()).isTrue();
        assertThat(judged.mark()).isEqualTo(4);
    }

    @Test
    void givenExplainWithoutConnective_whenMarked_thenVerdictNotMet() {
        MarkResult r = ENGINE.mark("Training improves customer satisfaction. Training closes skills gaps.",
                scheme("explain", 2, SATISFACTION, SKILLS));
        assertThat(r.commandWord().met()).isFalse();
        assertThat(r.mark()).isEqualTo(1);
    }

    @Test
    void givenBlankAnswer_whenMarked_thenFlaggedBlankWithZero() {
        MarkResult r = ENGINE.mark("   \n ", scheme("explain", 2, SATISFACTION));
        assertThat(r.flags()).containsExactly(Flags.BLANK);
        assertThat(r.mark()).isZero();
        assertThat(r.points()).hasSize(1);
    }

    @Test
    void givenModelAnswerOnlyScheme_whenMarked_thenPointsDerivedAndMarked() {
        MarkingScheme s = new MarkingScheme("Explain why complaints matter.", "explain", 2,
                "Complaints show where the service fails. Handling them well keeps customers loyal.",
                List.of(), List.of(), List.of());
        MarkResult good = ENGINE.mark("Complaints show us where our service fails, so handling them well keeps "
                + "customers loyal.", s);
        MarkResult poor = ENGINE.mark("Complaints are annoying for the staff.", s);
        assertThat(good.points()).hasSize(2);
        assertThat(good.mark()).isEqualTo(2);
        assertThat(poor.mark()).isLessThan(2);
    }

    @Test
    void givenMisconception_whenMarked_thenFoundWithCorrection() {
        MarkingScheme s = new MarkingScheme("Who is responsible for customer service?", "explain", 2, "",
                List.of(MarkingPoint.of("a", "everyone in the organisation")),
                List.of(new Misconception("m1", "customer service is only the front-line staff's job",
                        "Everyone in the organisation affects customer service.")), List.of());
        MarkResult r = ENGINE.mark("Customer service is only the job of front-line staff.", s);
        assertThat(r.misconceptions()).extracting(MisconceptionFound::id).containsExactly("m1");
        assertThat(r.feedback()).anyMatch(f -> f.contains("Everyone in the organisation"));

        MarkResult rejected = ENGINE.mark("Customer service is not just the front-line staff's job; everyone in "
                + "the organisation is responsible.", s);
        assertThat(rejected.misconceptions()).isEmpty();
    }

    @Test
    void givenGlossarySynonym_whenMarked_thenPointAwarded() {
        MarkingScheme s = new MarkingScheme("Define CRM.", "define", 1, "",
                List.of(MarkingPoint.of("a", "customer relationship management")), List.of(),
                List.of(new GlossaryTerm("customer relationship management", "", List.of("CRM"))));
        assertThat(ENGINE.mark("It is CRM software.", s).mark()).isEqualTo(1);
    }

    @Test
    void givenMoreHitsThanMaxMarks_whenMarked_thenCappedAtMax() {
        MarkResult r = ENGINE.mark("Training improves customer satisfaction because it closes skills gaps.",
                scheme("explain", 1, SATISFACTION, SKILLS));
        assertThat(r.mark()).isEqualTo(1);
        assertThat(r.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void givenRejectPhrase_whenMarked_thenPointWithheld() {
        MarkingPoint p = new MarkingPoint("a", "customers are satisfied", List.of(), List.of("never satisfied"), 1,
                "LO1");
        MarkResult r = ENGINE.mark("The customer is never satisfied, yet customers are satisfied by fast service.",
                scheme("state", 1, p));
        assertThat(r.mark()).isZero();
    }

    @Test
    void givenHugeAndBinaryAnswers_whenMarked_thenFlaggedNotThrown() {
        String huge = "Training improves customer satisfaction. ".repeat(25_000);
        MarkResult big = ENGINE.mark(huge, scheme("state", 1, SATISFACTION));
        assertThat(big.flags()).contains(Flags.TOO_LONG);
        MarkResult garbage = ENGINE.mark("\u0000\u0001\uFFFD\uD83D\uDE00 %%% \u0007", scheme("state", 1, SATISFACTION));
        assertThat(garbage.flags()).contains(Flags.BLANK);
    }

    @Test
    void givenNonEnglishAnswer_whenMarked_thenFlaggedNotEnglishAndForReview() {
        MarkResult r = ENGINE.mark("La formation du personnel améliore la satisfaction des clients parce que "
                + "les employés sont mieux préparés.", scheme("explain", 2, SATISFACTION, SKILLS));
        assertThat(r.flags()).contains(Flags.NOT_ENGLISH, Flags.NEEDS_REVIEW);
        assertThat(r.mark()).isZero();
    }
}

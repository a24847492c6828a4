package org.markpoint.marking.testbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.markpoint.marking.engine.MarkingEngine;
import org.markpoint.marking.support.InvalidRequestException;
import org.markpoint.marking.support.PayloadTooLargeException;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;

class TestBenchTest {

    private static final MarkingEngine ENGINE = MarkingEngine.createDefault();
    private static final MarkingScheme SCHEME = new MarkingScheme("Explain how training improves customer service.",
            "explain", 2, "", List.of(MarkingPoint.of("a", "training closes skills gaps", "skills gap"),
            MarkingPoint.of("b", "customers get consistent service", "consistent")), List.of(), List.of());

    private static final String CSV = """
            answer,mark
            "Training closes the skills gap, so customers get consistent service every time.",2
            "Training closes the skills gap because staff learn the products.",1
            "The weather was nice.",0
            "Training closes the skills gap, so customers get consistent service from everyone.",0
            "bad",7
            """;

    @Test
    void givenHumanMarkedAnswers_whenRun_thenAgreementConfusionHitRatesAndWorstDisagreementFirst() {
        TestBenchInput.Parsed parsed = TestBenchInput.fromCsv(CSV, 2);
        TestBenchReport report = new TestBench(ENGINE).run(SCHEME, parsed.answers(), parsed.problems(), 5);

        assertThat(report.n()).isEqualTo(4);
        assertThat(report.rowProblems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(5);
            assertThat(p.field()).isEqualTo("mark");
        });
        // row 4: the engine gives 2 where the human gave 0, the largest gap, so it comes first
        assertThat(report.disagreements()).isNotEmpty();
        TestBenchReport.Disagreement worst = report.disagreements().get(0);
        assertThat(worst.row()).isEqualTo(4);
        assertThat(worst.engineMark()).isEqualTo(2);
        assertThat(worst.humanMark()).isZero();
        TestBenchReport.PointEvidence a = worst.points().get(0);
        assertThat(a.status()).isEqualTo("hit");
        assertThat(worst.answer().substring(a.evidence().get(0).start(), a.evidence().get(0).end()).toLowerCase())
                .contains("skills gap");
        // confusion[human][engine]
        assertThat(report.confusion().marks()).containsExactly(0, 1, 2);
        assertThat(report.confusion().counts().get(0).get(2)).isEqualTo(1);
        assertThat(report.confusion().counts().get(2).get(2)).isEqualTo(1);
        assertThat(report.confusion().counts().stream().flatMap(List::stream).mapToInt(Integer::intValue).sum())
                .isEqualTo(4);
        assertThat(report.agreement().n()).isEqualTo(4);
        assertThat(report.agreement().exact()).isLessThan(1.0);
        TestBenchReport.PointRate rateA = report.points().get(0);
        assertThat(rateA.id()).isEqualTo("a");
        assertThat(rateA.hits()).isEqualTo(3);
        assertThat(rateA.hitRate()).isEqualTo(0.75);
        assertThat(rateA.meanHumanMarkWhenHit()).isEqualTo(1.0);
        assertThat(rateA.text()).isEqualTo("training closes skills gaps");
    }

    @Test
    void givenAgreeingMarks_whenRun_thenNoDisagreementsAndPerfectAgreement() {
        List<HumanMark> marks = List.of(new HumanMark(1, "The weather was nice today.", 0),
                new HumanMark(2, "Training closes the skills gap, so customers get consistent service.", 2));
        TestBenchReport report = new TestBench(ENGINE).run(SCHEME, marks, List.of(), 10);

        assertThat(report.disagreements()).isEmpty();
        assertThat(report.agreement().exact()).isEqualTo(1.0);
        assertThat(report.agreement().qwk()).isEqualTo(1.0);
    }

    @Test
    void givenBadUploads_whenParsed_thenTheFieldIsNamedOr413() {
        assertThatThrownBy(() -> TestBenchInput.fromCsv("answer,score\nx,1\n", 2))
                .isInstanceOf(InvalidRequestException.class).extracting("field").isEqualTo("mark");
        assertThatThrownBy(() -> TestBenchInput.fromCsv("answer,mark\nx,1.5\ny,abc\n", 2))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("row 1");
        assertThatThrownBy(() -> TestBenchInput.fromCsv("answer,mark\n" + "x,1\n".repeat(2_001), 2))
                .isInstanceOf(PayloadTooLargeException.class);
        assertThat(TestBenchInput.fromPairs(List.of(new TestBenchInput.Pair("x", "2.0")), 2).answers().get(0).mark())
                .isEqualTo(2);
    }
}

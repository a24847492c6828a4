package org.markpoint.question.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.markpoint.model.scheme.GlossaryTerm;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.Misconception;
import org.markpoint.question.bank.CommandWordGuidance;
import org.markpoint.question.bank.ImportIssue;
import org.markpoint.question.bank.LearningOutcome;
import org.markpoint.question.bank.QuestionSpec;
import org.markpoint.question.bank.Unit;

class SeedPageImporterTest {

    @Test
    void givenPearsonPrinciplesPage_whenImported_thenFourOutcomesEachWithTwoCriteriaAndTwelveQuestions() {
        PageImport page = SeedPages.importPage(SeedPages.PEARSON_PRINCIPLES);
        Unit unit = page.unit();

        assertThat(unit.id()).isEqualTo("pearson-principles-of-customer-service-management");
        assertThat(unit.title()).isEqualTo("Principles of Customer Service Management");
        assertThat(unit.awardingBody()).isEqualTo("Pearson");
        assertThat(unit.qualification()).isEqualTo("Pearson BTEC Level 4 Diploma in Business Administration; "
                + "Pearson BTEC Level 4 Extended Diploma in Business Administration");
        assertThat(unit.learningOutcomes()).extracting(LearningOutcome::code, LearningOutcome::title).containsExactly(
                tuple("LO1", "Understand the principles of management in customer service"),
                tuple("LO2", "Understand how to manage recruitment and training to support customer service"),
                tuple("LO3", "Understand the management of customer service delivery"),
                tuple("LO4", "Understand the value of monitoring, evaluating and continuous improvement in customer "
                        + "service delivery"));
        assertThat(unit.learningOutcomes()).allSatisfy(lo -> assertThat(lo.assessmentCriteria()).hasSize(2));
        assertThat(unit.learningOutcomes().get(2).assessmentCriteria()).containsExactly(
                "Award credit for clear analysis of how customer service delivery systems are managed, including "
                        + "resource allocation, process design, and performance monitoring.",
                "Award credit for evidence of designing service delivery standards, including performance indicators "
                        + "and contingency plans for service failures.");
        assertThat(unit.keyConcepts()).hasSize(5);
        assertThat(unit.examTips()).hasSize(11).contains("Structure your evidence around a clear service improvement "
                + "cycle: plan, implement, monitor, evaluate, and act.");
        assertThat(unit.keySkills()).containsExactly("problem-solving", "teamwork", "digital literacy");
        assertThat(unit.prerequisites()).hasSize(3);
        assertThat(unit.misconceptions()).hasSize(3).first().isEqualTo(new Misconception(
                "pearson-principles-of-customer-service-management-m1",
                "Business administration is just about filing and answering phones.",
                "While these tasks are part of the role, the diploma covers strategic areas like project coordination, "
                        + "financial administration, and legal compliance, preparing students for managerial "
                        + "responsibilities."));
        assertThat(unit.commonMistakes()).hasSize(8);
        assertThat(unit.keyTerms()).isEmpty();
        assertThat(page.questions()).hasSize(12);
    }

    @Test
    void givenPearsonPrinciplesPage_whenImported_thenRepeatedOutcomesAndOutcomesPastedAsKeyTermsAreReportedSkipped() {
        PageImport page = SeedPages.importPage(SeedPages.PEARSON_PRINCIPLES);

        assertThat(page.skipped()).extracting(ImportIssue::reason).containsExactly(
                "listed more than once on the page; kept the first",
                "listed more than once on the page; kept the first",
                "listed more than once on the page; kept the first",
                "listed more than once on the page; kept the first",
                "the Key Terminology entry repeats the learning outcomes; it is not a term",
                "the Key Terminology entry repeats the learning outcomes; it is not a term");
        assertThat(page.skipped()).allSatisfy(i -> assertThat(i.source()).isEqualTo(SeedPages.PEARSON_PRINCIPLES));
        assertThat(page.warnings()).extracting(ImportIssue::item).contains("counts panel: Learning Outcomes",
                "frequently asked questions");
    }

    @Test
    void givenPearsonNvqPage_whenImported_thenFiveOutcomesSixKeyTermsAndUnrelatedOutcomesSkippedWithReason() {
        PageImport page = SeedPages.importPage(SeedPages.PEARSON_NVQ);
        Unit unit = page.unit();

        assertThat(unit.awardingBody()).isEqualTo("Pearson Education Ltd");
        assertThat(unit.qualification()).isEqualTo("Pearson Edexcel Level 4 NVQ Diploma in Customer Service (QCF)");
        assertThat(unit.learningOutcomes()).extracting(LearningOutcome::title).containsExactly(
                "Evaluate the key principles of customer service management and their impact on organisational "
                        + "performance",
                "Analyse how management responsibilities directly align with customer service principles to enhance "
                        + "service delivery",
                "Apply customer service principles to realistic management scenarios to improve customer satisfaction",
                "Assess the effectiveness of different management approaches in embedding a customer service culture",
                "Develop strategies for monitoring and evaluating customer service against established principles");
        assertThat(unit.keyTerms()).extracting(GlossaryTerm::term).containsExactly("Customer service principles",
                "Management responsibilities", "Service quality and standards", "Continuous improvement",
                "Staff development and empowerment", "Customer feedback integration");
        assertThat(unit.keyTerms().get(3).definition()).startsWith("Using feedback, data analysis, and quality");
        assertThat(unit.misconceptions()).extracting(Misconception::pattern).containsExactly(
                "Customer service is just about being polite.", "Complaints are always negative.",
                "Customer service standards are the same for all organisations.");
        assertThat(page.questions()).hasSize(7);
        assertThat(page.skipped()).extracting(ImportIssue::item).containsExactly(
                "question on " + unit.id() + "-lo4 'Assess the effectiveness of different management approaches in "
                        + "embedding a customer service culture'",
                "question on " + unit.id() + "-lo5 'Develop strategies for monitoring and evaluating customer service "
                        + "against established principles'");
    }

    @Test
    void givenPlainTextPage_whenImported_thenTitleDerivedFromSynopsisAndOneQuestionPerExaminerPoint() {
        PageImport page = SeedPages.importPage(SeedPages.PLAIN_TEXT);
        Unit unit = page.unit();

        assertThat(unit.id()).isEqualTo("strategic-management-of-customer-service-functions");
        assertThat(unit.title()).isEqualTo("Strategic management of customer service functions");
        assertThat(unit.learningOutcomes()).isEmpty();
        assertThat(unit.keyConcepts()).hasSize(5);
        assertThat(unit.examTips()).hasSize(8);
        assertThat(unit.misconceptions()).isEmpty();
        assertThat(unit.commonMistakes()).hasSize(6).first().asString()
                .startsWith("Confusing customer service management with frontline customer handling");
        assertThat(page.questions()).hasSize(8);
        assertThat(page.questions()).allSatisfy(q -> assertThat(q.learningOutcomes()).isEmpty());
        assertThat(page.skipped()).isEmpty();
        assertThat(page.warnings()).extracting(ImportIssue::item).contains("title", "learning outcomes",
                "qualification");
    }

    @Test
    void givenEnvironmentPage_whenImported_thenPackedOutcomesSplitAndEachCriterionLinkedToItsOutcome() {
        PageImport page = SeedPages.importPage(SeedPages.PEARSON_ENVIRONMENT);
        Unit unit = page.unit();

        assertThat(unit.learningOutcomes()).extracting(LearningOutcome::title, lo -> lo.assessmentCriteria().size())
                .containsExactly(
                        tuple("Understand the concepts and practices underpinning customer service delivery", 1),
                        tuple("Understand the relationship between customer service and a brand", 1),
                        tuple("Understand the structure of customer service", 1),
                        tuple("Understand the implications of legislation on customer service delivery", 1));
        assertThat(unit.learningOutcomes().get(3).assessmentCriteria().getFirst())
                .contains("evaluating the impact of key legislation");
        assertThat(unit.misconceptions()).filteredOn(m -> m.pattern().equals("The customer is always right."))
                .singleElement().extracting(Misconception::correction).asString()
                .startsWith("This is not always true; the goal is to find a fair resolution");
        assertThat(unit.commandWordGuidance()).filteredOn(g -> g.commandWord().equals("explain")).singleElement()
                .extracting(CommandWordGuidance::pageAdvice).asString()
                .contains("'explain' requires a detailed description with reasons");
        assertThat(page.questions()).hasSize(8);
        assertThat(page.skipped()).hasSize(1);
    }

    @Test
    void givenOcnLondonPage_whenImported_thenTenOutcomesTwelveKeyTermsAndSeventeenQuestions() {
        PageImport page = SeedPages.importPage(SeedPages.OCN_LONDON);
        Unit unit = page.unit();

        assertThat(unit.id()).isEqualTo("ocn-london-principles-of-customer-service-management");
        assertThat(unit.awardingBody()).isEqualTo("OCN London");
        assertThat(unit.learningOutcomes()).hasSize(10);
        assertThat(unit.learningOutcomes().getFirst().title()).isEqualTo(
                "Analyse the key principles of effective customer service management and their impact on business "
                        + "performance");
        assertThat(page.criteriaCount()).isEqualTo(7);
        assertThat(unit.keyTerms()).hasSize(12).extracting(GlossaryTerm::term)
                .contains("Service leadership principles", "Continuous improvement cycles");
        assertThat(unit.misconceptions()).extracting(Misconception::pattern)
                .contains("Communication skills are less important than technical skills.");
        assertThat(unit.commonMistakes()).hasSize(6);
        assertThat(page.questions()).hasSize(17);
        assertThat(page.skipped()).isEmpty();
    }

    @Test
    void givenCriterionListingComponents_whenQuestionGenerated_thenEachComponentIsAMarkOnItsOutcome() {
        PageImport page = SeedPages.importPage(SeedPages.PEARSON_ENVIRONMENT);
        QuestionSpec structure = page.questions().stream()
                .filter(q -> q.scheme().stem().startsWith("Describe the structure of a customer service function"))
                .findFirst().orElseThrow();

        assertThat(structure.id()).isEqualTo("pearson-understand-the-customer-service-environment-q6");
        assertThat(structure.learningOutcomes()).containsExactly("pearson-understand-the-customer-service-environment-lo3");
        assertThat(structure.scheme().commandWord()).isEqualTo("describe");
        assertThat(structure.scheme().maxMarks()).isEqualTo(5);
        assertThat(structure.scheme().markingPoints()).extracting(MarkingPoint::text, MarkingPoint::marks)
                .containsExactly(tuple("Describing the structure of a customer service function", 2),
                        tuple("Roles", 1), tuple("Responsibilities", 1), tuple("Communication channels", 1));
        assertThat(structure.scheme().markingPoints()).allSatisfy(p ->
                assertThat(p.learningOutcome()).isEqualTo("pearson-understand-the-customer-service-environment-lo3"));
        assertThat(structure.scheme().misconceptions()).hasSize(3);
    }

    @Test
    void givenSamePageImportedTwice_whenCompared_thenIdenticalIncludingIds() {
        PageImport first = SeedPages.importPage(SeedPages.OCN_LONDON);
        PageImport second = SeedPages.importPage(SeedPages.OCN_LONDON);

        assertThat(second).isEqualTo(first);
        assertThat(first.questions()).extracting(QuestionSpec::id).startsWith(
                "ocn-london-principles-of-customer-service-management-q1",
                "ocn-london-principles-of-customer-service-management-q2");
    }

    @Test
    void givenAbbreviationInExample_whenAcceptedPhrasesBuilt_thenBothFormsAccepted() {
        PageImport page = SeedPages.importPage(SeedPages.PEARSON_PRINCIPLES);
        MarkingPoint monitoring = page.questions().stream().flatMap(q -> q.scheme().markingPoints().stream())
                .filter(p -> p.id().equals("pearson-principles-of-customer-service-management-ac8-p1"))
                .findFirst().orElseThrow();

        assertThat(monitoring.accept()).contains("monitoring system", "surveys", "KPIs", "key performance indicators");
    }

    @Test
    void givenEveryPage_whenImported_thenEveryQuestionHasPointsAndMarksThatAddUp() {
        List<PageImport> pages = SeedPages.all().stream().map(p -> SeedPages.importPage(p.getFileName().toString()))
                .toList();

        assertThat(pages).flatExtracting(PageImport::questions).allSatisfy(q -> {
            assertThat(q.scheme().markingPoints()).isNotEmpty();
            assertThat(q.scheme().maxMarks()).isEqualTo(Math.min(12, q.scheme().pointMarksTotal()));
            assertThat(q.scheme().markingPoints()).allSatisfy(p -> assertThat(p.accept()).isNotEmpty());
            assertThat(q.id()).startsWith(q.unitId() + "-q");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // page | unit | LOs | criteria | points | misconceptions | mistakes | key terms | questions | skipped | warnings
        "000_aa0b79ff598cbba9.txt | pearson-principles-of-customer-service-management | 4 | 8 | 17 | 3 | 8 | 0 | 12 | 6 | 6",
        "001_d7d892977064a8bc.txt | pearson-education-ltd-demonstrate-understanding-of-customer-service-management"
                + " | 5 | 4 | 6 | 3 | 4 | 6 | 7 | 2 | 6",
        "002_de1ffaf962b46a51.txt | strategic-management-of-customer-service-functions | 0 | 8 | 17 | 0 | 6 | 0 | 8 | 0 | 6",
        "003_d8ec5a4cfdc1a346.txt | pearson-understand-the-customer-service-environment | 4 | 4 | 7 | 3 | 4 | 0 | 8 | 1 | 6",
        "004_992714b8a0af08d5.txt | ocn-london-principles-of-customer-service-management | 10 | 7 | 12 | 3 | 6 | 12 | 17 | 0 | 6"
    })
    void givenEachSeedPage_whenImported_thenItsCountsAreExactlyThese(String file, String unitId, int outcomes,
            int criteria, long points, int misconceptions, int mistakes, int keyTerms, int questions, int skipped,
            int warnings) {
        PageImport page = SeedPages.importPage(file);

        assertThat(page.unit().id()).isEqualTo(unitId);
        assertThat(page.unit().learningOutcomes()).hasSize(outcomes);
        assertThat(page.criteriaCount()).isEqualTo(criteria);
        assertThat(page.markingPointCount()).isEqualTo(points);
        assertThat(page.unit().misconceptions()).hasSize(misconceptions);
        assertThat(page.unit().commonMistakes()).hasSize(mistakes);
        assertThat(page.unit().keyTerms()).hasSize(keyTerms);
        assertThat(page.questions()).hasSize(questions);
        assertThat(page.skipped()).hasSize(skipped);
        assertThat(page.warnings()).hasSize(warnings);
        assertThat(page.questions()).allSatisfy(q -> assertThat(q.unitId()).isEqualTo(unitId));
    }

    @Test
    void givenOcnLondonPage_whenImported_thenAllTenOutcomeTitlesAndANamedMisconceptionWithItsCorrection() {
        PageImport page = SeedPages.importPage(SeedPages.OCN_LONDON);

        assertThat(page.unit().learningOutcomes()).extracting(LearningOutcome::code, LearningOutcome::title)
                .containsExactly(
                        tuple("LO1", "Analyse the key principles of effective customer service management and their "
                                + "impact on business performance"),
                        tuple("LO2", "Evaluate the recruitment and selection strategies necessary to build a "
                                + "customer-focused workforce"),
                        tuple("LO3", "Design a training programme to support the delivery of exceptional customer "
                                + "service"),
                        tuple("LO4", "Apply management techniques to oversee and improve customer service delivery "
                                + "processes"),
                        tuple("LO5", "Assess the role of monitoring and evaluation in driving continuous improvement "
                                + "in customer service"),
                        tuple("LO6", "Develop a framework for measuring customer service effectiveness and "
                                + "implementing improvements"),
                        tuple("LO7", "Evaluate the principles of management that underpin effective customer service "
                                + "strategies"),
                        tuple("LO8", "Design a recruitment and training plan that supports organisational customer "
                                + "service standards"),
                        tuple("LO9", "Analyse the management of customer service delivery across multiple platforms "
                                + "and touchpoints"),
                        tuple("LO10", "Propose a framework for monitoring, evaluating and continuously improving "
                                + "customer service performance"));
        assertThat(page.unit().misconceptions()).filteredOn(m -> m.pattern()
                        .equals("You don't need to understand finance for administration.")).singleElement()
                .extracting(Misconception::correction).asString().isNotBlank();
        // a "Design ..." outcome is asked with the command word the criterion implies
        assertThat(page.questions().get(2).scheme().commandWord()).isEqualTo("recommend");
        assertThat(page.questions().get(2).learningOutcomes())
                .containsExactly("ocn-london-principles-of-customer-service-management-lo3");
    }

    @Test
    void givenPlainTextPage_whenImported_thenAnalysisCriterionBecomesAFiveMarkAnalyseQuestionWithOnePointPerPart() {
        PageImport page = SeedPages.importPage(SeedPages.PLAIN_TEXT);
        QuestionSpec analyse = page.questions().get(2);

        assertThat(analyse.id()).isEqualTo("strategic-management-of-customer-service-functions-q3");
        assertThat(analyse.scheme().stem()).isEqualTo("Analyse how customer service delivery systems are managed, "
                + "including resource allocation, process design, and performance monitoring.");
        assertThat(analyse.scheme().commandWord()).isEqualTo("analyse");
        assertThat(analyse.scheme().maxMarks()).isEqualTo(5);
        assertThat(analyse.scheme().markingPoints()).extracting(MarkingPoint::text).contains("Resource allocation",
                "Process design", "Performance monitoring");
        assertThat(page.unit().commonMistakes()).anySatisfy(m -> assertThat(m).startsWith(
                "Confusing customer service management with frontline customer handling"));
    }
}

package org.markpoint.marking.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markpoint.marking.engine.MarkingEngine;

class MarkingCliTest {

    static final MarkingEngine ENGINE = MarkingEngine.createDefault();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private PrintStream out() {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    private PrintStream err() {
        return new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    private String lastLine() {
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void givenSchemeAndAnswersCsv_whenMark_thenColumnsPassedThroughAndMarksAdded() throws Exception {
        Path scheme = Files.writeString(dir.resolve("scheme.json"), """
                {"stem": "Explain how training helps customer service.", "commandWord": "explain", "maxMarks": 2,
                 "markingPoints": [
                   {"id": "a", "text": "training improves customer satisfaction", "accept": [], "reject": [], "marks": 1},
                   {"id": "b", "text": "training closes skills gaps", "accept": ["skills gap"], "marks": 1}],
                 "misconceptions": [], "unknownField": true}""");
        Path answers = Files.writeString(dir.resolve("answers.csv"), """
                learner,answer,cohort
                l1,"Training improves customer satisfaction because it closes skills gaps, clearly.",A
                l2,I don't know,B
                l3,,C
                """);
        Path result = dir.resolve("out.csv");
        int code = MarkingCli.run(new String[] {"mark", "--scheme", scheme.toString(), answers.toString(), "-o",
            result.toString()}, out(), err());
        assertThat(code).isZero();
        List<List<String>> rows = Csv.read(new StringReader(Files.readString(result)));
        assertThat(rows.get(0)).containsExactly("learner", "answer", "cohort", "mark", "points_hit", "confidence",
                "feedback", "flags");
        assertThat(rows.get(1)).startsWith("l1", "Training improves customer satisfaction because it closes skills "
                + "gaps, clearly.", "A", "2", "a;b");
        assertThat(rows.get(2).get(3)).isEqualTo("0");
        assertThat(rows.get(2).get(6)).contains("You could also explain");
        assertThat(rows.get(3).get(7)).isEqualTo("blank");
    }

    @Test
    void givenCsvWithoutAnswerColumn_whenMark_thenUsageErrorNotCrash() throws Exception {
        Path scheme = Files.writeString(dir.resolve("s.json"), "{\"maxMarks\": 1, \"modelAnswer\": \"x y z\"}");
        Path answers = Files.writeString(dir.resolve("a.csv"), "id,text\n1,hello\n");
        assertThat(MarkingCli.run(new String[] {"mark", "--scheme", scheme.toString(), answers.toString()}, out(),
                err())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'answer' column");
    }

    @Test
    void givenQuotedFieldsWithCommasQuotesAndNewlines_whenRoundTripped_thenUnchanged() throws Exception {
        List<String> row = List.of("a,b", "say \"hi\"", "two\nlines", "");
        var w = new java.io.StringWriter();
        Csv.writeRow(w, List.of("h1", "h2", "h3", "h4"));
        Csv.writeRow(w, row);
        List<List<String>> back = Csv.read(new StringReader(w.toString()));
        assertThat(back).hasSize(2);
        assertThat(back.get(1)).containsExactlyElementsOf(row);
    }

    @Test
    void givenSmallMohlerStyleCsv_whenEvalMohler_thenPerAssignmentFiguresAndJsonLastLine() throws Exception {
        StringBuilder csv = new StringBuilder("id,question,desired_answer,student_answer,score_me,score_other,"
                + "score_avg\n");
        String[][] questions = {
            {"What does a compiler do?", "It translates source code into machine code."},
            {"What is a stack?", "A last in first out data structure."},
            {"What is recursion?", "A function that calls itself."}};
        String[][] answers = {
            {"It translates the source code into machine code.", "5"},
            {"translates source code to machine language", "4"},
            {"It runs the program.", "1"},
            {"I am not sure.", "0"}};
        for (int a = 1; a <= 3; a++) {
            String[] q = questions[a - 1];
            for (String[] ans : answers) {
                String text = a == 1 ? ans[0] : ans[0].replace("translates", "is").replace("source code", q[1]);
                csv.append(a).append(".1,\"").append(q[0]).append("\",\"").append(q[1]).append("\",\"").append(text)
                        .append("\",").append(ans[1]).append(',').append(ans[1]).append(',').append(ans[1])
                        .append('\n');
            }
        }
        Path file = Files.writeString(dir.resolve("mohler.csv"), csv.toString());
        int code = new MohlerEval(ENGINE, out(), err()).run(file, true);
        assertThat(code).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("assignment").contains("overall");
        assertThat(lastLine()).startsWith("{\"dataset\":\"mohler\"").contains("\"pearson\":").contains("\"n\":12");
    }

    @Test
    void givenTinySemEvalTree_whenEvalSemeval_thenScoresEachSplitAndJsonLastLine() throws Exception {
        writeQuestion(dir.resolve("training/2way/sciEntsBank"), "Q1", 8);
        writeQuestion(dir.resolve("test/2way/sciEntsBank/test-unseen-answers"), "Q1", 4);
        int code = new SemEvalEval(ENGINE, out(), err()).run(dir, true);
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("test-unseen-answers");
        assertThat(lastLine()).startsWith("{\"dataset\":\"semeval2013-2way\"").contains("sciEntsBank-uanswers")
                .contains("macroF1");
    }

    @Test
    void givenSciEntsBankQuestionIds_whenModuleFolds_thenOneFoldPerModulePrefix() {
        List<SemEvalData.Answer> answers = java.util.stream.Stream.of("EM_45b", "EM_16b", "FN_3", "EM_45b")
                .map(id -> new SemEvalData.Answer(id, "q", List.of("r"), "a", true)).toList();
        assertThat(Thresholds.moduleFolds(answers)).containsExactly(0, 0, 1, 0);
        assertThat(Thresholds.questionFolds(answers)).containsExactly(0, 1, 2, 0);
    }

    private static void writeQuestion(Path folder, String id, int pairs) throws Exception {
        Files.createDirectories(folder);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            answers.add("<studentAnswer id=\"" + id + ".c" + i + "\" accuracy=\"correct\">The bulb lights because "
                    + "the circuit is closed " + i + ".</studentAnswer>");
            answers.add("<studentAnswer id=\"" + id + ".i" + i + "\" accuracy=\"incorrect\">The battery is "
                    + "blue " + i + ".</studentAnswer>");
        }
        Files.writeString(folder.resolve(id + ".xml"), "<?xml version=\"1.0\"?><question id=\"" + id + "\">"
                + "<questionText>Why does the bulb light?</questionText><referenceAnswers><referenceAnswer id=\"r\">"
                + "The circuit is closed.</referenceAnswer></referenceAnswers><studentAnswers>"
                + String.join("", answers) + "</studentAnswers></question>");
    }

    @Test
    void givenMetrics_whenPerfectAgreement_thenOne() {
        double[] x = {0, 1, 2, 3, 4, 5};
        assertThat(Metrics.pearson(x, x)).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Metrics.rmse(x, x)).isZero();
        assertThat(Metrics.qwk(x, x, 5)).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        double[] m = Metrics.binary(new boolean[] {true, false, true, false}, new boolean[] {true, false, false,
            false});
        assertThat(m[0]).isEqualTo(0.75);
    }
}

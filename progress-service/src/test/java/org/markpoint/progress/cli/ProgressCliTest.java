package org.markpoint.progress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressCliTest {

    @TempDir
    Path dir;

    /** Writes learners in the DKT three-line format; each knows a skill from the start or learns it on the way. */
    private static Path writeSynthetic(Path file, int learners, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        for (int l = 0; l < learners; l++) {
            StringJoiner skills = new StringJoiner(",", "", ",");
            StringJoiner correct = new StringJoiner(",", "", ",");
            int n = 0;
            for (int skill = 0; skill < 3; skill++) {
                boolean known = random.nextDouble() < 0.4;
                for (int t = 0; t < 8; t++) {
                    skills.add(String.valueOf(skill));
                    correct.add(random.nextDouble() < (known ? 0.9 : 0.2) ? "1" : "0");
                    known = known || random.nextDouble() < 0.2;
                    n++;
                }
            }
            out.append(n).append(",\n").append(skills).append('\n').append(correct).append('\n');
        }
        Files.writeString(file, out);
        return file;
    }

    private static double field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":([0-9.]+)").matcher(json);
        assertThat(m.find()).as("field %s in %s", name, json).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void givenTinySyntheticFiles_whenKtEvalRuns_thenLastLineIsJsonWithAucsAboveChance() throws IOException {
        Path train = writeSynthetic(dir.resolve("train.csv"), 90, 1);
        Path test = writeSynthetic(dir.resolve("test.csv"), 30, 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = ProgressCli.run(new String[] {"kt-eval", train.toString(), test.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));

        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        String json = lines[lines.length - 1];
        assertThat(status).isZero();
        assertThat(json).startsWith("{\"command\":\"kt-eval\"").endsWith("}");
        assertThat(field(json, "test_predictions")).isEqualTo(30 * 24);
        assertThat(field(json, "bkt_auc")).isGreaterThan(0.6);
        assertThat(field(json, "bkt_forgets_auc")).isGreaterThan(0.6);
        assertThat(field(json, "best_auc")).isGreaterThan(0.6);
    }

    @Test
    void givenMalformedFile_whenKtEvalRuns_thenErrorNamesTheLineAndStatusIsOne() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "3,\n1,2,\n1,0,1,\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = ProgressCli.run(new String[] {"kt-eval", bad.toString(), bad.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.csv:1").contains("declares 3 responses");
    }

    @Test
    void givenUnknownCommand_whenRun_thenUsageAndStatusTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = ProgressCli.run(new String[] {"frobnicate"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage");
    }

    @Test
    void givenTinyResponseLog_whenRefitRuns_thenParametersAndItemsArePrintedAsJson() throws IOException {
        StringBuilder csv = new StringBuilder("learner_id,outcome_id,item_id,credit,at\n");
        Random random = new Random(3);
        for (int l = 0; l < 40; l++) {
            for (int t = 0; t < 5; t++) {
                csv.append("l%d,LO1,q%d,%s,2025-01-0%dT10:00:00Z%n".formatted(l, t % 3,
                        random.nextDouble() < 0.6 ? "1" : "0.5", 1 + t));
            }
        }
        Path log = Files.writeString(dir.resolve("log.csv"), csv);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = ProgressCli.run(new String[] {"refit", log.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));

        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        String json = lines[lines.length - 1];
        assertThat(status).isZero();
        assertThat(json).startsWith("{\"command\":\"refit\"").contains("\"LO1\":{\"prior\":")
                .contains("\"q2\":{\"difficulty\":");
        assertThat(field(json, "responses")).isEqualTo(200);
    }

    @Test
    void givenCreditOutOfRange_whenRefitRuns_thenErrorNamesTheLine() throws IOException {
        Path log = Files.writeString(dir.resolve("bad-log.csv"),
                "learner_id,outcome_id,item_id,credit,at\nl1,LO1,q1,1.5,2025-01-01T10:00:00Z\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = ProgressCli.run(new String[] {"refit", log.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad-log.csv:2").contains("credit");
    }

    @Test
    void givenRawRowsWithItemsOfVeryDifferentDifficulty_whenKtItemsRuns_thenItemDifficultyImprovesAuc()
            throws IOException {
        StringBuilder csv = new StringBuilder(",user_id,skill_id,problem_id,correct,attempt_count,hint_count,answer_text\n");
        Random random = new Random(8);
        double[] difficulty = {-2.5, -1, 0, 1, 2.5};
        int row = 0;
        for (int l = 0; l < 150; l++) {
            boolean known = random.nextDouble() < 0.5;
            for (int t = 0; t < 8; t++) {
                int item = random.nextInt(difficulty.length);
                double base = known ? 0.9 : 0.2;
                double p = 1 / (1 + Math.exp(-(Math.log(base / (1 - base)) - difficulty[item])));
                int correct = random.nextDouble() < p ? 1 : 0;
                csv.append("%d,%d,7,p%d,%d,%d,0,\"a, \"\"quoted\"\" answer\"%n".formatted(row++, l, item, correct,
                        correct == 1 ? 1 : 2));
            }
        }
        Path file = Files.writeString(dir.resolve("as.csv"), csv);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = ProgressCli.run(new String[] {"kt-items", file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));

        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        String json = lines[lines.length - 1];
        assertThat(status).isZero();
        Matcher plain = Pattern.compile("\"bkt_forgets\":\\{\"auc\":([0-9.]+)").matcher(json);
        Matcher items = Pattern.compile("\"bkt_forgets\\+item_difficulty\":\\{\"auc\":([0-9.]+)").matcher(json);
        assertThat(plain.find() && items.find()).as(json).isTrue();
        assertThat(Double.parseDouble(items.group(1))).isGreaterThan(Double.parseDouble(plain.group(1)));
    }
}

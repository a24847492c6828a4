package org.markpoint.question.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markpoint.model.scheme.SchemeValidation;
import org.markpoint.question.bank.QuestionSpec;
import org.markpoint.question.bank.SampleBank;
import org.markpoint.question.bank.Unit;

class SampleBankTest {

    private static final Path COMMITTED = Path.of("src/main/resources/bank/sample-bank.json");

    private static SampleBank generate() throws IOException {
        return SampleBankGenerator.generate(SeedPages.all(), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
    }

    @Test
    void givenSeedPages_whenGenerated_thenCommittedSampleBankIsExactlyTheGeneratorOutput() throws IOException {
        String generated = SampleBankGenerator.toJson(generate());

        assertThat(COMMITTED).as("run SampleBankGenerator on the seed pages and commit its output").exists();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("sample-bank.json is stale: regenerate it with SampleBankGenerator")
                .isEqualTo(generated);
    }

    @Test
    void givenSeedPages_whenGenerated_thenFiveUnitsAndAtLeastFortyValidQuestions() throws IOException {
        SampleBank bank = generate();

        assertThat(bank.units()).extracting(Unit::source).containsExactly(SeedPages.PEARSON_PRINCIPLES,
                SeedPages.PEARSON_NVQ, SeedPages.PLAIN_TEXT, SeedPages.PEARSON_ENVIRONMENT, SeedPages.OCN_LONDON);
        assertThat(bank.questions()).hasSize(52);
        assertThat(bank.questions()).extracting(QuestionSpec::id).doesNotHaveDuplicates();
        assertThat(bank.questions()).allSatisfy(q ->
                assertThat(SchemeValidation.validate(q.scheme(), q.id())).isEmpty());
        assertThat(bank.skipped()).hasSize(9);
        assertThat(bank.warnings()).anySatisfy(w -> {
            assertThat(w.source()).isEqualTo(SeedPages.PLAIN_TEXT);
            assertThat(w.reason()).contains("same synopsis as unit pearson-principles-of-customer-service-management");
        });
    }

    @Test
    void givenBundledResource_whenLoaded_thenEqualsWhatTheGeneratorProduces() throws IOException {
        SampleBank loaded = SampleBankLoader.load();

        assertThat(loaded).isEqualTo(generate());
    }

    @Test
    void givenSamePageTwice_whenCombined_thenSecondSkippedAsSameUnitNotOverwritten() throws IOException {
        SeedPageImporter importer = new SeedPageImporter();
        PageImport first = importer.importFile(SeedPages.page(SeedPages.PEARSON_ENVIRONMENT));
        PageImport again = importer.importPage("copy.txt",
                Files.readString(SeedPages.page(SeedPages.PEARSON_ENVIRONMENT)));

        SampleBank bank = SeedPageImporter.combine(List.of(first, again));

        assertThat(bank.units()).hasSize(1);
        assertThat(bank.questions()).hasSameSizeAs(first.questions());
        assertThat(bank.skipped()).filteredOn(i -> i.source().equals("copy.txt")).singleElement()
                .satisfies(i -> assertThat(i.reason()).contains("same unit id as " + SeedPages.PEARSON_ENVIRONMENT));
    }
}

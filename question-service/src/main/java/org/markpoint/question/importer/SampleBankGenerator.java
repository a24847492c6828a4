package org.markpoint.question.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.markpoint.question.bank.ImportIssue;
import org.markpoint.question.bank.SampleBank;

/**
 * Builds the bundled sample bank from revision pages:
 * {@code java ... SampleBankGenerator <page>... <out.json>}. Pages are imported in the order given (sort them for a
 * stable bank); the per-page counts and every skipped item are printed.
 */
public final class SampleBankGenerator {

    private SampleBankGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: SampleBankGenerator <revision-page>... <out.json>");
            System.exit(2);
        }
        List<Path> pages = new ArrayList<>();
        for (int i = 0; i < args.length - 1; i++) {
            pages.add(Path.of(args[i]));
        }
        Path out = Path.of(args[args.length - 1]);
        SampleBank bank = generate(pages, System.out);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, toJson(bank), StandardCharsets.UTF_8);
        System.out.printf("wrote %s: %d units, %d questions, %d skipped, %d warnings%n", out, bank.units().size(),
                bank.questions().size(), bank.skipped().size(), bank.warnings().size());
    }

    /** Imports the pages and reports per page to {@code report}. */
    public static SampleBank generate(List<Path> pages, PrintStream report) throws IOException {
        SeedPageImporter importer = new SeedPageImporter();
        List<PageImport> imports = new ArrayList<>();
        for (Path page : pages) {
            PageImport result = importer.importFile(page);
            imports.add(result);
            report.println(result.summary());
        }
        SampleBank bank = SeedPageImporter.combine(imports);
        for (ImportIssue issue : bank.skipped()) {
            report.println("  skipped  " + issue.source() + " | " + issue.item() + " | " + issue.reason());
        }
        for (ImportIssue issue : bank.warnings()) {
            report.println("  warning  " + issue.source() + " | " + issue.item() + " | " + issue.reason());
        }
        return bank;
    }

    /** The committed file's exact form (ends with a newline). */
    public static String toJson(SampleBank bank) {
        return SampleBankJson.mapper().writeValueAsString(bank) + "\n";
    }
}

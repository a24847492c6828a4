package org.markpoint.question.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.markpoint.question.bank.ImportIssue;
import org.markpoint.question.bank.QuestionSpec;
import org.markpoint.question.bank.SampleBank;
import org.markpoint.question.bank.Unit;

/**
 * Imports revision pages (the Pearson/Edexcel rich layout, its plain-text variant and the OCN London page) into
 * units and generated questions. Pure: text in, records out; nothing is dropped without a reason in the result.
 */
public final class SeedPageImporter {

    /** Pages bigger than this are not revision pages; refusing them keeps a bad upload from eating memory. */
    public static final int MAX_PAGE_CHARS = 1_000_000;

    private final SeedPageParser parser = new SeedPageParser();
    private final UnitAssembler assembler = new UnitAssembler();
    private final QuestionGenerator generator = new QuestionGenerator();

    /** Imports one page; {@code source} names it in the unit and in every issue (a file name, say). */
    public PageImport importPage(String source, String text) {
        if (text.length() > MAX_PAGE_CHARS) {
            throw new IllegalArgumentException(source + " is " + text.length() + " characters; the limit is "
                    + MAX_PAGE_CHARS);
        }
        ImportLog log = new ImportLog(source);
        ParsedUnit parsed = assembler.assemble(parser.parse(source, text), log);
        List<QuestionSpec> questions = generator.generate(parsed, log);
        return new PageImport(source, parsed.unit(), parsed.criteria().size(), questions, log.skipped(),
                log.warnings());
    }

    public PageImport importFile(Path file) throws IOException {
        return importPage(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Imports pages into one bank, in the order given. A second page producing an id already taken (same awarding
     * body and title) is skipped whole, with the reason, rather than overwriting the first.
     */
    public static SampleBank combine(List<PageImport> pages) {
        List<Unit> units = new ArrayList<>();
        List<QuestionSpec> questions = new ArrayList<>();
        List<ImportIssue> skipped = new ArrayList<>();
        List<ImportIssue> warnings = new ArrayList<>();
        Map<String, String> unitBySynopsis = new HashMap<>();
        Map<String, String> sourceByUnitId = new HashMap<>();
        for (PageImport page : pages) {
            Unit unit = page.unit();
            String clash = sourceByUnitId.putIfAbsent(unit.id(), page.source());
            if (clash != null) {
                skipped.add(new ImportIssue(page.source(), "unit " + unit.id(),
                        "same unit id as " + clash + " (same awarding body and title); the first page was kept"));
                continue;
            }
            String twin = unit.synopsis().isEmpty() ? null : unitBySynopsis.putIfAbsent(unit.synopsis(), unit.id());
            if (twin != null) {
                warnings.add(new ImportIssue(page.source(), "unit " + unit.id(),
                        "has the same synopsis as unit " + twin + "; imported separately, review whether it is a copy"));
            }
            units.add(unit);
            questions.addAll(page.questions());
            skipped.addAll(page.skipped());
            warnings.addAll(page.warnings());
        }
        return new SampleBank(units, questions, skipped, warnings);
    }
}

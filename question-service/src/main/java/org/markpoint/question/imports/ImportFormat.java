package org.markpoint.question.imports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.markpoint.question.bank.SampleBank;
import org.markpoint.question.importer.MoodleXmlImporter;
import org.markpoint.question.importer.QtiPackageImporter;
import org.markpoint.question.importer.SeedPageImporter;

/** The file formats the bank imports, each turning bytes into units and questions with a per-item report. */
public enum ImportFormat {
    SEED {
        @Override
        SampleBank parse(String source, byte[] content) {
            SeedPageImporter importer = new SeedPageImporter();
            return SeedPageImporter.combine(List.of(importer.importPage(source,
                    new String(content, StandardCharsets.UTF_8))));
        }
    },
    MOODLE {
        @Override
        SampleBank parse(String source, byte[] content) {
            return new MoodleXmlImporter().importXml(source, content);
        }
    },
    QTI {
        @Override
        SampleBank parse(String source, byte[] content) {
            return new QtiPackageImporter().importPackage(source, content);
        }
    };

    abstract SampleBank parse(String source, byte[] content);

    static Optional<ImportFormat> parse(String name) {
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

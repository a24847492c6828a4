package org.markpoint.question.importer;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the shared seed revision pages from the module directory (surefire's working directory). */
final class SeedPages {

    static final String PEARSON_PRINCIPLES = "000_aa0b79ff598cbba9.txt";
    static final String PEARSON_NVQ = "001_d7d892977064a8bc.txt";
    static final String PLAIN_TEXT = "002_de1ffaf962b46a51.txt";
    static final String PEARSON_ENVIRONMENT = "003_d8ec5a4cfdc1a346.txt";
    static final String OCN_LONDON = "004_992714b8a0af08d5.txt";

    private SeedPages() {
    }

    static Path dir() {
        String override = System.getProperty("markpoint.seeds");
        List<Path> candidates = override != null ? List.of(Path.of(override))
                : List.of(Path.of("../../shared/seeds"), Path.of("../shared/seeds"), Path.of("/work/shared/seeds"));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate.resolve(PEARSON_PRINCIPLES))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        return fail("seed pages not found; looked in " + candidates.stream().map(p -> p.toAbsolutePath().normalize())
                .toList() + " from " + Path.of("").toAbsolutePath() + " (set -Dmarkpoint.seeds=DIR)");
    }

    static Path page(String name) {
        return dir().resolve(name);
    }

    /** All pages, sorted by name: the order the committed sample bank is generated in. */
    static List<Path> all() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            return fail("cannot list " + dir(), e);
        }
    }

    static PageImport importPage(String name) {
        try {
            return new SeedPageImporter().importFile(page(name));
        } catch (IOException e) {
            return fail("cannot read " + name, e);
        }
    }
}

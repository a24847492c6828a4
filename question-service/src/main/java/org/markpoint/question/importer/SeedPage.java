package org.markpoint.question.importer;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A revision page split into its parts, before any interpretation: the header facts and, per section, the bullet
 * items (or paragraphs) in page order. {@code unplaced} holds lines the parser recognised as neither content nor
 * page chrome, so the importer can report them instead of losing them.
 */
record SeedPage(String source, Layout layout, String title, String awardingBody, String subjectLine,
                List<String> qualifications, String synopsis, Map<String, Integer> statedCounts,
                Map<SeedSection, List<String>> sections, List<String> unplaced) {

    /** The rich layout has a header block and "•" bullets; the plain-text variant has "- " bullets and no header. */
    enum Layout { RICH, PLAIN }

    SeedPage {
        qualifications = List.copyOf(qualifications);
        statedCounts = Collections.unmodifiableMap(new LinkedHashMap<>(statedCounts));
        EnumMap<SeedSection, List<String>> copy = new EnumMap<>(SeedSection.class);
        sections.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        sections = Collections.unmodifiableMap(copy);
        unplaced = List.copyOf(unplaced);
    }

    List<String> items(SeedSection section) {
        return sections.getOrDefault(section, List.of());
    }

    boolean has(SeedSection section) {
        return sections.containsKey(section);
    }
}

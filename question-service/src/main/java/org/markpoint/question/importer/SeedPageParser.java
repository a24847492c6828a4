package org.markpoint.question.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Splits a revision page (either layout) into a {@link SeedPage}. Knows the page chrome (navigation tabs, section
 * subtitles, the counts panel, the footer) so that everything else is either placed in a section or reported.
 */
final class SeedPageParser {

    private static final Pattern COUNT = Pattern.compile("\\d{1,4}");
    private static final String QUALIFICATIONS_LABEL = "Assessment criteria";
    private static final String TYPE_LABEL = "vocational";

    SeedPage parse(String source, String text) {
        List<String> lines = Arrays.stream(text.replace("\uFEFF", "").split("\\R"))
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
        int overview = lines.indexOf(SeedSection.OVERVIEW.heading());
        return overview >= 0 ? parseRich(source, lines, overview) : parsePlain(source, lines);
    }

    private SeedPage parseRich(String source, List<String> lines, int bodyStart) {
        List<String> header = lines.subList(0, bodyStart);
        List<String> unplaced = new ArrayList<>();
        String first = header.isEmpty() ? "" : header.getFirst();
        int synopsisAt = header.indexOf(SeedSection.SYNOPSIS.heading());
        String synopsis = synopsisAt >= 0 && synopsisAt + 1 < header.size() ? header.get(synopsisAt + 1) : "";

        String title = "";
        String awardingBody = "";
        String subjectLine = "";
        int titleAt = -1;
        for (int i = 1; i < header.size(); i++) {
            String line = header.get(i);
            if (line.length() < first.length() && first.startsWith(line) && !synopsis.startsWith(line)) {
                title = line;
                titleAt = i;
                subjectLine = first.substring(line.length()).strip();
                break;
            }
        }
        if (titleAt >= 0 && titleAt + 1 < header.size()) {
            String caps = header.get(titleAt + 1);
            if (caps.equals(caps.toUpperCase()) && subjectLine.toUpperCase().startsWith(caps)) {
                awardingBody = subjectLine.substring(0, caps.length());
            }
        }

        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> qualifications = new ArrayList<>();
        boolean inQualifications = false;
        for (int i = 1; i < header.size(); i++) {
            String line = header.get(i);
            if (COUNT.matcher(line).matches() && i + 1 < header.size()) {
                counts.put(header.get(i + 1), Integer.parseInt(line));
                i++;
            } else if (line.equals(QUALIFICATIONS_LABEL)) {
                inQualifications = true;
            } else if (inQualifications) {
                qualifications.add(line);
            } else if (!isHeaderChrome(line, i, titleAt, synopsisAt, synopsis)) {
                unplaced.add(line);
            }
        }
        if (!first.isEmpty() && titleAt < 0) {
            unplaced.add(first);
        }
        Map<SeedSection, List<String>> sections = new EnumMap<>(SeedSection.class);
        sections.put(SeedSection.SYNOPSIS, synopsis.isEmpty() ? List.of() : List.of(synopsis));
        splitSections(lines.subList(bodyStart, lines.size()), sections, unplaced);
        return new SeedPage(source, SeedPage.Layout.RICH, title, awardingBody, subjectLine, qualifications,
                synopsis, counts, sections, unplaced);
    }

    private static boolean isHeaderChrome(String line, int at, int titleAt, int synopsisAt, String synopsis) {
        return at == titleAt || at == titleAt + 1 || at == synopsisAt + 1
                || line.equals(TYPE_LABEL)
                || SeedSection.forHeading(line).isPresent()
                || synopsis.startsWith(line);
    }

    private SeedPage parsePlain(String source, List<String> lines) {
        Map<SeedSection, List<String>> sections = new EnumMap<>(SeedSection.class);
        List<String> unplaced = new ArrayList<>();
        List<String> preamble = new ArrayList<>();
        splitSections(lines, sections, unplaced).ifPresent(preamble::addAll);
        String synopsis = String.join(" ", sections.getOrDefault(SeedSection.SYNOPSIS, List.of()));
        for (String line : preamble) {
            // the plain variant opens with the synopsis cut short; anything else before a heading is unexpected
            if (!synopsis.startsWith(line)) {
                unplaced.add(line);
            }
        }
        return new SeedPage(source, SeedPage.Layout.PLAIN, "", "", "", List.of(), synopsis, Map.of(), sections,
                unplaced);
    }

    /** Fills {@code sections}; returns the lines seen before the first heading, if any. */
    private static Optional<List<String>> splitSections(List<String> lines, Map<SeedSection, List<String>> sections,
                                                        List<String> unplaced) {
        List<String> preamble = new ArrayList<>();
        SeedSection current = null;
        for (String line : lines) {
            Optional<SeedSection> heading = SeedSection.forHeading(line);
            if (heading.isPresent()) {
                current = heading.get();
                sections.computeIfAbsent(current, k -> new ArrayList<>());
                continue;
            }
            if (current == null) {
                preamble.add(line);
                continue;
            }
            Optional<String> bullet = bullet(line);
            if (bullet.isPresent()) {
                sections.get(current).add(bullet.get());
            } else if (current == SeedSection.SYNOPSIS || current == SeedSection.OVERVIEW) {
                sections.get(current).add(line);
            } else if (!current.isSubtitle(line)) {
                unplaced.add(current.heading() + ": " + line);
            }
        }
        return preamble.isEmpty() ? Optional.empty() : Optional.of(preamble);
    }

    private static Optional<String> bullet(String line) {
        if (line.startsWith("•") || line.startsWith("- ")) {
            return Optional.of(line.substring(1).strip());
        }
        return Optional.empty();
    }
}

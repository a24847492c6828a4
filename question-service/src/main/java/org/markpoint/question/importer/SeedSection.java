package org.markpoint.question.importer;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The sections a revision page has, with the headings each layout uses for them and the one-line subtitles the
 * rich layout prints under a heading (page chrome, not content).
 */
enum SeedSection {
    SYNOPSIS(List.of("Topic Synopsis"), List.of()),
    OVERVIEW(List.of("Topic Overview"), List.of()),
    KEY_CONCEPTS(List.of("Key Concepts", "Key Concepts & Core Principles"),
            List.of("Core ideas you must understand for this topic")),
    LEARNING_OUTCOMES(List.of("Learning Objectives", "Learning Outcomes"),
            List.of("What you need to know and understand")),
    ASSESSMENT_CRITERIA(List.of("Assessment Criteria", "Examiner Marking Points"),
            List.of("Key criteria assessors look for in your portfolio")),
    ASSESSMENT_GUIDANCE(List.of("Assessment Guidance", "Exam Tips & Revision Strategies"),
            List.of("Guidance for achieving higher grades")),
    COMMON_MISTAKES(List.of("Common Mistakes", "Common Misconceptions & Mistakes to Avoid"),
            List.of("Common errors to avoid in your coursework")),
    FAQ(List.of("Frequently Asked Questions"), List.of("Common questions students ask about this topic")),
    PREREQUISITES(List.of("Before You Start"), List.of("Prior knowledge that will help with this topic")),
    KEY_TERMS(List.of("Key Terminology"), List.of("Essential terms to know")),
    FOOTER(List.of("Ready to learn?"), List.of("AI-powered learning tailored to this unit"));

    private final List<String> headings;
    private final List<String> subtitles;

    SeedSection(List<String> headings, List<String> subtitles) {
        this.headings = headings;
        this.subtitles = subtitles;
    }

    /** Headings match exactly (case included): the rich layout also prints "Assessment criteria" as a label. */
    static Optional<SeedSection> forHeading(String line) {
        return Arrays.stream(values()).filter(s -> s.headings.contains(line)).findFirst();
    }

    boolean isSubtitle(String line) {
        return subtitles.contains(line);
    }

    String heading() {
        return headings.getFirst();
    }
}

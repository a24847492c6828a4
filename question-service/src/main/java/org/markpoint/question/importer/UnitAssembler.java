package org.markpoint.question.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.markpoint.question.bank.LearningOutcome;
import org.markpoint.question.bank.Unit;

/**
 * Turns a parsed page into a unit: its identity (title, awarding body, qualification, a stable id), its revision
 * content, outcomes with their criteria, misconceptions and key terms. Whatever it cannot take it logs.
 */
final class UnitAssembler {

    private static final Pattern SYNOPSIS_SUBJECT = Pattern.compile(
            "^This subtopic (?:explores|focuses on|delves into|examines|covers) (?:the )?(.+?)(?:,|\\.|\\s+within\\s)");
    private static final Pattern TRANSFERABLE_SKILLS = Pattern.compile(
            "transferable skills (?:in|such as|like) (.+?)(?:,? which\\b|\\.)");
    private static final Pattern HEAD_END = Pattern.compile("\\s+(?:to|with|in line with|aligned with)\\s+");
    private static final Pattern TIP_PREFIX = Pattern.compile("^(?:💡\\s*)?(?:Tip \\d+:\\s*)?");

    private final OutcomeReader outcomeReader = new OutcomeReader();
    private final CriterionReader criterionReader = new CriterionReader();
    

    ParsedUnit assemble(SeedPage page, ImportLog log) {
        String title = title(page, log);
        String id = Words.slug((page.awardingBody() + " " + title).strip());
        String qualification = String.join("; ", page.qualifications());
        if (qualification.isEmpty()) {
            log.warn("qualification", "the page names no qualification");
        }
        if (page.awardingBody().isEmpty()) {
            log.warn("awarding body", "the page names no awarding body");
        }
        String code = code(page.awardingBody(), title);
        log.warn("code", "the page gives no unit code; derived '" + code + "' from the awarding body and title");

        List<String> tips = page.items(SeedSection.ASSESSMENT_GUIDANCE).stream()
                .map(t -> TIP_PREFIX.matcher(t).replaceFirst("").strip()).toList();
        List<ParsedUnit.Outcome> outcomes = outcomes(page, id, log);
        List<ParsedUnit.Criterion> criteria = criteria(page, outcomes, log);
        List<LearningOutcome> learningOutcomes = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            ParsedUnit.Outcome o = outcomes.get(i);
            List<String> own = criteria.stream().filter(c -> c.outcomeId().equals(o.id()))
                    .map(c -> c.reading().text()).toList();
            learningOutcomes.add(new LearningOutcome(o.id(), "LO" + (i + 1), o.title(), own));
        }
        RevisionNotes notes = new RevisionNotes(page, id, outcomes.stream().map(ParsedUnit.Outcome::title).toList(),
                log);
        Set<String> commandWords = new LinkedHashSet<>();
        outcomes.forEach(o -> commandWords.add(o.question().commandWord().wireName()));
        criteria.forEach(c -> commandWords.add(c.reading().commandWord().wireName()));

        Unit unit = new Unit(id, code, title, qualification, page.synopsis(), page.items(SeedSection.KEY_CONCEPTS),
                tips, keySkills(page, log), page.items(SeedSection.PREREQUISITES), learningOutcomes,
                notes.misconceptions(), notes.keyTerms(), page.source(), page.awardingBody(),
                page.items(SeedSection.OVERVIEW), notes.commonMistakes(), notes.commandWordGuidance(tips, commandWords));
        reportUnplaced(page, log);
        checkStatedCounts(page, unit, log);
        return new ParsedUnit(unit, criteria, outcomes, abbreviations(page));
    }

    private static String title(SeedPage page, ImportLog log) {
        if (!page.title().isEmpty()) {
            return page.title();
        }
        Matcher m = SYNOPSIS_SUBJECT.matcher(page.synopsis());
        if (m.find()) {
            String derived = Words.capitalise(m.group(1).strip());
            log.warn("title", "the page has no title; derived '" + derived + "' from the synopsis");
            return derived;
        }
        String fallback = page.source().replaceFirst("\\.[^.]*$", "");
        log.warn("title", "the page has no title and no synopsis to derive one from; used the file name");
        return fallback;
    }

    private static String code(String awardingBody, String title) {
        StringBuilder code = new StringBuilder();
        for (String w : Words.tokens(awardingBody)) {
            code.append(Character.toUpperCase(w.charAt(0)));
        }
        if (!code.isEmpty()) {
            code.append('-');
        }
        for (String w : Words.tokens(title)) {
            if (!Words.isStopWord(w)) {
                code.append(Character.toUpperCase(w.charAt(0)));
            }
        }
        return code.toString();
    }

    private List<ParsedUnit.Outcome> outcomes(SeedPage page, String unitId, ImportLog log) {
        List<ParsedUnit.Outcome> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String bullet : page.items(SeedSection.LEARNING_OUTCOMES)) {
            for (String title : outcomeReader.split(bullet)) {
                String t = title.endsWith(".") ? title.substring(0, title.length() - 1) : title;
                if (!seen.add(t.toLowerCase(Locale.ROOT))) {
                    log.skip("learning outcome '" + t + "'", "listed more than once on the page; kept the first");
                    continue;
                }
                Optional<OutcomeReader.OutcomeQuestion> q = outcomeReader.read(t);
                if (q.isEmpty()) {
                    log.skip("learning outcome '" + t + "'", "its verb is not one learning outcomes are written with");
                    continue;
                }
                out.add(new ParsedUnit.Outcome(unitId + "-lo" + (out.size() + 1), t, q.get(), List.of()));
            }
        }
        if (out.isEmpty()) {
            log.warn("learning outcomes", "the page lists no learning outcomes; its questions evidence none");
        }
        return out;
    }

    private List<ParsedUnit.Criterion> criteria(SeedPage page, List<ParsedUnit.Outcome> outcomes, ImportLog log) {
        List<String> texts = page.items(SeedSection.ASSESSMENT_CRITERIA);
        List<Integer> numbers = new ArrayList<>();
        List<CriterionReading> readings = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Optional<CriterionReading> reading = criterionReader.read(texts.get(i));
            if (reading.isEmpty()) {
                log.skip("assessment criterion '" + texts.get(i) + "'",
                        "no rule recognises what it asks the learner to do, so no command word or question");
                continue;
            }
            numbers.add(i + 1);
            readings.add(reading.get());
        }
        OutcomeMatcher matcher = new OutcomeMatcher(
                readings.stream().map(r -> String.join(" ", r.mainPoints()) + " " + String.join(" ", r.components()))
                        .toList(),
                readings.stream().map(r -> HEAD_END.split(r.mainPoints().getFirst(), 2)[0]).toList(),
                outcomes.stream().map(ParsedUnit.Outcome::title).toList());
        List<Integer> assigned = matcher.assign();
        List<ParsedUnit.Criterion> out = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            int lo = assigned.get(i);
            if (lo < 0 && !outcomes.isEmpty()) {
                log.warn("assessment criterion " + numbers.get(i),
                        "shares no words with any learning outcome; linked to none");
            }
            out.add(new ParsedUnit.Criterion(numbers.get(i), readings.get(i), lo < 0 ? "" : outcomes.get(lo).id()));
        }
        for (int o = 0; o < outcomes.size(); o++) {
            if (!assigned.contains(o)) {
                List<Integer> related = matcher.related(o).stream().map(numbers::get).toList();
                outcomes.set(o, outcomes.get(o).withRelated(related));
            }
        }
        return out;
    }

    private static List<String> keySkills(SeedPage page, ImportLog log) {
        List<String> skills = new ArrayList<>();
        for (String paragraph : page.items(SeedSection.OVERVIEW)) {
            Matcher m = TRANSFERABLE_SKILLS.matcher(paragraph);
            if (m.find()) {
                CriterionReader.splitList(m.group(1)).forEach(s -> skills.add(s.strip()));
            }
        }
        if (skills.isEmpty()) {
            Integer stated = page.statedCounts().get("Key Skills");
            log.warn("key skills", "the page has no key-skills list and its overview names no transferable skills"
                    + (stated == null ? "" : " (its counts panel says " + stated + ")"));
        }
        return skills;
    }

    private static Map<String, String> abbreviations(SeedPage page) {
        Map<String, String> out = new LinkedHashMap<>();
        // the qualification overview defines framework names (RQF, QCF), not terms a learner would use in an answer
        page.sections().forEach((section, items) -> {
            if (section != SeedSection.OVERVIEW) {
                items.forEach(i -> Words.abbreviations(i).forEach(out::putIfAbsent));
            }
        });
        return out;
    }

    private static void reportUnplaced(SeedPage page, ImportLog log) {
        page.unplaced().forEach(line -> log.skip("line '" + line + "'", "not in any section the importer knows"));
        if (page.has(SeedSection.FAQ) && page.items(SeedSection.FAQ).isEmpty()) {
            log.warn("frequently asked questions", "the section is empty on the page");
        }
    }

    private static void checkStatedCounts(SeedPage page, Unit unit, ImportLog log) {
        Map<String, Integer> found = new LinkedHashMap<>();
        found.put("Learning Outcomes", unit.learningOutcomes().size());
        found.put("Assessment Criteria", page.items(SeedSection.ASSESSMENT_CRITERIA).size());
        found.put("Key Terms", unit.keyTerms().size());
        found.put("Key Skills", unit.keySkills().size());
        found.put("Assessment Guidance", unit.examTips().size());
        page.statedCounts().forEach((label, stated) -> {
            Integer actual = found.get(label);
            if (actual != null && !actual.equals(stated)) {
                log.warn("counts panel: " + label, "the page says " + stated + ", the importer found " + actual);
            }
        });
    }
}

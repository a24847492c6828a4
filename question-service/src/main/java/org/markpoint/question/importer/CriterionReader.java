package org.markpoint.question.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.markpoint.model.scheme.CommandWord;

/**
 * Reads an examiner criterion. The criteria on these pages are written as what an assessor credits ("Award credit
 * for evaluating the impact of ..."); each phrasing below maps to the command word a learner would be set and to a
 * stem in the learner's voice. A criterion no rule recognises yields nothing, and the caller reports it.
 */
final class CriterionReader {

    private static final Pattern LEAD_IN = Pattern.compile(
            "^(award credit for|credit the ability to|credit|look for evidence of|look for|check for|reward"
                    + "|expect candidates to|expect evidence of|expect)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXAMPLES_IN_BRACKETS = Pattern.compile("\\s*\\((?:e\\.g\\.,?|for example,?)\\s*([^)]*)\\)");
    private static final Pattern COMPONENTS = Pattern.compile(",?\\s+(?:including|that specifies|specifying)\\s+(.+)$");
    private static final Pattern SUCH_AS = Pattern.compile(",?\\s+(?:using \\w+ )?such as\\s+(.+)$");
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            ",\\s+(?=showing\\s)|\\s+with (?=a plan for\\s)|\\s+and (?=(?:how|identify|ensured)\\s)");
    private static final Pattern QUALIFIER_TAIL = Pattern.compile(",?\\s+with practical examples$");
    private static final Pattern LIST_SPLIT = Pattern.compile("\\s*,\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or)\\s+");

    private record Rule(Pattern pattern, CommandWord word, Function<Matcher, String> stem) {
    }

    private static final List<Rule> RULES = List.of(
            rule("(?:clear )?analysis of (.+)", CommandWord.ANALYSE, m -> "Analyse " + m.group(1)),
            rule("evaluating (.+)", CommandWord.EVALUATE, m -> "Evaluate " + m.group(1)),
            rule("(?:accurately )?describing (.+)", CommandWord.DESCRIBE, m -> "Describe " + m.group(1)),
            rule("(?:clear )?explanation of (.+)", CommandWord.EXPLAIN, m -> "Explain " + m.group(1)),
            rule("(?:evidence of )?linking (.+)", CommandWord.EXPLAIN, m -> "Explain how to link " + m.group(1)),
            rule("(?:clear )?mapping of (.+?) to (.+)", CommandWord.EXPLAIN,
                    m -> "Explain how to map " + m.group(1) + " to " + m.group(2)),
            rule("demonstrating (?:a clear |a )?link between (.+)", CommandWord.EXPLAIN,
                    m -> "Explain the link between " + m.group(1)),
            rule("demonstrating (?:an|a comprehensive|a clear|a) understanding of (.+)", CommandWord.EXPLAIN,
                    m -> "Explain " + m.group(1)),
            rule("demonstrating the application of (.+?) to (.+)", CommandWord.EXPLAIN,
                    m -> "Explain how " + m.group(1) + " can be applied to " + m.group(2)),
            rule("(?:demonstrating |evidence of )?(how .+)", CommandWord.EXPLAIN, m -> "Explain " + m.group(1)),
            rule("(?:evidence of )?designing (.+)", CommandWord.RECOMMEND, m -> "Recommend " + m.group(1)),
            rule("(?:presenting|producing|providing) (?:clear )?(.+)", CommandWord.DESCRIBE,
                    m -> "Describe " + m.group(1)),
            rule("((?:practical )?examples of .+)", CommandWord.DESCRIBE, m -> "Describe " + m.group(1)),
            rule("reflect on (.+)", CommandWord.EVALUATE, m -> "Evaluate " + m.group(1)),
            rule("show knowledge of (.+)", CommandWord.DESCRIBE, m -> "Describe " + m.group(1)));

    private static Rule rule(String regex, CommandWord word, Function<Matcher, String> stem) {
        return new Rule(Pattern.compile("^" + regex + "$", Pattern.CASE_INSENSITIVE), word, stem);
    }

    Optional<CriterionReading> read(String criterion) {
        String body = stripFullStop(LEAD_IN.matcher(criterion.strip()).replaceFirst(""));
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(body);
            if (m.matches()) {
                String stem = Words.sentence(learnerVoice(rule.stem().apply(m)));
                return Optional.of(parts(criterion, rule.word(), stem, body));
            }
        }
        return Optional.empty();
    }

    private static CriterionReading parts(String criterion, CommandWord word, String stem, String body) {
        List<String> examples = new ArrayList<>();
        Matcher bracket = EXAMPLES_IN_BRACKETS.matcher(body);
        while (bracket.find()) {
            examples.addAll(splitList(bracket.group(1)));
        }
        String core = EXAMPLES_IN_BRACKETS.matcher(body).replaceAll("");
        core = QUALIFIER_TAIL.matcher(core).replaceFirst("");
        List<String> components = new ArrayList<>();
        Matcher listed = COMPONENTS.matcher(core);
        if (listed.find()) {
            components.addAll(splitList(listed.group(1)));
            core = core.substring(0, listed.start());
        }
        Matcher suchAs = SUCH_AS.matcher(core);
        if (suchAs.find()) {
            examples.addAll(splitList(suchAs.group(1)));
            core = core.substring(0, suchAs.start());
        }
        List<String> mainPoints = new ArrayList<>();
        for (String clause : CLAUSE_BREAK.split(core)) {
            String point = clause.replaceFirst("(?i)^(?:evidence of |clear |accurately )+", "").strip();
            if (!point.isEmpty()) {
                mainPoints.add(Words.capitalise(point));
            }
        }
        return new CriterionReading(criterion, word, stem, mainPoints, components.stream().map(Words::capitalise)
                .toList(), examples);
    }

    static List<String> splitList(String list) {
        List<String> out = new ArrayList<>();
        for (String item : LIST_SPLIT.split(stripFullStop(list))) {
            String t = item.strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** Criteria speak about "the candidate"; a question speaks to the learner. */
    static String learnerVoice(String text) {
        return text.replace("the candidate has ", "you have ")
                .replace("the candidate uses ", "you use ")
                .replace("the candidate ", "you ")
                .replace(" their team", " your team")
                .replace("on personal ", "on your own ")
                .replaceFirst("^Evaluate personal ", "Evaluate your own ");
    }

    private static String stripFullStop(String text) {
        String t = text.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}

package org.markpoint.progress.cohort.analysis;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.markpoint.progress.learner.DailyMastery;
import org.markpoint.progress.learner.LearnerProgress;
import org.markpoint.progress.learner.OutcomeMastery;

/**
 * Why a learner may need a tutor's attention, each reason with a sentence a tutor can act on:
 * <ul>
 *   <li>{@code low-mastery}: an outcome below {@code lowMasteryBelow} on at least {@code minEvidence} answers (one
 *   unlucky answer is not enough);</li>
 *   <li>{@code falling-trend}: an outcome whose end-of-day mastery fell by at least {@code fallingDrop} from its peak
 *   within the last {@code trendDays} days;</li>
 *   <li>{@code inactive}: no answer for {@code inactiveDays} days, or none at all.</li>
 * </ul>
 */
public record AtRiskRule(double lowMasteryBelow, int minEvidence, double fallingDrop, int trendDays,
                         int inactiveDays) {

    /** One reason; {@code code} is low-mastery, falling-trend or inactive. */
    public record Reason(String code, String detail) {
    }

    public static final String LOW_MASTERY = "low-mastery";
    public static final String FALLING_TREND = "falling-trend";
    public static final String INACTIVE = "inactive";
    private static final int NAMED_OUTCOMES = 3;

    public AtRiskRule {
        if (!(lowMasteryBelow > 0 && lowMasteryBelow <= 1) || !(fallingDrop > 0 && fallingDrop <= 1)) {
            throw new IllegalArgumentException("lowMasteryBelow and fallingDrop must be in (0, 1]");
        }
        if (minEvidence < 1 || trendDays < 1 || inactiveDays < 1) {
            throw new IllegalArgumentException("minEvidence, trendDays and inactiveDays must be at least 1");
        }
    }

    public static AtRiskRule defaults() {
        return new AtRiskRule(0.5, 2, 0.2, 14, 14);
    }

    public AtRiskRule withInactiveDays(int days) {
        return new AtRiskRule(lowMasteryBelow, minEvidence, fallingDrop, trendDays, days);
    }

    /** The reasons for concern, empty when there are none; a learner with no progress at all is inactive. */
    public List<Reason> reasons(Optional<LearnerProgress> learner, Instant now) {
        List<Reason> reasons = new ArrayList<>();
        learner.flatMap(this::lowMastery).ifPresent(reasons::add);
        learner.flatMap(l -> falling(l, LocalDate.ofInstant(now, ZoneOffset.UTC))).ifPresent(reasons::add);
        inactive(learner.flatMap(LearnerProgress::lastActivity), now).ifPresent(reasons::add);
        return reasons;
    }

    private Optional<Reason> lowMastery(LearnerProgress learner) {
        List<OutcomeMastery> low = learner.outcomes().stream()
                .filter(o -> o.evidence() >= minEvidence && o.pKnown() < lowMasteryBelow)
                .sorted(Comparator.comparingDouble(OutcomeMastery::pKnown).thenComparing(OutcomeMastery::outcomeId))
                .toList();
        if (low.isEmpty()) {
            return Optional.empty();
        }
        String named = low.stream().limit(NAMED_OUTCOMES).map(o -> String.format(Locale.ROOT,
                "%s (mastery %.2f from %d answers)", o.outcomeId(), o.pKnown(), o.evidence()))
                .collect(Collectors.joining(", "));
        String more = low.size() > NAMED_OUTCOMES ? " and " + (low.size() - NAMED_OUTCOMES) + " more" : "";
        return Optional.of(new Reason(LOW_MASTERY, "Not yet secure in " + plural(low.size(), "outcome") + ": "
                + named + more));
    }

    private Optional<Reason> falling(LearnerProgress learner, LocalDate today) {
        LocalDate from = today.minusDays(trendDays);
        Map<String, List<DailyMastery>> recent = learner.history().stream()
                .filter(d -> !d.date().isBefore(from) && !d.date().isAfter(today))
                .sorted(Comparator.comparing(DailyMastery::date))
                .collect(Collectors.groupingBy(DailyMastery::outcomeId, java.util.TreeMap::new, Collectors.toList()));
        List<String> falls = new ArrayList<>();
        recent.forEach((outcome, days) -> {
            DailyMastery latest = days.getLast();
            double peak = days.stream().mapToDouble(DailyMastery::mastery).max().orElseThrow();
            if (peak - latest.mastery() >= fallingDrop) {
                falls.add(String.format(Locale.ROOT, "%s fell from %.2f to %.2f", outcome, peak, latest.mastery()));
            }
        });
        return falls.isEmpty() ? Optional.empty() : Optional.of(new Reason(FALLING_TREND,
                String.join("; ", falls) + " in the last " + plural(trendDays, "day")));
    }

    private Optional<Reason> inactive(Optional<Instant> last, Instant now) {
        if (last.isEmpty()) {
            return Optional.of(new Reason(INACTIVE, "No answers yet"));
        }
        long idleDays = Duration.between(last.get(), now).toDays();
        if (idleDays < inactiveDays) {
            return Optional.empty();
        }
        return Optional.of(new Reason(INACTIVE, "No answers for " + plural((int) idleDays, "day") + " (last on "
                + LocalDate.ofInstant(last.get(), ZoneOffset.UTC) + ")"));
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}

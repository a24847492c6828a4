package org.markpoint.progress.lti;

import java.time.Clock;
import java.time.Duration;
import org.markpoint.progress.quiz.QuizLaunches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Posts the scores quizzes owe their LMS line items (Assignment and Grade Services). At least once: a crash after
 * the post and before recording it posts again, which an LMS takes as the same score replacing itself. A failed
 * post backs off (2 s doubling to 10 min) and is given up after {@code GradeLink.MAX_ATTEMPTS}, visible in
 * {@code GET /api/v1/admin/lti/grades} with the platform's answer, and retried from there.
 */
@Component
class GradePassbackRelay {

    private static final Logger LOG = LoggerFactory.getLogger(GradePassbackRelay.class);
    private static final int PAGE = 50;
    /** Longer than a post can take (token + score, 10 s timeouts each): no other instance takes it meanwhile. */
    private static final Duration LEASE = Duration.ofSeconds(60);

    private final QuizLaunches quizzes;
    private final LtiRegistrationStore registrations;
    private final PlatformClient platform;
    private final Clock clock;

    GradePassbackRelay(QuizLaunches quizzes, LtiRegistrationStore registrations, PlatformClient platform,
                       Clock clock) {
        this.quizzes = quizzes;
        this.registrations = registrations;
        this.platform = platform;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${markpoint.lti.passback-poll-ms:1000}")
    void relay() {
        for (QuizLaunches.DueGrade due : quizzes.claimGradesDue(clock.instant(), LEASE, PAGE)) {
            post(due);
        }
    }

    private void post(QuizLaunches.DueGrade due) {
        var link = due.link();
        try {
            LtiRegistration reg = registrations.byId(link.registrationId()).orElseThrow(() ->
                    new PlatformClient.PlatformException("the platform registration was deleted"));
            platform.postScore(reg, link.lineItemUrl(), new PlatformClient.Score(link.lmsUserId(), link.scoreGiven(),
                    link.scoreMaximum(), link.scoredAt() == null ? clock.instant() : link.scoredAt()));
            quizzes.gradeSent(due.quizId(), link.revision(), clock.instant());
            LOG.info("LTI grade passback: quiz {} score {}/{} sent to {}", due.quizId(), link.scoreGiven(),
                    link.scoreMaximum(), link.lineItemUrl());
        } catch (RuntimeException e) { // whatever went wrong with this one, the others still go
            quizzes.gradeFailed(due, e instanceof PlatformClient.PlatformException ? e.getMessage() : e.toString(),
                    clock.instant());
            LOG.warn("LTI grade passback: quiz {} attempt {} failed: {}", due.quizId(), link.attempts() + 1,
                    e.getMessage());
        }
    }
}

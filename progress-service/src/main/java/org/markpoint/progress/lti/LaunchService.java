package org.markpoint.progress.lti;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.markpoint.model.security.Role;
import org.markpoint.progress.cohort.CohortRosters;
import org.markpoint.progress.quiz.GradeLink;
import org.markpoint.progress.quiz.QuizLaunches;
import org.markpoint.progress.support.InvalidRequestException;
import org.markpoint.progress.support.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What a valid resource-link launch does. A learner: enrolled in the course's cohort, their quiz for this link
 * started or resumed (linked to the AGS line item when the platform gave one), and sent to it signed in. Staff: the
 * course's cohort made (and its roster filled from NRPS when offered), and sent to its dashboard.
 */
@Service
class LaunchService {

    private static final Logger LOG = LoggerFactory.getLogger(LaunchService.class);
    private static final Duration RESYNC_AFTER = Duration.ofMinutes(10);

    private final QuizLaunches quizzes;
    private final CohortRosters rosters;
    private final LtiContexts contexts;
    private final RosterSync rosterSync;
    private final SessionTokens sessions;
    private final LtiProperties props;
    private final Clock clock;

    LaunchService(QuizLaunches quizzes, CohortRosters rosters, LtiContexts contexts, RosterSync rosterSync,
                  SessionTokens sessions, LtiProperties props, Clock clock) {
        this.clock = clock;
        this.quizzes = quizzes;
        this.rosters = rosters;
        this.contexts = contexts;
        this.rosterSync = rosterSync;
        this.sessions = sessions;
        this.props = props;
    }

    /** Where the browser goes next: the web UI, with the session token in the fragment (never sent to a server). */
    URI launch(LtiRegistration reg, LtiMessage message) {
        Set<Role> roles = LtiUsers.roles(message.roles());
        if (roles.isEmpty()) {
            throw new LaunchRejected(403, "none of the launch's roles " + message.roles()
                    + " is one Markpoint serves (learner, instructor, teaching assistant, content developer)");
        }
        String tenant = reg.tenantId();
        String userId = LtiUsers.userId(reg, message.subject());
        String cohortId = message.contextId().isEmpty() ? "" : LtiUsers.cohortId(reg, message.contextId());
        String courseName = message.contextTitle().isEmpty() ? "Course " + message.contextId() : message.contextTitle();
        boolean staff = LtiUsers.isStaff(roles);
        if (!cohortId.isEmpty()) {
            // the course's cohort exists after any launch from it; a learner is on its roster
            rosters.enrol(tenant, cohortId, courseName, staff ? "" : userId);
            contexts.remember(tenant, cohortId, reg, message.contextId(), courseName, message.membershipsUrl());
        }
        String next;
        if (staff) {
            if (!cohortId.isEmpty() && !message.membershipsUrl().isEmpty()) {
                syncQuietly(tenant, cohortId);
            }
            next = cohortId.isEmpty() ? "/tutor" : "/tutor/cohorts/" + cohortId;
            roles.remove(Role.LEARNER);
        } else {
            next = "/quiz/" + startQuiz(reg, message, tenant, userId);
        }
        SessionTokens.Session session = sessions.session(tenant, userId, roles, message.name());
        LOG.info("LTI launch: {} ({}) from {} deployment {} -> {}", userId, roles, reg.issuer(),
                message.deploymentId(), next);
        return URI.create(props.toolUrl() + "/index.html#lti_token=" + session.token() + "&expires_in="
                + session.expiresInSeconds() + "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }

    private String startQuiz(LtiRegistration reg, LtiMessage message, String tenant, String learnerId) {
        String unit = message.custom().getOrDefault("unit", "").strip();
        List<String> outcomes = Arrays.stream(message.custom().getOrDefault("outcomes", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (unit.isEmpty() && outcomes.isEmpty()) {
            throw new LaunchRejected(400, "this link names no Markpoint unit: add it with Deep Linking (the "
                    + "'Select content' button), or give the custom parameter unit=<unit id>");
        }
        if (!unit.isEmpty() && !outcomes.isEmpty()) {
            outcomes = List.of(); // the unit wins: a link names one scope
        }
        String linkKey = LtiUsers.resourceLinkKey(reg, message.deploymentId(), message.resourceLinkId());
        GradeLink link = GradeLink.to(reg.id(), linkKey, message.canPostScores() ? message.lineItemUrl() : "",
                message.subject());
        try {
            return quizzes.startOrResume(tenant, learnerId, unit, outcomes, link);
        } catch (NotFoundException | InvalidRequestException e) {
            throw new LaunchRejected(404, "this link's quiz cannot start: " + e.getMessage());
        }
    }

    /** In the background, unless the roster was synced in the last few minutes (every teacher launch asks). */
    private void syncQuietly(String tenant, String cohortId) {
        boolean recent = contexts.find(tenant, cohortId).map(LtiContexts.LtiContext::lastSync)
                .filter(last -> last.error().isEmpty() && last.at().isAfter(clock.instant().minus(RESYNC_AFTER)))
                .isPresent();
        if (recent) {
            return;
        }
        Thread.ofVirtual().name("lti-roster-" + cohortId).start(() -> {
            try {
                rosterSync.sync(tenant, cohortId);
            } catch (RuntimeException e) {
                // platform failures are recorded on the course by RosterSync; the tutor can sync again from the API
                LOG.warn("LTI roster sync after a launch failed for cohort {}: {}", cohortId, e.toString());
            }
        });
    }
}

package org.markpoint.progress.lti;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.markpoint.model.security.Role;
import org.markpoint.progress.cohort.CohortRosters;
import org.markpoint.progress.support.ConflictException;
import org.markpoint.progress.support.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Fills an LTI cohort's roster from the course's membership (Names and Role Provisioning Services): the active
 * members with a learner role, as the learner ids their launches get. The outcome is kept on the course record.
 */
@Service
class RosterSync {

    private static final Logger LOG = LoggerFactory.getLogger(RosterSync.class);

    private final LtiContexts contexts;
    private final LtiRegistrationStore registrations;
    private final PlatformClient platform;
    private final CohortRosters rosters;
    private final Clock clock;

    RosterSync(LtiContexts contexts, LtiRegistrationStore registrations, PlatformClient platform,
               CohortRosters rosters, Clock clock) {
        this.contexts = contexts;
        this.registrations = registrations;
        this.platform = platform;
        this.rosters = rosters;
        this.clock = clock;
    }

    /** Syncs now; a platform failure is recorded and thrown as {@link PlatformClient.PlatformException}. */
    LtiContexts.LastSync sync(String tenantId, String cohortId) {
        LtiContexts.LtiContext context = contexts.find(tenantId, cohortId)
                .orElseThrow(() -> new NotFoundException("LTI course for cohort", cohortId));
        if (context.membershipsUrl() == null || context.membershipsUrl().isEmpty()) {
            throw new ConflictException("the course behind cohort '" + cohortId
                    + "' offers no membership service (its launches carried no NRPS claim)");
        }
        LtiRegistration reg = registrations.byId(context.registrationId())
                .orElseThrow(() -> new NotFoundException("LTI registration", context.registrationId()));
        try {
            List<PlatformClient.Member> members = platform.members(reg, context.membershipsUrl());
            List<String> learners = members.stream()
                    .filter(m -> !m.userId().isEmpty() && "Active".equalsIgnoreCase(m.status()))
                    .filter(m -> { Set<Role> r = LtiUsers.roles(m.roles());
                        return r.contains(Role.LEARNER) && !LtiUsers.isStaff(r); })
                    .map(m -> LtiUsers.userId(reg, m.userId())).distinct().toList();
            rosters.replace(tenantId, cohortId, learners);
            LtiContexts.LastSync result = new LtiContexts.LastSync(clock.instant(), members.size(), learners.size(), "");
            contexts.synced(tenantId, cohortId, result);
            LOG.info("LTI roster sync: cohort {} now has {} learners of {} members", cohortId, learners.size(),
                    members.size());
            return result;
        } catch (PlatformClient.PlatformException e) {
            contexts.synced(tenantId, cohortId, new LtiContexts.LastSync(clock.instant(), 0, 0, e.getMessage()));
            LOG.warn("LTI roster sync for cohort {} failed: {}", cohortId, e.getMessage());
            throw e;
        }
    }
}

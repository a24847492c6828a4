package org.markpoint.model.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

    private final AccessRules rules = new AccessRules(List.of(
            AccessRule.owned("GET", "/api/v1/progress/learners/{learnerId}/mastery", "learnerId",
                    Role.LEARNER, Role.TUTOR),
            AccessRule.of("POST", "/api/v1/questions", Role.AUTHOR),
            AccessRule.of("GET", "/api/v1/admin/**")));

    private static Identity who(String subject, Role... roles) {
        return new Identity(subject, "demo", Set.of(roles), Set.of(), Instant.EPOCH);
    }

    @Test
    void givenAPatternWithAVariable_whenMatched_thenTheSegmentIsCaptured() {
        assertThat(PathPatterns.match("/a/{id}/b", "/a/x1/b")).contains(Map.of("id", "x1"));
        assertThat(PathPatterns.match("/a/{id}/b", "/a/x1/b/c")).isEmpty();
        assertThat(PathPatterns.match("/a/{id}/b", "/a//b")).isEmpty();
        assertThat(PathPatterns.match("/a/**", "/a/x/y/z")).contains(Map.of());
        assertThat(PathPatterns.match("/a/**", "/a")).contains(Map.of());
        assertThat(PathPatterns.match("/a/**", "/ab")).isEmpty();
    }

    @Test
    void givenARoleTheRuleAllows_whenDecided_thenAllowed() {
        assertThat(rules.decide(who("a1", Role.AUTHOR), "POST", "/api/v1/questions"))
                .isInstanceOf(AccessRules.Decision.Allowed.class);
    }

    @Test
    void givenAHeadRequest_whenDecided_thenTheGetRuleApplies() {
        assertThat(rules.decide(who("l1", Role.LEARNER), "HEAD", "/api/v1/progress/learners/l1/mastery"))
                .isInstanceOf(AccessRules.Decision.Allowed.class);
        assertThat(rules.decide(who("a1", Role.AUTHOR), "HEAD", "/api/v1/questions"))
                .isInstanceOf(AccessRules.Decision.Forbidden.class);
    }

    @Test
    void givenAnAdmin_whenAnyRuleMatches_thenAllowed() {
        assertThat(rules.decide(who("ad", Role.ADMIN), "POST", "/api/v1/questions"))
                .isInstanceOf(AccessRules.Decision.Allowed.class);
    }

    @Test
    void givenAnotherRole_whenDecided_thenForbiddenNamingTheRoles() {
        var d = rules.decide(who("l1", Role.LEARNER), "POST", "/api/v1/questions");
        assertThat(d).isEqualTo(new AccessRules.Decision.Forbidden("this needs one of the roles [admin, author]",
                List.of("admin", "author")));
    }

    @Test
    void givenALearner_whenAskingAboutThemselves_thenAllowedAsLearnerOnly() {
        var d = rules.decide(who("l1", Role.LEARNER), "GET", "/api/v1/progress/learners/l1/mastery");
        assertThat(d).isInstanceOfSatisfying(AccessRules.Decision.Allowed.class,
                a -> assertThat(a.asLearnerOnly()).isTrue());
    }

    @Test
    void givenALearner_whenAskingAboutAnotherLearner_thenForbidden() {
        assertThat(rules.decide(who("l1", Role.LEARNER), "GET", "/api/v1/progress/learners/l2/mastery"))
                .isInstanceOf(AccessRules.Decision.Forbidden.class);
    }

    @Test
    void givenATutorWhoIsAlsoALearner_whenAskingAboutAnyLearner_thenAllowedUnrestricted() {
        var d = rules.decide(who("t1", Role.LEARNER, Role.TUTOR), "GET", "/api/v1/progress/learners/l2/mastery");
        assertThat(d).isInstanceOfSatisfying(AccessRules.Decision.Allowed.class,
                a -> assertThat(a.asLearnerOnly()).isFalse());
    }

    @Test
    void givenAPathNoRuleCovers_whenDecided_thenForbiddenEvenForAnAdmin() {
        assertThat(rules.decide(who("ad", Role.ADMIN), "DELETE", "/api/v1/questions"))
                .isInstanceOf(AccessRules.Decision.Forbidden.class);
    }
}

package org.markpoint.model.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A service's whole authorisation table, checked in one place (the service's identity filter): the first rule whose
 * method and pattern match decides; a path no rule covers is refused (deny by default), so a new endpoint without a
 * rule cannot be reached until someone decides who may call it.
 */
public final class AccessRules {

    /** What the table says about one request. */
    public sealed interface Decision {

        /**
         * Allowed. {@code asLearnerOnly}: the caller holds no role but learner that the rule allows, so the request
         * may only touch the caller's own data (other learners' ids answer 404 or 403 as the endpoint says).
         */
        record Allowed(AccessRule rule, boolean asLearnerOnly) implements Decision {
        }

        /** 403: the caller's roles are not among the rule's, or a learner asked about another learner. */
        record Forbidden(String reason, List<String> requiredRoles) implements Decision {
        }
    }

    private final List<AccessRule> rules;

    public AccessRules(List<AccessRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<AccessRule> rules() {
        return rules;
    }

    public Optional<AccessRule> find(String method, String path) {
        return rules.stream().filter(r -> r.match(method, path).isPresent()).findFirst();
    }

    public Decision decide(Identity who, String method, String path) {
        for (AccessRule rule : rules) {
            Optional<Map<String, String>> vars = rule.match(method, path);
            if (vars.isEmpty()) {
                continue;
            }
            Set<Role> granting = EnumSet.noneOf(Role.class);
            granting.addAll(who.roles());
            granting.retainAll(rule.roles());
            if (granting.isEmpty()) {
                return new Decision.Forbidden("this needs one of the roles " + rule.roleNames(), rule.roleNames());
            }
            boolean learnerOnly = granting.equals(Set.of(Role.LEARNER));
            if (learnerOnly && !rule.ownerVariable().isEmpty()
                    && !who.subject().equals(vars.get().get(rule.ownerVariable()))) {
                return new Decision.Forbidden("a learner may only see their own data", rule.roleNames());
            }
            return new Decision.Allowed(rule, learnerOnly);
        }
        return new Decision.Forbidden("no access rule covers " + method + " " + path, List.of());
    }
}

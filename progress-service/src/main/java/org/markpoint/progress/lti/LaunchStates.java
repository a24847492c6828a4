package org.markpoint.progress.lti;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Short-lived, single-use records of the launch flow, in the database so any instance can finish what another
 * began: the {@code state}/{@code nonce} pair a login hands the platform (consumed by the launch, so replaying a
 * launch fails), and a deep-linking request waiting for the teacher's pick.
 */
@Component
class LaunchStates {

    static final Duration LOGIN_TTL = Duration.ofMinutes(10);
    static final Duration PICK_TTL = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Document("lti_states")
    record LoginState(@Id String state, String registrationId, String nonce, String targetLinkUri, Instant expiresAt) {
    }

    @Document("lti_deep_links")
    record PendingPick(@Id String id, String registrationId, String deploymentId, String subject,
                       LtiMessage.DeepLinkSettings settings, Instant expiresAt) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    LaunchStates(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    LoginState begin(String registrationId, String targetLinkUri) {
        return mongo.insert(new LoginState(random(), registrationId, random(), targetLinkUri,
                clock.instant().plus(LOGIN_TTL)));
    }

    /** The login this state belongs to, removed so it cannot be used twice; empty if unknown, used or expired. */
    Optional<LoginState> consume(String state) {
        return Optional.ofNullable(mongo.findAndRemove(new Query(Criteria.where("_id").is(state)), LoginState.class))
                .filter(s -> s.expiresAt().isAfter(clock.instant()));
    }

    PendingPick awaitPick(String registrationId, LtiMessage message) {
        return mongo.insert(new PendingPick(random(), registrationId, message.deploymentId(), message.subject(),
                message.deepLinking(), clock.instant().plus(PICK_TTL)));
    }

    Optional<PendingPick> takePick(String id) {
        return Optional.ofNullable(mongo.findAndRemove(new Query(Criteria.where("_id").is(id)), PendingPick.class))
                .filter(p -> p.expiresAt().isAfter(clock.instant()));
    }

    @Scheduled(fixedDelay = 600_000, initialDelay = 60_000)
    void forgetExpired() {
        Query expired = new Query(Criteria.where("expiresAt").lt(clock.instant()));
        mongo.remove(expired, LoginState.class);
        mongo.remove(expired, PendingPick.class);
    }

    static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package org.markpoint.progress.security;

import java.time.Duration;
import java.time.Instant;
import org.markpoint.model.security.IdentityCodec;
import org.springframework.stereotype.Component;

/**
 * The caller's identity for a call this service makes to another on their behalf (progress to marking): the same
 * identity, signed afresh for {@link #LIFETIME} like the gateway's, so a long request cannot forward an expired one.
 */
@Component
public class ForwardedIdentity {

    static final Duration LIFETIME = Duration.ofSeconds(60);

    private final IdentityCodec codec;

    ForwardedIdentity(IdentityCodec codec) {
        this.codec = codec;
    }

    /** The two header values for the current request's caller; call it on the request's own thread. */
    public IdentityCodec.Headers current() {
        return codec.sign(CurrentIdentity.get().withExpiry(Instant.now().plus(LIFETIME)));
    }
}

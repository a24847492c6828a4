package org.markpoint.model.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a service keeps about an erased learner: a SHA-256 of tenant and learner id, never the id itself. Every
 * service derives the same value, so an erasure's tombstones (that block a late event from bringing the learner back)
 * and its progress can be looked up across services without any of them storing the id.
 */
public final class LearnerPseudonym {

    private LearnerPseudonym() {
    }

    public static String of(String tenantId, String learnerId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((tenantId + "\u0000" + learnerId).getBytes(StandardCharsets.UTF_8));
            return "erased-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}

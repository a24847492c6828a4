package org.markpoint.progress.lti;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One LMS (platform) registered with Markpoint: who it is ({@code issuer} + {@code clientId} the platform gave
 * Markpoint), the deployments it may launch from, and its endpoints. Launches from it land in {@code tenantId}.
 */
@Document("lti_registrations")
@CompoundIndex(name = "issuer_client", def = "{'issuer': 1, 'clientId': 1}", unique = true)
@CompoundIndex(name = "tenant_id", def = "{'tenantId': 1, '_id': 1}")
public record LtiRegistration(@Id String id, String tenantId, String name, String issuer, String clientId,
                              List<String> deploymentIds, String authLoginUrl, String tokenUrl, String jwksUrl,
                              Instant createdAt) {

    public LtiRegistration {
        deploymentIds = deploymentIds == null ? List.of() : List.copyOf(deploymentIds);
        name = name == null ? "" : name;
    }
}

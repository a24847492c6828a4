package org.markpoint.progress.lti;

import java.util.List;
import java.util.Map;

/**
 * The parts of a validated LTI 1.3 launch (id_token) Markpoint uses. Empty strings and lists where the platform
 * sent nothing.
 *
 * @param lineItemUrl     AGS line item the launch's score goes to (empty: no grade passback)
 * @param membershipsUrl  NRPS context membership URL (empty: no roster service)
 */
record LtiMessage(String messageType, String deploymentId, String subject, String name, List<String> roles,
                  String contextId, String contextTitle, String resourceLinkId, String resourceLinkTitle,
                  String targetLinkUri, Map<String, String> custom, String lineItemUrl, List<String> agsScopes,
                  String membershipsUrl, DeepLinkSettings deepLinking) {

    static final String RESOURCE_LINK = "LtiResourceLinkRequest";
    static final String DEEP_LINKING = "LtiDeepLinkingRequest";

    /** Where and how a deep-linking response goes back (only on a deep-linking request). */
    record DeepLinkSettings(String returnUrl, List<String> acceptTypes, String data, boolean acceptLineItem) {
    }

    LtiMessage {
        roles = List.copyOf(roles);
        custom = Map.copyOf(custom);
        agsScopes = List.copyOf(agsScopes);
    }

    boolean canPostScores() {
        return !lineItemUrl.isEmpty() && agsScopes.contains(PlatformClient.SCORE_SCOPE);
    }
}

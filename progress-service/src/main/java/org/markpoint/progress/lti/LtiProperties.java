package org.markpoint.progress.lti;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code markpoint.lti.*}: the LTI 1.3 tool.
 *
 * @param toolUrl         the public URL LMSs and browsers reach Markpoint at (the gateway); login, launch and JWKS
 *                        URLs hang off it
 * @param sessionIssuer   {@code iss} of the session tokens a launch hands the browser (the gateway trusts it)
 * @param sessionLifetime how long such a session lasts
 * @param keyGrace        how long a rotated-out key stays published, so platforms that cached it still verify
 * @param allowPrivateUrls whether platform URLs may be http or point inside Markpoint's network ({@link UrlPolicy})
 */
@ConfigurationProperties("markpoint.lti")
public record LtiProperties(String toolUrl, String sessionIssuer, Duration sessionLifetime, Duration keyGrace,
                            boolean allowPrivateUrls) {

    public LtiProperties {
        toolUrl = toolUrl == null || toolUrl.isBlank() ? "http://localhost:8080" : toolUrl.strip().replaceAll("/+$", "");
        sessionIssuer = sessionIssuer == null || sessionIssuer.isBlank() ? "markpoint-lti" : sessionIssuer.strip();
        sessionLifetime = sessionLifetime == null ? Duration.ofHours(8) : sessionLifetime;
        keyGrace = keyGrace == null ? Duration.ofDays(7) : keyGrace;
    }

    public String loginUrl() {
        return toolUrl + "/lti/login";
    }

    public String launchUrl() {
        return toolUrl + "/lti/launch";
    }

    /** The tool keys of one tenant. */
    public String jwksUrl(String tenantId) {
        return toolUrl + "/lti/jwks/" + tenantId;
    }
}

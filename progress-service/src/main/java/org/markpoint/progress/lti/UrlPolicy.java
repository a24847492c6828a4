package org.markpoint.progress.lti;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which platform URLs Markpoint will call (registrations' endpoints, and the line item, membership and deep-linking
 * return URLs a launch names). With {@code markpoint.lti.allow-private-urls} off (production): https only, and never
 * an address inside the network Markpoint runs in (loopback, private, link-local, unique-local), so a registration
 * cannot turn the tool into a way to reach internal services. On (the default for a local stack and the tests, whose
 * test LMS is on loopback): any http(s) URL.
 */
@Component
class UrlPolicy {

    private final boolean allowPrivate;

    UrlPolicy(LtiProperties props) {
        this.allowPrivate = props.allowPrivateUrls();
    }

    /** Why Markpoint will not call {@code url}, or empty when it may. */
    Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("is not an absolute http(s) URL");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        if (!scheme.equals("https")) {
            return Optional.of("must be https");
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (internal(address)) {
                    return Optional.of("points inside Markpoint's own network (" + address.getHostAddress() + ")");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        return Optional.empty();
    }

    private static boolean internal(InetAddress a) {
        boolean uniqueLocal = a instanceof Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc;
        return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress() || uniqueLocal;
    }
}

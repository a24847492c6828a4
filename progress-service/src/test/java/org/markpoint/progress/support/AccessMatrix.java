package org.markpoint.progress.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.markpoint.model.security.AccessRule;
import org.markpoint.model.security.AccessRules;
import org.markpoint.model.security.Identity;
import org.markpoint.model.security.IdentityCodec;
import org.markpoint.model.security.Role;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role x endpoint x tenant matrix: every {@code /api} endpoint the service maps (read from Spring MVC, so a new
 * one without a rule and a sample fails), called with no identity, a forged and an expired one (401), then as each
 * role of its own tenant and of another: a role the access table refuses gets 403, an allowed one the sample's
 * expected status (another tenant's ids: 404).
 */
public final class AccessMatrix {

    /**
     * One request per endpoint. {@code own}: the status an allowed caller of the fixtures' tenant gets;
     * {@code other}: an allowed caller of another tenant (404 where the path names the first tenant's data).
     */
    public record Sample(String method, String pattern, String path, Supplier<String> body, String contentType,
                         List<String> headers, int own, int other) {

        public static Sample of(String method, String pattern, String path, int own, int other) {
            return new Sample(method, pattern, path, () -> null, "application/json", List.of(), own, other);
        }

        public Sample body(Supplier<String> next) {
            return new Sample(method, pattern, path, next, contentType, headers, own, other);
        }

        public Sample body(String fixed) {
            return body(() -> fixed);
        }

        public Sample contentType(String type) {
            return new Sample(method, pattern, path, body, type, headers, own, other);
        }

        public Sample header(String name, String value) {
            List<String> h = new ArrayList<>(headers);
            h.add(name);
            h.add(value);
            return new Sample(method, pattern, path, body, contentType, h, own, other);
        }

        String key() {
            return method + " " + pattern;
        }
    }

    /** A generic sample's expectation for an allowed caller: past the filter, and no server error. */
    static final int ANY = -1;

    private final String baseUrl;
    private final AccessRules rules;
    private final String ownTenant;
    private final String otherTenant;

    public AccessMatrix(String baseUrl, AccessRules rules, String ownTenant, String otherTenant) {
        this.baseUrl = baseUrl;
        this.rules = rules;
        this.ownTenant = ownTenant;
        this.otherTenant = otherTenant;
    }

    /** {@code METHOD /pattern} of every {@code /api} endpoint Spring MVC maps. */
    public static Set<String> endpoints(RequestMappingHandlerMapping mapping) {
        Set<String> out = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    info.getMethodsCondition().getMethods().forEach(m -> out.add(m.name() + " " + pattern));
                }
            }
        }
        return out;
    }

    /** Fails naming each mapped endpoint that no access rule covers. */
    public void assertCovers(Set<String> endpoints) {
        for (String endpoint : endpoints) {
            String[] mp = endpoint.split(" ", 2);
            assertThat(rules.find(mp[0], mp[1])).as("an access rule for " + endpoint + " in the service's AccessTable")
                    .isPresent();
        }
    }

    /**
     * The matrix over {@code samples} and, for each mapped endpoint they leave out (one another change added), a
     * generic sample: its path variables unknown ids, so only who gets past the filter is checked (401, 403, or
     * anything but those and 5xx).
     */
    public Stream<DynamicTest> tests(Set<String> endpoints, List<Sample> samples) {
        Set<String> sampled = new TreeSet<>(samples.stream().map(Sample::key).toList());
        List<Sample> all = new ArrayList<>(samples);
        for (String endpoint : endpoints) {
            if (!sampled.contains(endpoint)) {
                String[] mp = endpoint.split(" ", 2);
                Sample generic = Sample.of(mp[0], mp[1], mp[1].replaceAll("\\{[^}]+}", "matrix-unknown"), ANY, ANY);
                all.add(mp[0].equals("POST") || mp[0].equals("PUT") ? generic.body("{}") : generic);
            }
        }
        return all.stream().flatMap(s -> {
            AccessRule rule = rules.find(s.method(), s.path().split("\\?")[0]).orElseThrow(() -> new AssertionError(
                    "no rule matches the sample " + s.method() + " " + s.path()));
            List<DynamicTest> out = new ArrayList<>();
            out.add(DynamicTest.dynamicTest(s.key() + " with no identity -> 401",
                    () -> expect(s, send(s, List.of()), 401)));
            out.add(DynamicTest.dynamicTest(s.key() + " with a forged signature -> 401",
                    () -> expect(s, send(s, forged()), 401)));
            out.add(DynamicTest.dynamicTest(s.key() + " with an expired identity -> 401",
                    () -> expect(s, send(s, expired()), 401)));
            for (Role role : Role.values()) {
                boolean allowed = rule.roles().contains(role);
                for (String tenant : List.of(ownTenant, otherTenant)) {
                    int want = !allowed ? 403 : tenant.equals(ownTenant) ? s.own() : s.other();
                    out.add(DynamicTest.dynamicTest(s.key() + " as " + role.wireName() + " of " + tenant + " -> "
                            + want, () -> expect(s, send(s, signed(TestIdentity.of(subject(role), tenant, role))),
                            want)));
                }
            }
            return out.stream();
        });
    }

    /** The learner fixtures belong to: a learner in the matrix asks about themselves. */
    public static String subject(Role role) {
        return role.wireName() + "1";
    }

    private static void expect(Sample s, HttpResponse<String> r, int status) {
        if (status == ANY) {
            assertThat(r.statusCode()).as(s.method() + " " + s.path() + ": " + r.body()).isNotIn(401, 403)
                    .isLessThan(500);
            return;
        }
        assertThat(r.statusCode()).as(s.method() + " " + s.path() + ": " + r.body()).isEqualTo(status);
        if (status == 401 || status == 403) {
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("application/problem+json"));
        }
    }

    private static List<String> signed(Identity who) {
        return List.of(TestIdentity.headers(who));
    }

    private static List<String> forged() {
        IdentityCodec.Headers h = new IdentityCodec("another-secret-nobody-shares-0123456789").sign(
                TestIdentity.of("intruder", "demo", Role.values()));
        return List.of(IdentityCodec.HEADER, h.identity(), IdentityCodec.SIGNATURE_HEADER, h.signature());
    }

    private static List<String> expired() {
        IdentityCodec.Headers h = TestIdentity.CODEC.sign(TestIdentity.of("late", "demo", Role.values())
                .withExpiry(Instant.now().minusSeconds(5)));
        return List.of(IdentityCodec.HEADER, h.identity(), IdentityCodec.SIGNATURE_HEADER, h.signature());
    }

    private HttpResponse<String> send(Sample s, List<String> identity) {
        String body = s.body().get();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + s.path())).method(s.method(),
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", s.contentType());
        }
        List<String> all = new ArrayList<>(s.headers());
        all.addAll(identity.isEmpty() ? List.of(Http.ANONYMOUS, "yes") : identity);
        for (int i = 0; i + 1 < all.size(); i += 2) {
            b.header(all.get(i), all.get(i + 1));
        }
        return Http.send(b.build());
    }
}

package org.markpoint.progress.lti;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Production policy for the URLs Markpoint calls on a platform's behalf: https, and never inside its network. */
class UrlPolicyTest {

    private static UrlPolicy policy(boolean allowPrivate) {
        return new UrlPolicy(new LtiProperties(null, null, null, null, allowPrivate));
    }

    @Test
    void givenProductionPolicy_whenInternalOrPlainHttpUrls_thenRefusedWithTheReason() {
        UrlPolicy strict = policy(false);
        assertThat(strict.refusal("http://lms.example.org/token")).hasValue("must be https");
        assertThat(strict.refusal("https://127.0.0.1:8083/api/v1/admin/learners")).get().asString()
                .contains("inside Markpoint's own network");
        assertThat(strict.refusal("https://10.1.2.3/x")).isPresent();
        assertThat(strict.refusal("https://169.254.169.254/latest/meta-data")).isPresent();
        assertThat(strict.refusal("https://[::1]/x")).isPresent();
        assertThat(strict.refusal("https://[fd00::1]/x")).isPresent();
        assertThat(strict.refusal("ftp://lms.example.org/x")).hasValue("is not an absolute http(s) URL");
        assertThat(strict.refusal("https://93.184.215.14/mod/lti/token.php")).isEmpty();
    }

    @Test
    void givenLocalPolicy_whenLoopbackHttp_thenAllowed() {
        assertThat(policy(true).refusal("http://127.0.0.1:9999/token")).isEmpty();
        assertThat(policy(true).refusal("not a url at all")).isPresent();
    }
}

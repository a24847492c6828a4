package org.markpoint.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.markpoint.progress.lti.LtiTestPlatform;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A learner arriving from an LMS (LTI 1.3, the test platform on loopback registered with the running stack): the
 * login and launch go through the gateway over HTTP as the LMS's browser would send them, then Chromium opens where
 * the launch redirects, signs in with the session token from the fragment, and shows the quiz's first question.
 */
class LmsLaunchIT extends BrowserIT {

    private static final String UNIT = "ocn-london-principles-of-customer-service-management";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void givenAnLtiLaunchRedirect_whenTheBrowserOpensIt_thenTheQuizShowsSignedInAsTheLmsLearner() throws Exception {
        String sub = "lms-" + UUID.randomUUID().toString().substring(0, 8);
        String location;
        try (LtiTestPlatform lms = new LtiTestPlatform("markpoint-ui", "deployment-ui")) {
            HttpResponse<String> registered = stack.post("/api/v1/admin/lti/registrations",
                    lms.registrationJson("Browser LMS"), "");
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            HttpResponse<String> login = postForm(stack.baseUrl() + "/lti/login", LtiTestPlatform.form(
                    lms.loginInitiation("hint-" + sub, stack.baseUrl() + "/lti/launch", null)));
            assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
            LtiTestPlatform.LoginRedirect auth = lms.authorize(URI.create(login.headers().firstValue("Location")
                    .orElseThrow()));
            // the tool URL is the gateway's (http://localhost:<gateway port>, ./markpoint start's default)
            HttpResponse<String> launched = postForm(auth.redirectUri().toString(), auth.launchForm(lms.idToken(
                    LtiTestPlatform.LaunchClaims.resourceLink(sub, "rl-ui").name("Lee Learner")
                            .context("course-ui", "Customer Service").custom("unit", UNIT)
                            .targetLinkUri(auth.redirectUri().toString()).nonce(auth.nonce()))));
            assertThat(launched.statusCode()).as(launched.body()).isEqualTo(303);
            location = launched.headers().firstValue("Location").orElseThrow();
        }
        assertThat(location).contains("/index.html#lti_token=").contains("&next=");
        String token = fragmentValue(location, "lti_token");
        String quizId = fragmentValue(location, "next").substring("/quiz/".length());
        String stem = RunningStack.field(stack.get("/api/v1/progress/quizzes/" + quizId).body(), "stem");

        browser.driver.manage().window().setSize(Browser.DESKTOP);
        browser.driver.get(location);

        browser.waitForHeading("Question 1");
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("/login.html").contains("#/quiz/" + quizId);
        assertThat((String) browser.js("return location.hash")).doesNotContain("lti_token").doesNotContain(token);
        assertThat(browser.text(".stem")).contains(stem);
        browser.waiting().until(ExpectedConditions.textMatches(By.id("session"),
                Pattern.compile("Signed in as lti-\\w+-" + sub + " \\(learner, demo\\)")));
        assertThat((String) browser.js("return sessionStorage.getItem('markpoint.token')")).isEqualTo(token);
    }

    private static HttpResponse<String> postForm(String url, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String fragmentValue(String location, String name) {
        for (String pair : location.substring(location.indexOf('#') + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + location);
    }
}

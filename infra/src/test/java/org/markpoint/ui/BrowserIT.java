package org.markpoint.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** A browser test class: the shared running stack, one headless browser for the class, a clean start per test. */
@ExtendWith(SharedStack.class)
abstract class BrowserIT {

    static RunningStack stack;
    static Browser browser;

    @BeforeAll
    static void openBrowser(RunningStack shared) throws Exception {
        stack = shared;
        browser = Browser.open();
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    /**
     * A desktop-size window on the home page, signed in as staff of the demo tenant (the token the sign-in page would
     * keep in sessionStorage) with nothing else remembered; {@code user} is who is signed in and the learner id typed
     * in ("" for nobody typed, signed in as infra-test).
     */
    static void openHome(String user) {
        String subject = user.isEmpty() ? "infra-test" : user;
        browser.driver.manage().window().setSize(Browser.DESKTOP);
        // the sign-in page makes no API calls, so nothing races the storage set-up below
        browser.driver.get(stack.baseUrl() + "/login.html");
        browser.js("localStorage.clear(); sessionStorage.clear();"
                + " sessionStorage.setItem('markpoint.token', arguments[0]);"
                + " sessionStorage.setItem('markpoint.identity', JSON.stringify({subject: arguments[1], tenant: 'demo',"
                + " roles: ['admin', 'tutor', 'author', 'lms'], expiresAt: Date.now() + 8 * 3600 * 1000}));"
                + (user.isEmpty() ? "" : " localStorage.setItem('markpoint.learnerId', '" + user + "');"),
                stack.token(subject), subject);
        browser.driver.get(stack.baseUrl() + "/");
    }
}

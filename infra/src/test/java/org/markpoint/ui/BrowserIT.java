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

    /** A desktop-size window on the home page with nothing remembered; {@code user} is who it is ("" for nobody). */
    static void openHome(String user) {
        browser.driver.manage().window().setSize(Browser.DESKTOP);
        browser.driver.get(stack.baseUrl() + "/");
        browser.js("localStorage.clear(); sessionStorage.clear();"
                + (user.isEmpty() ? "" : " localStorage.setItem('markpoint.learnerId', '" + user + "');"));
    }
}

package org.markpoint.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The dev sign-in as a new user meets it: sent to the sign-in page, picks a demo account, signed in, signs out. */
class SignInIT extends BrowserIT {

    @Test
    void givenNobodySignedIn_whenAppOpened_thenSignInPageThenBackSignedInAndSignOutWorks() {
        browser.driver.manage().window().setSize(Browser.DESKTOP);
        browser.driver.get(stack.baseUrl() + "/login.html");
        browser.js("localStorage.clear(); sessionStorage.clear();");

        // the app's first API call answers 401, which sends the user to sign in, remembering where they were
        browser.driver.get(stack.baseUrl() + "/#/progress");
        browser.waiting().until(ExpectedConditions.urlContains("/login.html?next="));
        browser.waitForHeading("Sign in");
        assertThat(browser.unlabelledControls()).isEmpty();

        browser.click(By.cssSelector("button[data-subject=learner1]"));
        browser.waiting().until(ExpectedConditions.urlContains("/#/progress"));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("session"),
                "Signed in as learner1 (learner, demo)"));
        assertThat((String) browser.js("return sessionStorage.getItem('markpoint.token')")).contains(".");
        // a signed-in learner does not type who they are
        assertThat(browser.driver.findElement(By.id("who")).isDisplayed()).isFalse();

        browser.click(By.cssSelector("#session button"));
        browser.waiting().withTimeout(Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/login.html"));
        assertThat(browser.js("return sessionStorage.getItem('markpoint.token')")).isNull();
    }

    @Test
    void givenOwnTenantAndRole_whenSignedInByTheForm_thenHeaderNamesThem() {
        browser.driver.manage().window().setSize(Browser.DESKTOP);
        browser.driver.get(stack.baseUrl() + "/login.html");
        browser.js("localStorage.clear(); sessionStorage.clear();");
        browser.driver.findElement(By.id("login-subject")).sendKeys("tina");
        browser.driver.findElement(By.id("login-role")).sendKeys("tutor");
        browser.driver.findElement(By.id("login-tenant")).clear();
        browser.driver.findElement(By.id("login-tenant")).sendKeys("college-b");
        browser.click(By.cssSelector("#login-form button[type=submit]"));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("session"),
                "Signed in as tina (tutor, college-b)"));
    }
}

package org.markpoint.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A tutor in a real Chromium against the real stack: makes a cohort on the tutor screen by keyboard, reads its
 * dashboard (heatmap from progress-service's cohort grid, outcomes ranked, learners at risk), opens a cell's answers,
 * and sees the cell change after the learner is marked again.
 */
class CohortDashboardIT extends BrowserIT {

    private static final String UNIT = "ocn-london-principles-of-customer-service-management";
    private static final String LO1 = UNIT + "-lo1";
    /** An LO1 question of the sample bank: 2 marks, one marking point on customer service management principles. */
    private static final String QUESTION = UNIT + "-q1";
    private static final String GOOD_ANSWER = "Customer service management principles such as communication and "
            + "empowerment matter because staff who can act resolve problems quickly, so customers stay loyal.";
    private static final String POOR_ANSWER = "I am not sure, maybe it is about being polite to people.";

    @Test
    void givenACohortWithAMarkedLearner_whenTutorOpensItsDashboard_thenTheCellShowsMasteryAndFollowsNewMarks()
            throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String learner = "cohort-" + suffix;
        String quiet = "quiet-" + suffix;
        String name = "Group " + suffix;
        mark(learner, GOOD_ANSWER);
        double first = TutorScreensIT.awaitMastery(browser, stack, learner, LO1, Double.NaN);

        openHome("tutor-tess"); // signed in
        browser.driver.get(stack.baseUrl() + "/#/tutor?unit=" + UNIT);
        browser.driver.navigate().refresh();
        browser.waitForHeading("Cohort mastery");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("cohort-name")));
        assertThat(browser.unlabelledControls()).isEmpty();

        // keyboard only: Tab to the new cohort's fields, type, Enter on "Create cohort"
        browser.js("arguments[0].focus()", browser.driver.findElement(By.tagName("h1")));
        browser.tabTo("cohort-name");
        browser.type(Keys.ENTER);
        assertThat(browser.text("#cohorts-heading ~ form [role=alert]")).contains("at least one learner");
        assertThat(browser.focusedId()).isEqualTo("cohort-name");
        browser.type(name);
        browser.tabTo("cohort-learners");
        browser.type(learner + ", " + quiet);
        browser.type(Keys.TAB, Keys.ENTER);

        browser.waitForHeading("Cohort: " + name);
        assertThat(browser.driver.getCurrentUrl()).contains("#/tutor/cohorts/").contains("unit=" + UNIT);
        By cell = By.cssSelector("td[data-learner='" + learner + "'][data-outcome='" + LO1 + "']");
        assertThat(browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(cell)).getText())
                .isEqualTo(percent(first) + " (1)");
        // the quiet learner has no evidence: the API's null mastery shows as "no answers", not 0%
        WebElement none = browser.driver.findElement(
                By.cssSelector("td[data-learner='" + quiet + "'][data-outcome='" + LO1 + "']"));
        assertThat(none.getText()).isEqualTo("—");
        assertThat(none.getAttribute("class")).contains("none");
        assertThat(none.findElement(By.tagName("button")).getAttribute("aria-label"))
                .isEqualTo(quiet + ", LO1: no answers");
        assertThat(browser.driver.findElement(cell).findElement(By.tagName("button")).getAttribute("aria-label"))
                .startsWith(learner + ", LO1: " + percent(first) + ", likely ").contains("1 answer");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".heatmap canvas")));
        // outcomes in the unit's order, not the ids' (LO10 after LO9)
        assertThat(browser.driver.findElements(By.cssSelector(".cohort-table thead th"))).extracting(WebElement::getText)
                .containsSubsequence("Learner", "LO1", "LO2", "LO9", "LO10");

        // outcomes weakest first: LO1 rests on this one learner, so its mean is their mastery
        WebElement ranked = browser.driver.findElement(By.xpath(
                "//section[@aria-labelledby='ranked-heading']//tr[th/strong[normalize-space()='LO1']]"));
        assertThat(ranked.findElements(By.tagName("td"))).extracting(WebElement::getText)
                .containsExactly(percent(first), "1", "0", "1");
        // at risk: the learner who never answered is inactive
        assertThat(browser.text("section[aria-labelledby=at-risk-heading] li[data-learner='" + quiet + "']"))
                .contains("No recent activity");
        assertThat(browser.driver.findElements(
                By.cssSelector("section[aria-labelledby=at-risk-heading] li[data-learner='" + learner + "']")))
                .isEmpty();
        assertThat(browser.unlabelledControls()).isEmpty();
        browser.screenshot("cohort-dashboard", Browser.DESKTOP);
        browser.driver.manage().window().setSize(Browser.PHONE);
        assertThat(browser.fitsWidth()).isTrue();
        browser.screenshot("cohort-dashboard-phone", Browser.PHONE);

        // a cell by keyboard opens that learner's answers for the outcome
        browser.js("arguments[0].id = 'cell-under-test'", browser.driver.findElement(cell).findElement(By.tagName("button")));
        browser.js("arguments[0].focus()", browser.driver.findElement(By.tagName("h1")));
        browser.tabTo("cell-under-test");
        browser.type(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.textToBe(By.id("cell-detail-heading"), learner + " · LO1"));
        WebElement answers = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#cohort-cell-detail .answer-list")));
        // focus moved to the answers' heading and stays there once they have loaded
        assertThat(browser.focusedId()).isEqualTo("cell-detail-heading");
        assertThat(answers.findElements(By.tagName("li"))).hasSize(1);
        assertThat(answers.getText()).contains("2 of 2").containsPattern("Q\\d+: ").contains("Open the mark");

        // marked again, worse: after a reload the cell shows the new mastery from two answers
        mark(learner, POOR_ANSWER);
        double second = TutorScreensIT.awaitMastery(browser, stack, learner, LO1, first);
        assertThat(second).isLessThan(first);
        browser.driver.manage().window().setSize(Browser.DESKTOP);
        browser.driver.navigate().refresh();
        browser.waitForHeading("Cohort: " + name);
        assertThat(browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(cell)).getText())
                .isEqualTo(percent(second) + " (2)");
        browser.click(By.cssSelector("td[data-learner='" + learner + "'][data-outcome='" + LO1 + "'] button"));
        browser.waiting().until(d -> d.findElements(By.cssSelector("#cohort-cell-detail .answer-list > li")).size() == 2);
        // newest first
        assertThat(browser.text("#cohort-cell-detail .answer-list > li:first-child")).contains("0 of 2");
    }

    private static void mark(String learner, String answer) throws Exception {
        HttpResponse<String> marked = stack.post("/api/v1/marking/mark", "{\"answer\":\"" + answer
                + "\",\"learnerId\":\"" + learner + "\",\"questionId\":\"" + QUESTION + "\"}", "");
        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);
    }

    /** As the UI writes a mastery: a whole percentage. */
    private static String percent(double mastery) {
        return Math.round(mastery * 100) + "%";
    }
}

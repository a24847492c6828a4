package org.markpoint.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A tutor in a real Chromium against the real stack with the sample bank: moderate a mark (and see the learner's
 * mastery move), browse the bank and try a scheme on a sample answer, import a Moodle XML file.
 */
class TutorScreensIT extends BrowserIT {

    private static final String UNIT = "ocn-london-principles-of-customer-service-management";
    private static final String LO1 = UNIT + "-lo1";
    /** An LO1 question of the sample bank: 2 marks, one marking point on customer service management principles. */
    private static final String QUESTION = UNIT + "-q1";
    private static final String GOOD_ANSWER = "Customer service management principles such as communication and "
            + "empowerment matter because staff who can act resolve problems quickly, so customers stay loyal.";

    @BeforeEach
    void freshPage() {
        openHome("tutor-tess");
    }

    @Test
    void givenAnAppealedMark_whenTutorOverridesItByKeyboardWithAReason_thenTheLearnersMasteryDrops() throws Exception {
        String learner = "moderated-" + UUID.randomUUID().toString().substring(0, 6);
        var marked = stack.post("/api/v1/marking/mark", "{\"answer\":\"" + GOOD_ANSWER + "\",\"learnerId\":\""
                + learner + "\",\"questionId\":\"" + QUESTION + "\"}", "");
        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);
        String markId = RunningStack.field(marked.body(), "markId");
        assertThat(marked.body()).contains("\"mark\":2,");
        double before = awaitMastery(learner, Double.NaN);
        var appealed = stack.post("/api/v1/marking/marks/" + markId + "/appeal",
                "{\"reason\":\"I think I said more than this\"}", "");
        assertThat(appealed.statusCode()).as(appealed.body()).isEqualTo(200);

        open("#/tutor/moderation?question=" + QUESTION);
        browser.waitForHeading("Moderation");
        WebElement item = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("li[data-mark-id='" + markId + "']")));
        assertThat(item.getText()).contains(learner).contains("2 of 2").contains("appealed");
        assertThat(browser.unlabelledControls()).isEmpty();
        browser.screenshot("moderation", Browser.DESKTOP);

        // keyboard only from here: Tab to the mark's link, Enter, Tab to the fields, type, Enter
        browser.js("arguments[0].focus()", browser.driver.findElement(By.tagName("h1")));
        String link = (String) browser.js("const a = document.querySelector(\"li[data-mark-id='\" + arguments[0]"
                + " + \"'] h3 a\"); a.id = 'queue-link'; return a.id;", markId);
        browser.tabTo(link);
        browser.type(Keys.ENTER);
        browser.waitForHeading("Review a mark");
        assertThat(browser.text("[data-testid=review-state]")).contains("Waiting for review")
                .contains("I think I said more than this");
        WebElement shown = browser.driver.findElement(By.cssSelector("[data-testid=highlighted-answer]"));
        assertThat(browser.answerAsShown(shown)).isEqualTo(GOOD_ANSWER);
        assertThat(shown.findElements(By.cssSelector("mark[data-point]"))).isNotEmpty();
        assertThat(browser.unlabelledControls()).isEmpty();

        browser.tabTo("override-mark");
        browser.type("0", Keys.ENTER);
        // no reason yet: the form says so and takes the tutor to the reason box
        assertThat(browser.text("#decision-error [role=alert]")).contains("Give a reason");
        assertThat(browser.focusedId()).isEqualTo("override-reason");
        browser.type("The answer names the principles but does not analyse their impact.");
        browser.type(Keys.TAB, Keys.ENTER);

        browser.waiting().until(ExpectedConditions.textToBe(By.id("decision-heading"), "Saved: 0 of 2"));
        assertThat(browser.focusedId()).isEqualTo("decision-heading");
        assertThat(browser.text("[data-testid=review-state]")).contains("Overridden to 0 of 2").contains("tutor-tess");
        WebElement moved = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=mastery-after]")));
        assertThat(moved.getText()).contains("LO1").contains("→");
        double after = awaitMastery(learner, before);
        assertThat(after).isLessThan(before);
        browser.screenshot("moderation-review", Browser.DESKTOP);
        browser.driver.manage().window().setSize(Browser.PHONE);
        assertThat(browser.fitsWidth()).isTrue();
        browser.screenshot("moderation-review-phone", Browser.PHONE);

        browser.click(By.linkText("Back to the queue"));
        browser.waitForHeading("Moderation");
        assertThat(browser.driver.findElements(By.cssSelector("li[data-mark-id='" + markId + "']"))).isEmpty();
        WebElement agreement = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=agreement-table] tr[data-question-id='" + QUESTION + "']")));
        // one moderated mark: the engine gave 2, the tutor 0, so neither exact nor within one mark
        assertThat(agreement.findElements(By.tagName("td"))).extracting(WebElement::getText)
                .startsWith("1", "0%", "0%");
        assertThat(browser.text("[data-testid=agreement-overall]")).contains("moderated mark");
    }

    @Test
    void givenTheBank_whenTutorTriesASampleAnswer_thenPreviewHighlightsEvidenceAndBadInputIsHandled() throws Exception {
        open("#/bank");
        browser.waitForHeading("Question bank");
        browser.click(By.cssSelector("a[href='#/bank/units/" + UNIT + "']"));
        browser.waitForHeading("Principles of Customer Service Management");
        WebElement question = browser.driver.findElement(By.cssSelector("li[data-question-id='" + QUESTION + "']"));
        assertThat(browser.text("#bank-" + LO1)).startsWith("LO1");
        question.findElement(By.tagName("summary")).click();
        assertThat(question.findElement(By.cssSelector(".scheme")).getText()).contains("Accept:")
                .contains("customer service management principles");
        browser.screenshot("bank", Browser.DESKTOP);

        question.findElement(By.partialLinkText("Try it")).click();
        browser.waitForHeading("Try and edit a question");
        assertThat(browser.text("[data-testid=question-stem]")).contains("Analyse");

        browser.click(By.xpath("//button[normalize-space()='Mark it']"));
        assertThat(browser.text("#tryit-error [role=alert]")).contains("Type a sample answer");
        browser.js("const box = document.getElementById('tryit-answer'); box.value = 'service '.repeat(6250);"
                + "box.dispatchEvent(new Event('input', {bubbles: true}));");
        assertThat(browser.text("#tryit-error [role=alert]")).contains("50,000 characters").contains("20,000");
        browser.click(By.xpath("//button[normalize-space()='Mark it']"));
        assertThat(browser.driver.findElements(By.cssSelector("#tryit-result *"))).isEmpty();

        String hostile = "<script>window.__xss = 1</script><img src=x onerror=\"window.__xss = 2\"> " + GOOD_ANSWER;
        WebElement answer = browser.driver.findElement(By.id("tryit-answer"));
        answer.clear();
        answer.sendKeys(hostile);
        browser.click(By.xpath("//button[normalize-space()='Mark it']"));
        WebElement shown = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#tryit-result [data-testid=highlighted-answer]")));
        assertThat(browser.answerAsShown(shown)).isEqualTo(hostile);
        assertThat(shown.findElements(By.cssSelector("script, img"))).isEmpty();
        assertThat(browser.js("return typeof window.__xss")).isEqualTo("undefined");
        for (WebElement highlight : shown.findElements(By.cssSelector("mark[data-point]"))) {
            assertThat(GOOD_ANSWER.toLowerCase()).contains(highlight.getText().strip().toLowerCase());
        }
        assertThat(shown.findElements(By.cssSelector("mark[data-point]"))).isNotEmpty();
        assertThat(browser.text("#tryit-result [data-testid=mark]")).isEqualTo("2");
        assertThat(browser.text("#tryit-result .breakdown-points")).contains("Hit");
        browser.screenshot("bank-try-it", Browser.DESKTOP);
        browser.driver.manage().window().setSize(Browser.PHONE);
        assertThat(browser.fitsWidth()).isTrue();
        browser.screenshot("bank-try-it-phone", Browser.PHONE);

        // the draft editor is labelled throughout (saving it needs question-service's draft API)
        browser.click(By.xpath("//button[normalize-space()='Edit the scheme']"));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ed-p0-text")));
        assertThat(browser.focusedId()).isEqualTo("ed-stem");
        browser.click(By.xpath("//button[normalize-space()='Add a marking point']"));
        assertThat(browser.focusedId()).isEqualTo("ed-p1-text");
        assertThat(browser.unlabelledControls()).isEmpty();
        assertThat(browser.fitsWidth()).isTrue();
    }

    @Test
    void givenASmallMoodleXmlFile_whenImported_thenProgressAndAReportOfEveryItem() throws Exception {
        Path file = Files.createTempDirectory("markpoint-import-").resolve("complaints-quiz.xml");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <quiz>
                  <question type="category"><category><text>$course$/top/Complaint handling</text></category></question>
                  <question type="essay">
                    <name><text>Complaint as feedback</text></name>
                    <questiontext format="html"><text><![CDATA[<p>Explain why a complaint can be good for a business.</p>]]></text></questiontext>
                    <defaultgrade>2</defaultgrade>
                    <graderinfo format="html"><text><![CDATA[<ul><li>Complaints show where the service fails</li><li>A resolved complaint can increase loyalty</li></ul>]]></text></graderinfo>
                  </question>
                  <question type="shortanswer">
                    <name><text>LASS model</text></name>
                    <questiontext format="html"><text><![CDATA[<p>State what the first L in the LASS model stands for.</p>]]></text></questiontext>
                    <defaultgrade>1</defaultgrade>
                    <answer fraction="100"><text>Listen</text></answer>
                  </question>
                  <question type="multichoice">
                    <name><text>Pick one</text></name>
                    <questiontext format="html"><text>Which?</text></questiontext>
                  </question>
                </quiz>
                """);
        open("#/bank/import");
        browser.waitForHeading("Import questions");
        assertThat(browser.unlabelledControls()).isEmpty();
        browser.click(By.xpath("//button[normalize-space()='Import']"));
        assertThat(browser.text("#import-error [role=alert]")).contains("Choose a file");

        browser.driver.findElement(By.id("import-file")).sendKeys(file.toString());
        browser.click(By.xpath("//button[normalize-space()='Import']"));
        WebElement summary = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=import-summary]")));
        assertThat(summary.getText()).contains("2 created").contains("1 imported").contains("1 skipped");
        assertThat(browser.text("#import-progress-label")).startsWith("Finished: 3 of 3");
        WebElement progress = browser.driver.findElement(By.id("import-progress"));
        assertThat(progress.getAttribute("value")).isEqualTo(progress.getAttribute("max"));
        assertThat(browser.text("[data-testid=import-items]")).contains("complaint-handling-complaint-as-feedback")
                .contains("complaint-handling-lass-model").contains("Created");
        assertThat(browser.text("[data-testid=import-skipped]")).contains("multichoice").contains("not imported");
        browser.screenshot("import", Browser.DESKTOP);

        browser.click(By.linkText("complaint-handling-lass-model"));
        browser.waitForHeading("Try and edit a question");
        assertThat(browser.text("[data-testid=question-stem]")).contains("LASS model");
    }

    private void open(String hash) {
        browser.driver.get(stack.baseUrl() + "/" + hash);
        browser.driver.navigate().refresh();
    }

    /** The learner's LO1 mastery once it differs from {@code previous} (NaN: once it exists). */
    private double awaitMastery(String learner, double previous) {
        return awaitMastery(browser, stack, learner, LO1, previous);
    }

    /** The learner's mastery of the outcome once it differs from {@code previous} (NaN: once it exists). */
    static double awaitMastery(Browser browser, RunningStack stack, String learner, String outcome, double previous) {
        double[] seen = {Double.NaN};
        browser.waiting().withTimeout(Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(300)).until(d -> {
            try {
                seen[0] = stack.mastery(learner, outcome);
            } catch (Exception e) {
                return false;
            }
            return !Double.isNaN(seen[0]) && (Double.isNaN(previous) || seen[0] != previous);
        });
        return seen[0];
    }
}

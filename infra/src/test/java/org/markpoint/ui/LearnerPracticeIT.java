package org.markpoint.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A learner in a real Chromium against the real stack (./markpoint start: Kafka, MongoDB-wire, the three services,
 * the gateway serving the UI) with the bundled sample bank: revise a unit, practise, read the mark.
 */
class LearnerPracticeIT extends BrowserIT {

    private static final String UNIT = "ocn-london-principles-of-customer-service-management";
    private static final String LO1 = UNIT + "-lo1";
    /** Names the marking points of both LO1 questions in the sample bank (q1 and q11). */
    private static final String GOOD_ANSWER = "Customer service management principles such as communication, "
            + "empowerment and a strong service culture matter because staff who can act resolve problems "
            + "quickly, so customers stay loyal and business performance improves.";

    @BeforeEach
    void freshPage() {
        openHome("");
    }

    @Test
    void givenLearner_whenPractisesAQuestionOfAUnit_thenSeesTheMarkWithTheirOwnWordsHighlighted() throws Exception {
        String learner = "amira-" + UUID.randomUUID().toString().substring(0, 6);
        browser.driver.get(stack.baseUrl() + "/");
        browser.waitForHeading("Units");
        browser.screenshot("units", Browser.DESKTOP);

        browser.driver.findElement(By.id("learner-id")).sendKeys(learner);
        browser.driver.findElement(By.cssSelector("#who button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("who-status"), learner));

        // saving the name re-renders the page, so the link may be replaced under us: click() retries on a stale one
        browser.click(By.cssSelector("a[href='#/units/" + UNIT + "']"));
        browser.waitForHeading("Principles of Customer Service Management");
        assertThat(browser.text("#synopsis")).contains("customer service");
        assertThat(browser.text("#mistakes")).contains("Correction");
        assertThat(browser.text("#outcomes")).contains("LO1").contains("Not started");
        browser.screenshot("unit", Browser.DESKTOP);

        browser.click(By.cssSelector("a[href='#/units/" + UNIT + "/practise?lo=" + LO1 + "']"));
        WebElement answer = browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("answer")));
        browser.waitForHeading("Question 1");
        assertThat(browser.driver.getCurrentUrl()).contains("#/quiz/");
        assertThat(browser.text(".stem .command-word")).isNotBlank();
        assertThat(browser.text(".guidance")).contains("asks you to");
        answer.sendKeys(GOOD_ANSWER);
        int words = GOOD_ANSWER.split("\\s+").length;
        assertThat(browser.text("#answer-count")).startsWith(words + " words");
        browser.screenshot("question", Browser.DESKTOP);

        submit();
        browser.waitForHeading("Your mark");
        assertThat(Integer.parseInt(browser.text("[data-testid=mark]"))).isPositive();
        WebElement shown = browser.driver.findElement(By.cssSelector("[data-testid=highlighted-answer]"));
        assertThat(browser.answerAsShown(shown)).isEqualTo(GOOD_ANSWER);
        List<WebElement> highlights = shown.findElements(By.cssSelector("mark[data-point]"));
        assertThat(highlights).isNotEmpty();
        for (WebElement highlight : highlights) {
            String words1 = highlight.getText().strip();
            assertThat(words1).isNotBlank();
            assertThat(GOOD_ANSWER.toLowerCase()).contains(words1.toLowerCase());
        }
        assertThat(browser.text("#hit-heading")).isEqualTo("Marking points you hit");
        assertThat(browser.text(".verdict")).containsAnyOf("Done", "Not yet");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".mastery-change"), "Your mastery now"));
        browser.screenshot("result", Browser.DESKTOP);
        browser.screenshot("result-phone", Browser.PHONE);

        browser.driver.findElement(By.linkText("Back to OL-PCSM")).click();
        browser.waitForHeading("Principles of Customer Service Management");
        WebElement lo1Mastery = browser.driver.findElement(
                By.xpath("//h3[@id='lo-" + LO1 + "']/following-sibling::div[contains(@class,'mastery')]"));
        assertThat(lo1Mastery.getText()).contains("%").contains("1 answer");
        browser.screenshot("unit-phone", Browser.PHONE);

        browser.driver.findElement(By.linkText("My progress")).click();
        browser.waitForHeading("My progress");
        assertThat(browser.text("#started-heading + ul")).contains("OL-PCSM LO1").contains("1 answer");
        browser.screenshot("progress", Browser.DESKTOP);
    }

    @Test
    void givenAnswerWithScriptAndHtml_whenMarked_thenShownAsTextAndNeverRun() {
        openPractice();
        String hostile = "<script>window.__xss = 1</script><img src=x onerror=\"window.__xss = 2\"> "
                + "<b>Communication</b> matters because customers trust staff who listen.";
        browser.driver.findElement(By.id("answer")).sendKeys(hostile);
        submit();
        browser.waitForHeading("Your mark");

        WebElement shown = browser.driver.findElement(By.cssSelector("[data-testid=highlighted-answer]"));
        assertThat(browser.answerAsShown(shown)).contains("<script>window.__xss = 1</script>")
                .contains("<img src=x onerror=");
        assertThat(shown.findElements(By.cssSelector("script, img, b"))).isEmpty();
        assertThat(browser.js("return typeof window.__xss")).isEqualTo("undefined");
    }

    @Test
    void givenEmptyAnswer_whenSubmitted_thenValidationMessageAndNothingSent() throws Exception {
        openPractice();
        browser.driver.findElement(By.id("answer")).sendKeys("   ");
        submit();

        WebElement alert = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#answer-error [role=alert]")));
        assertThat(alert.getText()).contains("Write your answer");
        assertThat(browser.driver.findElement(By.id("answer")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("item=");
        browser.screenshot("question-empty", Browser.DESKTOP);
    }

    @Test
    void givenFiftyThousandCharacterPaste_whenTyped_thenClearMessageAndNotSent() {
        openPractice();
        browser.js("const box = document.getElementById('answer');"
                + "box.value = 'service '.repeat(6250);"
                + "box.dispatchEvent(new Event('input', {bubbles: true}));");

        WebElement alert = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#answer-error [role=alert]")));
        assertThat(alert.getText()).contains("50,000 characters").contains("20,000");
        assertThat(browser.driver.findElement(By.id("answer-count")).getAttribute("class")).contains("over");
        submit();
        assertThat(browser.driver.findElement(By.cssSelector("#answer-error [role=alert]")).getText())
                .contains("50,000 characters");
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("item=");
        assertThat((String) browser.js("return document.getElementById('answer').value")).hasSize(50_000);
    }

    @Test
    void givenNetworkDropsOnSubmit_whenRetried_thenAnswerKeptAndSameIdempotencyKeyUsed() throws Exception {
        openPractice();
        String answerText = "Communication matters because customers trust staff who listen " + UUID.randomUUID();
        browser.driver.findElement(By.id("answer")).sendKeys(answerText);

        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.driver.setNetworkConditions(offline);
        String key;
        try {
            submit();
            WebElement alert = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#answer-error [role=alert]")));
            assertThat(alert.getText()).contains("Could not reach Markpoint").contains("still here");
            assertThat(browser.driver.findElement(By.id("answer")).getAttribute("value")).isEqualTo(answerText);
            key = browser.driver.findElement(By.cssSelector("form.answer-form")).getAttribute("data-idempotency-key");
            assertThat(key).isNotBlank();
        } finally {
            browser.driver.deleteNetworkConditions();
        }

        browser.driver.findElement(By.xpath("//div[@id='answer-error']//button[normalize-space()='Try again']"))
                .click();
        browser.waitForHeading("Your mark");

        // the retry went out under the key the failed attempt had: the quiz answers a replay with that key with
        // the stored result, where any other key would get 409 (the item already has an answer)
        String url = browser.driver.getCurrentUrl();
        String quizId = url.replaceAll(".*#/quiz/([^?]+).*", "$1");
        String itemId = url.replaceAll(".*[?&]item=([^&]+).*", "$1");
        HttpResponse<String> replay = answerQuizItem(quizId, itemId, answerText, key);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(replay.body()).contains("\"status\":\"marked\"");
        assertThat(answerQuizItem(quizId, itemId, answerText, "another-key").statusCode()).isEqualTo(409);
    }

    @Test
    void givenOutcomeQuiz_whenAnsweredToTheEnd_thenSummaryWithMarksAndWhatNext() throws Exception {
        openPractice();
        int answered = 0;
        while (answered < 6) {
            browser.driver.findElement(By.id("answer")).sendKeys(GOOD_ANSWER);
            submit();
            browser.waitForHeading("Your mark");
            answered++;
            browser.driver.findElement(By.xpath("//button[normalize-space()='Next question']")).click();
            browser.waiting().until(d -> d.findElements(By.id("answer")).size() == 1
                    || "Quiz finished".equals(browser.text("h1")));
            if ("Quiz finished".equals(browser.text("h1"))) {
                break;
            }
        }
        browser.waitForHeading("Quiz finished");
        assertThat(browser.text(".score-card")).contains("out of").contains(answered + " question");
        assertThat(browser.driver.findElements(By.cssSelector(".quiz-items li"))).hasSize(answered);
        assertThat(browser.text("main")).containsAnyOf("Mastered", "Revise next");
        browser.screenshot("quiz-summary", Browser.DESKTOP);
    }

    @Test
    void givenMarkingServiceFrozen_whenAnswered_thenMarkPendingUntilItArrives() throws Exception {
        openPractice();
        browser.driver.findElement(By.id("answer")).sendKeys(GOOD_ANSWER);
        long marking = stack.pid("marking-service");
        // frozen, not stopped: progress-service's 3 s time limiter gives up, accepts the answer and has it marked
        // from the AnswerSubmitted event once marking-service runs again
        signal("STOP", marking);
        try {
            submit();
            browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Mark pending"));
            assertThat(browser.text(".pending")).contains("saved");
            browser.screenshot("mark-pending", Browser.DESKTOP);
        } finally {
            signal("CONT", marking);
        }
        new WebDriverWait(browser.driver, Duration.ofSeconds(90)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBe(By.tagName("h1"), "Your mark"));
        assertThat(browser.answerAsShown(browser.driver.findElement(By.cssSelector("[data-testid=highlighted-answer]"))))
                .isEqualTo(GOOD_ANSWER);
        assertThat(Integer.parseInt(browser.text("[data-testid=mark]"))).isPositive();
    }

    @Test
    void givenSingleQuestionPractice_whenAnswered_thenMarkedStraightByTheMarkingApi() {
        browser.js("localStorage.setItem('markpoint.learnerId', 'solo-learner')");
        browser.driver.get(stack.baseUrl() + "/#/units/" + UNIT + "/question?lo=" + LO1);
        browser.driver.navigate().refresh();
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("answer"))).sendKeys(GOOD_ANSWER);
        submit();
        browser.waitForHeading("Your mark");
        assertThat(browser.driver.getCurrentUrl()).contains("/question?").contains("mark=");
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=highlighted-answer] mark[data-point]")))
                .isNotEmpty();
    }

    @Test
    void givenTutorWatchingALearner_whenTheLearnerAnswers_thenTheirHeatmapCellChanges() throws Exception {
        String learner = "tutee-" + UUID.randomUUID().toString().substring(0, 6);
        browser.driver.get(stack.baseUrl() + "/#/tutor?unit=" + UNIT + "&learners=" + learner);
        browser.driver.navigate().refresh();
        browser.waitForHeading("Cohort mastery");
        By cell = By.cssSelector("td[data-learner='" + learner + "'][data-outcome='" + LO1 + "']");
        assertThat(browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(cell)).getText())
                .isEqualTo("—");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".heatmap canvas")));

        HttpResponse<String> quiz = stack.post("/api/v1/progress/quizzes", "{\"learnerId\":\"" + learner
                + "\",\"outcomes\":[\"" + LO1 + "\"],\"maxItems\":3}", "");
        assertThat(quiz.statusCode()).as(quiz.body()).isEqualTo(201);
        String quizId = quiz.body().replaceAll("(?s).*\"quizId\":\"([^\"]+)\".*", "$1");
        assertThat(answerQuizItem(quizId, "item-1", GOOD_ANSWER, UUID.randomUUID().toString()).statusCode())
                .isEqualTo(200);

        // mastery moves when progress-service has consumed the AnswerMarked event: ask again until it shows
        browser.waiting().pollingEvery(Duration.ofMillis(700)).until(d -> {
            d.findElement(By.xpath("//button[normalize-space()='Show mastery']")).click();
            return d.findElement(cell).getText().matches("\\d+% \\(1\\)");
        });
        browser.driver.findElement(cell).findElement(By.tagName("button")).click();
        assertThat(browser.text("#cell-detail")).contains(learner).contains("LO1").contains("1 answer");
        browser.screenshot("tutor-heatmap", Browser.DESKTOP);
    }

    private static void signal(String signal, long pid) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start().waitFor())
                .isZero();
    }

    private HttpResponse<String> answerQuizItem(String quizId, String itemId, String answer, String key)
            throws Exception {
        return stack.post("/api/v1/progress/quizzes/" + quizId + "/items/" + itemId + "/answer",
                "{\"answer\":\"" + answer + "\"}", key);
    }

    private void openPractice() {
        browser.js("localStorage.setItem('markpoint.learnerId', arguments[0])",
                "learner-" + UUID.randomUUID().toString().substring(0, 8));
        browser.driver.get(stack.baseUrl() + "/#/units/" + UNIT + "/practise?lo=" + LO1);
        browser.driver.navigate().refresh(); // a fresh page load, as a returning learner gets
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("answer")));
    }

    private void submit() {
        browser.driver.findElement(By.cssSelector("form.answer-form button[type=submit]")).click();
    }
}

package org.markpoint.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A tutor authors a sample-bank question in a real Chromium against the real stack: edits the draft scheme, tries it,
 * saves a new draft version, publishes it; a save over someone else's edit is refused with the edits kept. Also prints
 * the first paint of the main pages (a figure for docs/benchmarks.md, not an assertion on time).
 */
class SchemeAuthoringIT extends BrowserIT {

    private static final String UNIT = "pearson-principles-of-customer-service-management";
    /** One 2-mark point on linking recruitment and training to service standards; no other browser test uses it. */
    private static final String QUESTION = UNIT + "-q6";
    /** Another question of that unit, for the stale save (this test leaves it as it was published). */
    private static final String STALE_QUESTION = UNIT + "-q5";
    private static final String PHRASING = "buddy shadowing scheme";
    private static final String SAMPLE = "Every new starter joins a buddy shadowing scheme in their first week.";

    @BeforeEach
    void freshPage() {
        openHome("tutor-tess");
    }

    @Test
    void givenASampleQuestion_whenTutorAddsAPhrasingTriesItSavesAndPublishes_thenTheNewVersionIsLive() throws Exception {
        String before = versions(QUESTION);
        assertThat(before).contains("\"publishedVersion\":1,").doesNotContain(PHRASING);

        open("#/bank/units/" + UNIT);
        browser.waitForHeading("Principles of Customer Service Management");
        browser.driver.findElement(By.cssSelector("li[data-question-id='" + QUESTION + "']"))
                .findElement(By.partialLinkText("Try it")).click();
        browser.waitForHeading("Try and edit a question");
        assertThat(browser.text(".meta")).contains("published version 1");

        // the stored scheme does not know the phrasing: the point is missed
        browser.driver.findElement(By.id("tryit-answer")).sendKeys(SAMPLE);
        WebElement missed = markIt();
        assertThat(missed.getAttribute("textContent")).contains("Missed");
        assertThat(browser.text("#tryit-result [data-testid=mark]")).isEqualTo("0");

        browser.click(By.xpath("//button[normalize-space()='Edit the scheme']"));
        WebElement accept = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ed-p0-accept")));
        accept.sendKeys("\n" + PHRASING);

        // the preview marks with the form's scheme, unsaved: now the point is hit, on the learner's own words
        WebElement hit = markIt();
        assertThat(hit.getAttribute("textContent")).contains("Hit");
        assertThat(Integer.parseInt(browser.text("#tryit-result [data-testid=mark]"))).isPositive();
        assertThat(browser.driver.findElements(By.cssSelector("#tryit-result mark[data-point]")))
                .extracting(m -> m.getText().strip().toLowerCase()).contains(PHRASING);

        browser.click(By.xpath("//button[normalize-space()='Save draft']"));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor-message"),
                "Draft saved (version 2, draft)"));
        assertThat(browser.text(".meta")).contains("draft version 2").contains("version 1 is live");
        String drafted = versions(QUESTION);
        assertThat(drafted).contains("\"publishedVersion\":1,");
        assertThat(version(drafted, 2)).contains("\"status\":\"draft\"").contains(PHRASING);
        assertThat(version(drafted, 1)).contains("\"status\":\"published\"").doesNotContain(PHRASING);
        assertThat(browser.unlabelledControls()).isEmpty();
        browser.screenshot("bank-edit-scheme", Browser.DESKTOP);

        browser.click(By.xpath("//button[normalize-space()='Save and publish']"));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor-message"),
                "Published: version 2 is live."));
        String published = versions(QUESTION);
        assertThat(published).contains("\"publishedVersion\":2,");
        assertThat(version(published, 2)).contains("\"status\":\"published\"").contains(PHRASING);
        assertThat(version(published, 1)).contains("\"status\":\"superseded\"");

        // a fresh look at the question and at the bank: version 2, published, with the phrasing
        open("#/bank/questions/" + QUESTION);
        browser.waitForHeading("Try and edit a question");
        assertThat(browser.text(".meta")).contains("published version 2");
        assertThat(browser.text("#main .scheme")).contains(PHRASING);
        open("#/bank/units/" + UNIT);
        browser.waitForHeading("Principles of Customer Service Management");
        assertThat(browser.text("li[data-question-id='" + QUESTION + "'] h3")).contains("published v2");
    }

    @Test
    void givenSomeoneElseSavedMeanwhile_whenTutorSaves_thenTheClear412MessageAndTheEditsStayInTheForm() throws Exception {
        open("#/bank/questions/" + STALE_QUESTION);
        browser.waitForHeading("Try and edit a question");
        browser.click(By.xpath("//button[normalize-space()='Edit the scheme']"));
        WebElement accept = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ed-p0-accept")));
        accept.sendKeys("\nstaff rota planning");
        String typed = accept.getAttribute("value");

        // another author saves a draft through the API with the ETag current now (the page read the same one)
        HttpResponse<String> current = stack.get("/api/v1/questions/" + STALE_QUESTION);
        String etag = current.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> theirs = stack.put("/api/v1/questions/" + STALE_QUESTION, current.body(), etag);
        assertThat(theirs.statusCode()).as(theirs.body()).isEqualTo(200);

        browser.click(By.xpath("//button[normalize-space()='Save draft']"));
        WebElement alert = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#editor-message [role=alert]")));
        assertThat(alert.getText()).contains("Someone else saved this question after you opened it")
                .contains("Your edits are still in the form");
        assertThat(browser.driver.findElement(By.id("ed-p0-accept")).getAttribute("value")).isEqualTo(typed);
        assertThat(versions(STALE_QUESTION)).doesNotContain("staff rota planning");
        browser.screenshot("bank-edit-conflict", Browser.DESKTOP);
    }

    /**
     * First paint and first contentful paint of each main page on a fresh load (Chrome's paint timing), and when the
     * page had its content (its title set once the data arrived), in ms from navigation start. Printed, not asserted.
     */
    @Test
    void firstPaintOfTheMainPages_isPrinted() {
        browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "new MutationObserver(() => { if (!window.__readyAt && document.title.endsWith('· Markpoint'))"
                        + " window.__readyAt = performance.now(); })"
                        + ".observe(document, {subtree: true, childList: true, characterData: true});"));
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("#/", "Units");
        pages.put("#/units/" + UNIT, "Principles of Customer Service Management");
        pages.put("#/progress", "My progress");
        pages.put("#/tutor", "Cohort mastery");
        pages.put("#/tutor/moderation", "Moderation");
        pages.put("#/bank", "Question bank");
        pages.put("#/bank/questions/" + STALE_QUESTION, "Try and edit a question");
        List<String> rows = new ArrayList<>();
        for (var page : pages.entrySet()) {
            List<long[]> runs = new ArrayList<>();
            for (int run = 0; run < 3; run++) {
                browser.driver.get("about:blank");
                browser.driver.get(stack.baseUrl() + "/" + page.getKey());
                browser.waitForHeading(page.getValue());
                browser.waiting().until(d -> browser.js("return window.__readyAt || 0") instanceof Number n
                        && n.doubleValue() > 0);
                @SuppressWarnings("unchecked")
                Map<String, Number> paint = (Map<String, Number>) browser.js("const t = {};"
                        + "performance.getEntriesByType('paint').forEach(e => t[e.name] = e.startTime);"
                        + "t.ready = window.__readyAt; return t;");
                assertThat(paint).as(page.getKey()).containsKeys("first-paint", "first-contentful-paint");
                runs.add(new long[] {Math.round(paint.get("first-paint").doubleValue()),
                        Math.round(paint.get("first-contentful-paint").doubleValue()),
                        Math.round(paint.get("ready").doubleValue())});
            }
            rows.add("| `%s` | %s | %s | %s |".formatted(page.getKey(), median(runs, 0), median(runs, 1), median(runs, 2)));
        }
        System.out.println("First paint on the local stack (ms from navigation, median of 3 fresh loads):");
        System.out.println("| page | first paint | first contentful paint | content ready |");
        System.out.println("|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static long median(List<long[]> runs, int column) {
        return runs.stream().mapToLong(r -> r[column]).sorted().skip(runs.size() / 2).findFirst().orElseThrow();
    }

    /** Marks the sample answer in the try-it box; returns the breakdown's first marking point once it shows. */
    private WebElement markIt() {
        browser.js("document.getElementById('tryit-result').replaceChildren()");
        browser.click(By.xpath("//button[normalize-space()='Mark it']"));
        return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#tryit-result .breakdown-points li[data-point='1']")));
    }

    private String versions(String question) throws Exception {
        HttpResponse<String> response = stack.get("/api/v1/questions/" + question + "/versions");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** One version's object out of the versions list (they hold no nested "version" keys). */
    private static String version(String history, int number) {
        Matcher m = Pattern.compile("\\{\"version\":" + number + ",.*?(?=,\\{\"version\":|]})").matcher(history);
        assertThat(m.find()).as("version %d in %s", number, history).isTrue();
        return m.group();
    }

    private void open(String hash) {
        browser.driver.get(stack.baseUrl() + "/" + hash);
        browser.driver.navigate().refresh();
    }
}

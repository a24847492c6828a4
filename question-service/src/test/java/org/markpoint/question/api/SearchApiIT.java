package org.markpoint.question.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.markpoint.question.support.Http;

/** Searching the bank by unit, outcome, command word, status and literal text, with cursor paging. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiIT extends BankApiTestBase {

    private void question(String id, String unit, String outcome, String commandWord, String stem,
                          boolean publish) {
        HttpResponse<String> r = Http.postJson(url("/api/v1/questions"), """
            {"id": "%s", "unitId": "%s", "learningOutcomes": ["%s"], "publish": %s,
             "scheme": {"stem": "%s", "commandWord": "%s", "maxMarks": 1,
               "markingPoints": [{"id": "a", "text": "a point", "accept": ["point"]}]}}
            """.formatted(id, unit, outcome, publish, stem, commandWord));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    @BeforeAll
    void bank() {
        question("s-1", "search-u", "lo-a", "explain", "Explain how complaints improve service.", true);
        question("s-2", "search-u", "lo-b", "describe", "Describe a COMPLAINTS procedure (step 1).", false);
        question("s-3", "search-u", "lo-a", "evaluate", "Evaluate loyalty schemes.", true);
        question("s-4", "search-v", "lo-a", "explain", "Explain complaints to a manager.", true);
        HttpResponse<String> s3 = Http.get(url("/api/v1/questions/s-3"));
        assertThat(Http.request("POST", url("/api/v1/questions/s-3/retire"), null, "If-Match", etag(s3))
                .statusCode()).isEqualTo(200);
    }

    private List<String> ids(String query) {
        HttpResponse<String> r = Http.get(url("/api/v1/questions?" + query));
        assertThat(r.statusCode()).as(query + " -> " + r.body()).isEqualTo(200);
        return body(r).get("items").valueStream().map(q -> q.get("id").asString()).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void givenFilters_whenSearched_thenOnlyMatchingQuestions() {
        assertThat(ids("unit=search-u")).containsExactly("s-1", "s-2", "s-3");
        assertThat(ids("unit=search-u&outcome=lo-a")).containsExactly("s-1", "s-3");
        assertThat(ids("unit=search-u&commandWord=Describe")).containsExactly("s-2");
        assertThat(ids("outcome=lo-a&commandWord=explain")).containsExactly("s-1", "s-4");
        assertThat(ids("unit=search-u&status=published")).containsExactly("s-1");
        assertThat(ids("unit=search-u&status=draft")).containsExactly("s-2");
        assertThat(ids("unit=search-u&status=retired")).containsExactly("s-3");
    }

    @Test
    void givenText_whenSearched_thenEveryWordMatchedLiterallyIgnoringCase() {
        assertThat(ids("q=complaints")).containsExactly("s-1", "s-2", "s-4");
        assertThat(ids("q=" + enc("IMPROVE complaints"))).containsExactly("s-1");
        assertThat(ids("q=" + enc("(step 1)"))).containsExactly("s-2");
        assertThat(ids("unit=search-v&q=" + enc("complaints manager"))).containsExactly("s-4");
        assertThat(ids("q=a+point")).contains("s-1"); // '+' in a query string is a space
    }

    @Test
    void givenRegexSyntaxInText_whenSearched_thenTakenLiterallySoNothingMatchesAndNothingHangs() {
        assertThat(ids("q=" + enc(".*"))).isEmpty();
        assertThat(ids("q=" + enc("(a+)+$"))).isEmpty();
        assertThat(ids("q=" + enc("[a-z]"))).isEmpty();
        assertThat(ids("q=" + enc("\\"))).isEmpty();
    }

    @Test
    void givenFilterAndSmallLimit_whenPaged_thenCursorWalksTheFilteredResults() {
        HttpResponse<String> first = Http.get(url("/api/v1/questions?unit=search-u&limit=2"));
        assertThat(body(first).get("items")).hasSize(2);
        assertThat(first.headers().firstValue("Link")).hasValueSatisfying(l -> assertThat(l)
                .contains("unit=search-u").contains("cursor=s-2").contains("rel=\"next\""));
        assertThat(ids("unit=search-u&limit=2&cursor=" + body(first).get("next").asString()))
                .containsExactly("s-3");
    }

    @Test
    void givenBadSearchParameters_whenSearched_then400NamingTheParameter() {
        List.of("limit=201", "limit=0", "status=lost", "commandWord=ponder", "q=" + "x".repeat(201))
                .forEach(query -> {
                    HttpResponse<String> r = Http.get(url("/api/v1/questions?" + query));
                    assertThat(r.statusCode()).as(query).isEqualTo(400);
                    assertThat(body(r).at("/errors/0/field").asString()).as(query)
                            .isEqualTo(query.substring(0, query.indexOf('=')));
                });
    }
}

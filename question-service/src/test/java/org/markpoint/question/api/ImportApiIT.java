package org.markpoint.question.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.markpoint.model.event.Topics;
import org.markpoint.question.support.Http;
import org.markpoint.question.support.TestMongo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The bundled sample bank at start-up, and the import API with its per-item report and bad files. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=question-service", "markpoint.bank.load-sample=true"})
@EmbeddedKafka(partitions = 1, topics = Topics.QUESTION)
class ImportApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.util.List<String> SAMPLE_UNITS = java.util.List.of(
            "pearson-principles-of-customer-service-management",
            "pearson-education-ltd-demonstrate-understanding-of-customer-service-management",
            "strategic-management-of-customer-service-functions",
            "pearson-understand-the-customer-service-environment",
            "ocn-london-principles-of-customer-service-management");

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("spring.mongodb.uri", TestMongo::uri);
        r.add("spring.mongodb.database", () -> "import-api-it");
        r.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private static Path seed(String prefix) throws IOException {
        Path dir = Path.of("../../shared/seeds");
        assertThat(dir).as("seed pages beside the repo (../shared/seeds)").isDirectory();
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    @Test
    void givenAFreshBank_whenTheServiceStarts_thenAllFiveSampleUnitsAndTheirQuestionsAreServed() {
        // other tests here import more units; the five sample units are there from the start
        await().atMost(Duration.ofSeconds(30)).until(() -> json(Http.get(url("/api/v1/units"))).valueStream()
                .filter(u -> SAMPLE_UNITS.contains(u.get("id").asString())).count() == 5);
        int questions = 0;
        String cursor = "";
        do {
            JsonNode page = json(Http.get(url("/api/v1/questions?limit=200&cursor=" + cursor)));
            questions += page.get("items").size();
            cursor = page.get("next").asString();
        } while (!cursor.isEmpty());
        assertThat(questions).isGreaterThanOrEqualTo(40);
        String unitId = SAMPLE_UNITS.getFirst();
        JsonNode unit = json(Http.get(url("/api/v1/units/" + unitId)));
        assertThat(unit.get("title").asString()).isNotBlank();
        assertThat(json(Http.get(url("/api/v1/questions?unit=" + unitId))).get("items").size()).isPositive();
    }

    @Test
    void givenASeedPage_whenImportedTwice_thenItemsAreReportedAndTheSecondRunChangesNothing() throws IOException {
        String page = Files.readString(seed("004"));
        HttpResponse<String> started = Http.post(url("/api/v1/imports?format=seed&source=004.txt"), "text/plain",
                page);
        assertThat(started.statusCode()).isEqualTo(202);
        String job = started.headers().firstValue("Location").orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> "done".equals(json(Http.get(job)).get("status").asString()));
        JsonNode report = json(Http.get(job));
        assertThat(report.get("done").asInt()).isEqualTo(report.get("total").asInt()).isPositive();

        HttpResponse<String> again = Http.post(url("/api/v1/imports?format=seed&source=004.txt"), "text/plain", page);
        String job2 = again.headers().firstValue("Location").orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> "done".equals(json(Http.get(job2)).get("status")
                .asString()));
        JsonNode second = json(Http.get(job2));
        second.get("items").forEach(item -> {
            if ("question".equals(item.get("kind").asString())) {
                assertThat(item.get("outcome").asString()).isEqualTo("unchanged");
            }
        });
    }

    @Test
    void givenBadUploads_whenImported_thenClearProblemsAndNothingApplied() {
        HttpResponse<String> xxe = Http.post(url("/api/v1/imports?format=moodle&source=evil.xml"), "application/xml",
                "<?xml version=\"1.0\"?><!DOCTYPE q [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><quiz>&x;</quiz>");
        assertThat(xxe.statusCode()).isEqualTo(422);
        assertThat(json(xxe).get("detail").asString()).contains("evil.xml");
        HttpResponse<String> notZip = Http.post(url("/api/v1/imports?format=qti&source=p.zip"), "application/zip",
                "definitely not a zip");
        assertThat(notZip.statusCode()).isEqualTo(422);
        HttpResponse<String> format = Http.post(url("/api/v1/imports?format=docx"), "text/plain", "x");
        assertThat(format.statusCode()).isEqualTo(400);
        assertThat(json(format).at("/errors/0/field").asString()).isEqualTo("format");
        HttpResponse<String> empty = Http.post(url("/api/v1/imports?format=seed"), "text/plain", "");
        assertThat(json(empty).at("/errors/0/field").asString()).isEqualTo("body");
        HttpResponse<String> huge = Http.post(url("/api/v1/imports?format=seed"), "text/plain",
                "x".repeat(11 * 1024 * 1024));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(Http.get(url("/api/v1/imports/no-such-job")).statusCode()).isEqualTo(404);
    }

    @Test
    void givenAPathInTheSourceName_whenImported_thenOnlyTheFileNameIsKept() throws IOException {
        HttpResponse<String> r = Http.post(url("/api/v1/imports?format=seed&source=uploads/etc/page.txt"),
                "text/plain", Files.readString(seed("003")));
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(json(r).get("source").asString()).isEqualTo("page.txt");
    }

    @Test
    void givenPathTraversalInTheSourceName_whenImported_thenRefused400NamingSource() throws IOException {
        for (String source : List.of("../../etc/page.txt", "..%5C..%5Cwindows%5Cpage.txt", "a/../../page.txt")) {
            HttpResponse<String> r = Http.post(url("/api/v1/imports?format=seed&source=" + source), "text/plain",
                    Files.readString(seed("003")));
            assertThat(r.statusCode()).as(source).isEqualTo(400);
            assertThat(r.body()).contains("source");
        }
    }

    private JsonNode importAndWait(String format, String source, String contentType, String content) {
        HttpResponse<String> started = Http.post(url("/api/v1/imports?format=" + format + "&source=" + source),
                contentType, content);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String job = started.headers().firstValue("Location").orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> "done".equals(json(Http.get(job)).get("status")
                .asString()));
        return json(Http.get(job));
    }

    private String moodleExport() throws IOException {
        try (var in = getClass().getResourceAsStream("/moodle/moodle-export.xml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void givenOneIdempotencyKey_whenTheImportIsSentConcurrentlyAndRetried_thenOneJobRanAndEveryReplyNamesIt()
            throws Exception {
        // its own category, so its questions are new to the bank whatever ran before
        String xml = moodleExport().replace("Complaint handling", "Idempotent imports");
        String post = url("/api/v1/imports?format=moodle&source=idempotent.xml");
        Callable<HttpResponse<String>> send = () -> Http.post(post, "application/xml", xml,
                "Idempotency-Key", "lms-upload-42");
        List<HttpResponse<String>> racing;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> futures = pool.invokeAll(IntStream.range(0, 3).mapToObj(i -> send)
                    .toList());
            racing = futures.stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
        assertThat(racing).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(202));
        String job = racing.getFirst().headers().firstValue("Location").orElseThrow();
        assertThat(racing).extracting(r -> r.headers().firstValue("Location").orElseThrow()).containsOnly(job);
        await().atMost(Duration.ofSeconds(30)).until(() -> "done".equals(json(Http.get(job)).get("status")
                .asString()));

        HttpResponse<String> retry = send.call();

        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(retry.headers().firstValue("Location")).contains(job);
        JsonNode report = json(retry);
        assertThat(job).endsWith("/" + report.get("id").asString());
        assertThat(report.get("status").asString()).isEqualTo("done");
        assertThat(report.has("requestHash")).isFalse();
        assertThat(report.get("items")).extracting(i -> i.get("id").asString() + " " + i.get("outcome").asString())
                .containsExactly("idempotent-imports-complaint-as-feedback created",
                        "idempotent-imports-lass-model created", "idempotent-imports imported");
        assertThat(mongo.count(new Query(Criteria.where("source").is("idempotent.xml")), "import_jobs"))
                .as("one import job ran").isEqualTo(1);
        JsonNode question = json(Http.get(url("/api/v1/questions/idempotent-imports-complaint-as-feedback")));
        assertThat(question.get("version").asInt()).isEqualTo(1);
    }

    @Test
    void givenAnIdempotencyKeyAlreadyUsed_whenSentWithAnotherFileOrTooLong_thenProblemsNamingTheHeader()
            throws IOException {
        String page = Files.readString(seed("003"));
        String post = url("/api/v1/imports?format=seed&source=003.txt");
        assertThat(Http.post(post, "text/plain", page, "Idempotency-Key", "k-reused").statusCode()).isEqualTo(202);

        HttpResponse<String> other = Http.post(post, "text/plain", page + "\n", "Idempotency-Key", "k-reused");
        HttpResponse<String> otherSource = Http.post(url("/api/v1/imports?format=seed&source=other.txt"),
                "text/plain", page, "Idempotency-Key", "k-reused");
        HttpResponse<String> tooLong = Http.post(post, "text/plain", page, "Idempotency-Key", "k".repeat(201));

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json(other).get("title").asString()).isEqualTo("Idempotency-Key reused with a different request");
        assertThat(json(other).at("/errors/0/field").asString()).isEqualTo("Idempotency-Key");
        assertThat(otherSource.statusCode()).isEqualTo(422);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json(tooLong).at("/errors/0/field").asString()).isEqualTo("Idempotency-Key");
        assertThat(Http.post(post, "text/plain", page, "Idempotency-Key", "k".repeat(200)).statusCode())
                .isEqualTo(202);
    }

    @Test
    void givenFileAsMoodleExportsIt_whenImported_thenEssayWithGraderinfoAndShortAnswerInTheBankOthersSkipped()
            throws IOException {
        String xml = moodleExport();

        JsonNode report = importAndWait("moodle", "moodle-export.xml", "application/xml", xml);

        assertThat(report.get("items")).extracting(i -> i.get("kind").asString() + " " + i.get("id").asString()
                + " " + i.get("outcome").asString()).containsExactly(
                "question complaint-handling-complaint-as-feedback created",
                "question complaint-handling-lass-model created",
                "unit complaint-handling imported");
        assertThat(report.get("skipped")).hasSize(2);
        HttpResponse<String> essay = Http.get(url("/api/v1/questions/complaint-handling-complaint-as-feedback"));
        assertThat(json(essay).at("/scheme/markingPoints/1/text").asString())
                .isEqualTo("A well-resolved complaint can increase customer loyalty");
        assertThat(json(essay).get("status").asString()).isEqualTo("published");

        // an author starts a new draft: a re-import must not publish over it
        String draft = """
            {"unitId": "complaint-handling", "scheme": {"stem": "Explain why complaints help.",
             "commandWord": "explain", "maxMarks": 3, "markingPoints": [{"id": "a", "text": "feedback", "marks": 3}]}}""";
        assertThat(Http.request("PUT", url("/api/v1/questions/complaint-handling-complaint-as-feedback"), draft,
                "If-Match", essay.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(200);
        JsonNode again = importAndWait("moodle", "moodle-export.xml", "application/xml", xml);
        assertThat(again.get("items").get(0).get("outcome").asString()).isEqualTo("failed");
        assertThat(again.get("items").get(0).get("reason").asString()).contains("unpublished draft (version 2)");
        assertThat(again.get("items").get(1).get("outcome").asString()).isEqualTo("unchanged");
    }
}

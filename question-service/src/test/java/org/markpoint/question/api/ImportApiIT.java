package org.markpoint.question.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.markpoint.model.event.Topics;
import org.markpoint.question.support.Http;
import org.markpoint.question.support.TestMongo;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("spring.mongodb.uri", TestMongo::uri);
        r.add("spring.mongodb.database", () -> "import-api-it");
        r.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    @LocalServerPort
    int port;

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
        await().atMost(Duration.ofSeconds(30)).until(() -> json(Http.get(url("/api/v1/units"))).size() == 5);
        int questions = 0;
        String cursor = "";
        do {
            JsonNode page = json(Http.get(url("/api/v1/questions?limit=200&cursor=" + cursor)));
            questions += page.get("items").size();
            cursor = page.get("next").asString();
        } while (!cursor.isEmpty());
        assertThat(questions).isGreaterThanOrEqualTo(40);
        String unitId = json(Http.get(url("/api/v1/units"))).get(0).get("id").asString();
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
        HttpResponse<String> r = Http.post(url("/api/v1/imports?format=seed&source=../../etc/page.txt"),
                "text/plain", Files.readString(seed("003")));
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(json(r).get("source").asString()).isEqualTo("page.txt");
    }
}

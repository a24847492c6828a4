package org.markpoint.progress.xapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forwards stored statements to the configured LRS ({@code markpoint.xapi.lrs.endpoint}): a batch at a time as one
 * {@code POST <endpoint>/statements} (a JSON array, HTTP Basic, {@code X-Experience-API-Version: 1.0.3}). A batch the
 * LRS refuses or does not answer is retried with exponential back-off; statements are never dropped. Ids are stable,
 * so an LRS that gets a batch twice (a crash after it answered) keeps one copy of each.
 */
@Component
class LrsForwarder {

    private static final Logger log = LoggerFactory.getLogger(LrsForwarder.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final XapiProperties.Lrs lrs;
    private final HttpClient http;

    LrsForwarder(MongoTemplate mongo, Clock clock, XapiProperties props) {
        this.mongo = mongo;
        this.clock = clock;
        this.lrs = props.lrs();
        this.http = HttpClient.newBuilder().connectTimeout(lrs.timeout()).build();
    }

    @Scheduled(fixedDelayString = "${markpoint.xapi.lrs.poll-ms:2000}")
    public void forward() {
        if (!lrs.enabled()) {
            return;
        }
        Instant now = clock.instant();
        List<StatementDocument> batch = mongo.find(new Query(Criteria.where("forwarded").is(false)
                .and("nextAttemptAt").lte(now)).with(Sort.by("stored", "_id")).limit(lrs.batchSize()),
                StatementDocument.class);
        if (batch.isEmpty()) {
            return;
        }
        String error = send(batch.stream().map(StatementDocument::json).collect(Collectors.joining(",", "[", "]")));
        List<String> ids = batch.stream().map(StatementDocument::id).toList();
        Query these = new Query(Criteria.where("_id").in(ids));
        if (error.isEmpty()) {
            mongo.updateMulti(these, new Update().set("forwarded", true).set("lastError", ""),
                    StatementDocument.class);
            return;
        }
        int attempts = batch.stream().mapToInt(StatementDocument::attempts).max().orElse(0) + 1;
        Duration wait = lrs.backoffAfter(attempts);
        log.warn("xAPI: the LRS did not take {} statements ({}), attempt {}; next in {}", ids.size(), error, attempts,
                wait);
        mongo.updateMulti(these, new Update().set("attempts", attempts).set("lastError", error)
                .set("nextAttemptAt", now.plus(wait)), StatementDocument.class);
    }

    /** "" when the LRS took the batch, else why not. */
    private String send(String body) {
        String endpoint = lrs.endpoint().endsWith("/") ? lrs.endpoint() : lrs.endpoint() + "/";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + "statements"))
                .timeout(lrs.timeout())
                .header("Content-Type", "application/json")
                .header("X-Experience-API-Version", Statement.VERSION)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!lrs.username().isEmpty()) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (lrs.username() + ":" + lrs.password()).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            int code = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return code / 100 == 2 ? "" : "HTTP " + code;
        } catch (IOException | IllegalArgumentException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}

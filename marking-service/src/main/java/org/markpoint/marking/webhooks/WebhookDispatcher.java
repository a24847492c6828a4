package org.markpoint.marking.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries, one at a time per poll, signed with the webhook's secret. A delivery is claimed by pushing
 * its {@code nextAttemptAt} past the attempt's timeout in one atomic update, so two instances never send it at once
 * and one that dies mid-attempt leaves it to be retried. 2xx is delivered; anything else (or no answer) is retried
 * with exponential back-off until {@code maxAttempts}, then marked failed.
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int PER_POLL = 50;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final WebhookProperties props;
    private final HttpClient http;

    public WebhookDispatcher(MongoTemplate mongo, Clock clock, WebhookProperties props) {
        this.mongo = mongo;
        this.clock = clock;
        this.props = props;
        this.http = HttpClient.newBuilder().connectTimeout(props.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(fixedDelayString = "${markpoint.webhooks.poll-ms:1000}")
    public void dispatch() {
        for (int i = 0; i < PER_POLL; i++) {
            DeliveryDocument d = claim();
            if (d == null) {
                return;
            }
            attempt(d);
        }
    }

    private DeliveryDocument claim() {
        Instant now = clock.instant();
        Query due = new Query(Criteria.where("status").is(DeliveryDocument.PENDING).and("nextAttemptAt").lte(now))
                .with(Sort.by("nextAttemptAt"));
        return mongo.findAndModify(due, new Update().set("nextAttemptAt", now.plus(props.timeout().multipliedBy(2))),
                FindAndModifyOptions.options().returnNew(true), DeliveryDocument.class);
    }

    private void attempt(DeliveryDocument d) {
        WebhookDocument hook = mongo.findById(d.webhookId(), WebhookDocument.class);
        if (hook == null) {
            mongo.remove(new Query(Criteria.where("_id").is(d.id())), DeliveryDocument.class);
            return;
        }
        Instant now = clock.instant();
        int code = 0;
        String error = "";
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(hook.url())).timeout(props.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Markpoint-Webhooks/1")
                    .header("Markpoint-Event", d.event())
                    .header("Markpoint-Delivery", d.id())
                    .header(WebhookSignature.HEADER, WebhookSignature.header(hook.secret(), now.getEpochSecond(),
                            d.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload())).build();
            code = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            error = code / 100 == 2 ? "" : "HTTP " + code;
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int attempts = d.attempts() + 1;
        Update update = new Update().set("attempts", attempts).set("lastResponseCode", code)
                .set("lastError", error).set("lastAttemptAt", now);
        if (error.isEmpty()) {
            update.set("status", DeliveryDocument.DELIVERED);
        } else if (attempts >= props.maxAttempts()) {
            update.set("status", DeliveryDocument.FAILED);
            log.warn("webhook {}: giving up on delivery {} ({}) after {} attempts: {}", hook.id(), d.id(), d.event(),
                    attempts, error);
        } else {
            Duration wait = props.backoffAfter(attempts);
            update.set("nextAttemptAt", now.plus(wait));
            log.info("webhook {}: delivery {} attempt {} failed ({}), next in {}", hook.id(), d.id(), attempts, error,
                    wait);
        }
        mongo.updateFirst(new Query(Criteria.where("_id").is(d.id())), update, DeliveryDocument.class);
    }
}

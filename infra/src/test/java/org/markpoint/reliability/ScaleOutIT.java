package org.markpoint.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.markpoint.marking.MarkingApplication;
import org.markpoint.model.event.Topics;
import org.markpoint.progress.ProgressApplication;
import org.markpoint.question.QuestionApplication;
import org.markpoint.testing.TestCredentials;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Two instances each of marking- and progress-service (their own Spring contexts in this JVM, one consumer group per
 * service, as {@code ./markpoint start --scale 2} runs them as processes) over one Kafka broker whose topics have four
 * partitions and one MongoDB-wire server. Answers go round robin to both marking instances, each learner's next
 * answer only after the previous one was accepted. Checked: both marking and both progress instances did part of the
 * work, every accepted answer counts in mastery once, each learner's mastery history is in answer order; then one
 * instance of each service is stopped mid-load, the other takes over its partitions, and the books still balance.
 *
 * <p>Sizes: {@code scaleout.answers} per test (default 1000, so 2,000 in all). A stopped context leaves its consumer group at once; a
 * process killed with {@code kill -9} is noticed after the consumer session timeout instead (45 s by default), and
 * ReliabilityIT covers that path with one instance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int PARTITIONS = 4;
    private static final String QUESTION = "scale-training";

    private final int answers = Integer.getInteger("scaleout.answers", 1000);
    private final Map<String, ConfigurableApplicationContext> instances = new LinkedHashMap<>();
    private EmbeddedKafkaKraftBroker kafka;
    private MongoServer mongo;
    private Ledger ledger;

    @BeforeAll
    void start() {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        List<String> topics = new ArrayList<>(Topics.ALL);
        Topics.ALL.forEach(t -> topics.add(Topics.deadLetter(t)));
        kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS, topics.toArray(String[]::new));
        kafka.afterPropertiesSet();
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        String mongoUri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
        String[] common = {
            "--server.port=0",
            "--spring.mongodb.uri=" + mongoUri,
            "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
            "--markpoint.topics.partitions=" + PARTITIONS,
            "--markpoint.bank.load-sample=false",
            "--markpoint.security.internal-secret=" + TestCredentials.SECRET,
        };
        start("question", QuestionApplication.builder(), common);
        start("marking-1", MarkingApplication.builder(), common);
        start("marking-2", MarkingApplication.builder(), common);
        start("progress-1", ProgressApplication.builder(), common);
        start("progress-2", ProgressApplication.builder(), common);
        ledger = new Ledger(mongoUri, kafka.getBrokersAsString());

        HttpResponse<String> created = post(url("question") + "/api/v1/questions", """
            {"id": "%s", "unitId": "scale-unit", "learningOutcomes": ["lo-scale"],
             "scheme": {"stem": "Explain how training improves customer service.", "commandWord": "explain",
               "maxMarks": 2, "markingPoints": [
                 {"id": "a", "text": "training closes skills gaps", "accept": ["skills gap"], "marks": 1},
                 {"id": "b", "text": "customers get consistent service", "accept": ["consistent"], "marks": 1}]}}
            """.formatted(QUESTION));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        for (String marking : List.of("marking-1", "marking-2")) {
            await(marking + " knows " + QUESTION).atMost(Duration.ofSeconds(60)).until(() -> post(url(marking)
                    + "/api/v1/marking/mark", "{\"answer\": \"warm-up\", \"questionId\": \"" + QUESTION + "\"}")
                    .statusCode() == 200);
        }
        // both progress instances in the group, each with partitions of answer-marked
        await("progress instances share the partitions").atMost(Duration.ofSeconds(60))
                .until(() -> assigned("progress-1").size() + assigned("progress-2").size() == PARTITIONS
                        && !assigned("progress-1").isEmpty() && !assigned("progress-2").isEmpty());
    }

    private void start(String name, SpringApplicationBuilder builder, String[] args) {
        instances.put(name, builder.run(args));
    }

    private String url(String instance) {
        return "http://127.0.0.1:" + instances.get(instance).getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    void stop() {
        if (ledger != null) {
            ledger.close();
        }
        List<ConfigurableApplicationContext> running = new ArrayList<>(instances.values());
        java.util.Collections.reverse(running);
        running.forEach(ConfigurableApplicationContext::close);
        if (mongo != null) {
            mongo.shutdownNow();
        }
        if (kafka != null) {
            kafka.destroy();
        }
    }

    @Test
    @Order(1)
    void givenTwoInstancesEach_whenAnswersArrive_thenBothShareTheWork_inLearnerOrder_andEachCountsOnce()
            throws Exception {
        Map<String, Long> appliedBefore = appliedPerProgressInstance();
        LoadDriver driver = driver("spread").start();
        LoadDriver.Report report = driver.await(Duration.ofMinutes(5));
        Ledger.Counts counts = ledger.settle("two instances each", report, driver.accepted());
        Map<String, Long> applied = minus(appliedPerProgressInstance(), appliedBefore);
        System.out.printf("scale-out: %s; marks per marking instance %s; AnswerMarked applied per progress instance %s%n",
                report.summary(), driver.acceptedPerInstance(), applied);

        Ledger.assertBalanced(counts, report);
        assertThat(driver.acceptedPerInstance()).as("marks per marking instance").hasSize(2)
                .allSatisfy((instance, n) -> assertThat(n).isPositive());
        assertThat(applied).as("marks applied per progress instance").hasSize(2)
                .allSatisfy((instance, n) -> assertThat(n).isPositive());
        // every AnswerMarked record was handled by one of them (duplicates on the topic included: at-least-once)
        assertThat(applied.values().stream().mapToLong(Long::longValue).sum()).as("records handled in total")
                .isEqualTo(counts.answerMarkedRecords());
        assertThat(ledger.outOfOrder(driver.accepted().values())).as("mastery histories not in answer order")
                .isEmpty();
    }

    @Test
    @Order(2)
    void givenLoad_whenOneInstanceOfEachServiceStops_thenTheOtherTakesItsPartitions_andNothingIsLostOrDoubled()
            throws Exception {
        LoadDriver driver = driver("handover").start();
        await().atMost(Duration.ofMinutes(2)).until(() -> driver.acceptedSoFar() >= answers / 3);
        int acceptedAtStop = driver.acceptedSoFar();
        long t0 = System.nanoTime();
        instances.remove("marking-2").close();
        instances.remove("progress-2").close();
        System.out.printf("scale-out: marking-2 and progress-2 stopped after %d accepted answers (%.1f s)%n",
                acceptedAtStop, (System.nanoTime() - t0) / 1e9);
        await("progress-1 takes every partition").atMost(Duration.ofSeconds(60))
                .until(() -> assigned("progress-1").size() == PARTITIONS);

        LoadDriver.Report report = driver.await(Duration.ofMinutes(5));
        Ledger.Counts counts = ledger.settle("one instance of each stopped mid-load", report, driver.accepted());
        System.out.printf("scale-out hand-over: %s; marks per marking instance %s%n", report.summary(),
                driver.acceptedPerInstance());

        Ledger.assertBalanced(counts, report);
        assertThat(driver.acceptedSoFar()).as("answers accepted after the stop").isGreaterThan(acceptedAtStop);
        assertThat(ledger.outOfOrder(driver.accepted().values())).as("mastery histories not in answer order")
                .isEmpty();
    }

    private LoadDriver driver(String run) {
        String bases = url("marking-1") + "," + url("marking-2");
        return new LoadDriver(new LoadDriver.Config(bases, run + "-" + System.currentTimeMillis(), QUESTION, answers,
                Duration.ZERO, 0, 32, 100, Duration.ofMinutes(2), 0)).inOrderPerLearner().direct();
    }

    /** The partitions of answer-marked the instance's mastery listener (group progress-service) holds now. */
    private Set<TopicPartition> assigned(String instance) {
        ConfigurableApplicationContext context = instances.get(instance);
        if (context == null) {
            return Set.of();
        }
        java.util.Collection<TopicPartition> parts = masteryListener(context).getAssignedPartitions();
        return parts == null ? Set.of() : Set.copyOf(parts);
    }

    private static MessageListenerContainer masteryListener(ConfigurableApplicationContext context) {
        return context.getBean(KafkaListenerEndpointRegistry.class).getListenerContainers().stream()
                .filter(c -> "progress-service".equals(c.getGroupId()))
                .filter(c -> List.of(c.getContainerProperties().getTopics()).contains(Topics.ANSWER_MARKED))
                .findFirst().orElseThrow();
    }

    /** Records the mastery listener of each running progress instance has handled (Spring Kafka's listener timer). */
    private Map<String, Long> appliedPerProgressInstance() {
        Map<String, Long> applied = new java.util.TreeMap<>();
        instances.forEach((name, context) -> {
            if (name.startsWith("progress")) {
                String listener = masteryListener(context).getListenerId();
                applied.put(name, context.getBean(MeterRegistry.class).find("spring.kafka.listener").timers()
                        .stream().filter(t -> String.valueOf(t.getId().getTag("name")).startsWith(listener))
                        .mapToLong(Timer::count).sum());
            }
        });
        return applied;
    }

    private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        return after.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue() - before.getOrDefault(e.getKey(), 0L), (a, b) -> a, java.util.TreeMap::new));
    }

    /** The one place this test calls a service directly, signed as staff the way the gateway would sign it. */
    private static HttpResponse<String> post(String url, String json) {
        try {
            return HTTP.send(TestCredentials.signedStaff(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

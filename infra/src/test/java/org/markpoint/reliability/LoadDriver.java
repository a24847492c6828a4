package org.markpoint.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.markpoint.testing.TestCredentials;

/**
 * Sends answers to {@code POST /api/v1/marking/mark} the way a well-behaved LMS does: every answer has its own
 * {@code Idempotency-Key}, and anything but a definite answer (a 5xx, a 429, a dropped connection, a timeout) is
 * retried with the same key and back-off until {@code giveUpAfter}. Paced at {@code rate} answers per second, or as
 * fast as {@code concurrency} requests in flight allow when the rate is 0. Optionally every {@code sampleEvery}-th
 * answer goes to a learner of its own and the driver times how long until that learner's mastery is visible.
 *
 * <p>Run against a running stack (numbers for docs/benchmarks.md):
 * {@code java -cp ... org.markpoint.reliability.LoadDriver --gateway http://127.0.0.1:8080 --seconds 60}.
 */
public final class LoadDriver {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] ANSWERS = {
        "Training closes the skills gap, so customers get consistent service from every advisor.",
        "Staff who are trained handle complaints better because they know the procedure.",
        "It makes customers happy.",
        "Training means consistent service and fewer skills gaps, therefore customers trust the business.",
    };

    /**
     * What to send. {@code answers} 0 means "until {@code duration} is over". {@code baseUrl} may list several
     * instances separated by commas: attempts go to them in turn (round robin, a retry to the next one).
     */
    record Config(String baseUrl, String runId, String questionId, int answers, Duration duration, double rate,
                  int concurrency, int learners, Duration giveUpAfter, int sampleEvery) {
    }

    /** One answer the service accepted: its mark, how long the accepting request took, and which instance took it. */
    record Accepted(String answerId, String learnerId, String markId, int attempts, long latencyNanos,
                    String baseUrl) {

        /** The answer's place in the run: answer n of the run is {@code <runId>-a<n>}. */
        int sequence() {
            return Integer.parseInt(answerId.substring(answerId.lastIndexOf("-a") + 2));
        }
    }

    /** The driver's side of the ledger. */
    record Report(int sent, int accepted, int refused, int gaveUp, int retries, Map<String, Integer> retriedOn,
                  double seconds, List<Long> latencyNanos, List<Long> masteryVisibleNanos) {

        double throughput() {
            return accepted / seconds;
        }

        static long percentile(List<Long> sorted, double p) {
            return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1,
                    (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }

        String summary() {
            List<Long> lat = sorted(latencyNanos);
            List<Long> vis = sorted(masteryVisibleNanos);
            return String.format("sent %d, accepted %d, refused %d, gave up %d, retries %d %s in %.1f s (%.1f "
                    + "accepted/s); mark latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%s", sent, accepted, refused,
                    gaveUp, retries, new java.util.TreeMap<>(retriedOn), seconds, throughput(), ms(percentile(lat, 50)), ms(percentile(lat, 95)),
                    ms(percentile(lat, 99)), ms(lat.isEmpty() ? 0 : lat.getLast()),
                    vis.isEmpty() ? "" : String.format("; answer->mastery visible (%d samples) p50 %.0f ms, "
                            + "p95 %.0f ms, p99 %.0f ms", vis.size(), ms(percentile(vis, 50)),
                            ms(percentile(vis, 95)), ms(percentile(vis, 99))));
        }

        private static List<Long> sorted(List<Long> values) {
            List<Long> copy = new ArrayList<>(values);
            Collections.sort(copy);
            return copy;
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    private final Config config;
    private final HttpClient http;
    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> masteryVisible = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger gaveUp = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final Map<String, AtomicInteger> retriedOn = new ConcurrentHashMap<>();
    private final List<String> bases;
    private final AtomicInteger nextBase = new AtomicInteger();
    private boolean inOrderPerLearner;
    private boolean direct;
    private volatile boolean stopped;
    private Thread pacer;
    private long startNanos;
    private long endNanos;

    LoadDriver(Config config) {
        this.config = config;
        this.bases = List.of(config.baseUrl().split(","));
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    /**
     * Sends a learner's next answer only once the previous one was accepted (or given up on), as a learner does: the
     * order their answers were sent in is then the order they were accepted in, which mastery must keep.
     */
    /** Calls the services themselves (no gateway): requests carry the signed identity headers a gateway would add. */
    LoadDriver direct() {
        this.direct = true;
        return this;
    }

    LoadDriver inOrderPerLearner() {
        this.inOrderPerLearner = true;
        return this;
    }

    /** Accepted answers per instance (base URL) that accepted them. */
    Map<String, Long> acceptedPerInstance() {
        return accepted.values().stream().collect(java.util.stream.Collectors.groupingBy(Accepted::baseUrl,
                java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    /** Starts sending in the background. */
    LoadDriver start() {
        startNanos = System.nanoTime();
        pacer = Thread.ofPlatform().name("load-pacer").start(this::run);
        return this;
    }

    int sentSoFar() {
        return sent.get();
    }

    int acceptedSoFar() {
        return accepted.size();
    }

    /** Waits until every answer is accepted, refused or given up on. */
    Report await(Duration atMost) throws InterruptedException {
        pacer.join(atMost);
        if (pacer.isAlive()) {
            stopped = true;
            pacer.join(Duration.ofSeconds(30));
        }
        return report();
    }

    Map<String, Accepted> accepted() {
        return Map.copyOf(accepted);
    }

    Report report() {
        List<Long> latencies = accepted.values().stream().map(Accepted::latencyNanos).toList();
        Map<String, Integer> reasons = new java.util.HashMap<>();
        retriedOn.forEach((k, v) -> reasons.put(k, v.get()));
        return new Report(sent.get(), accepted.size(), refused.get(), gaveUp.get(), retries.get(), reasons,
                (endNanos == 0 ? System.nanoTime() - startNanos : endNanos - startNanos) / 1e9, latencies,
                List.copyOf(masteryVisible));
    }

    private void run() {
        Semaphore inFlight = new Semaphore(config.concurrency());
        long deadline = config.answers() > 0 ? Long.MAX_VALUE : startNanos + config.duration().toNanos();
        Map<String, java.util.concurrent.CompletableFuture<Void>> lastOfLearner = new java.util.HashMap<>();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; !stopped && (config.answers() == 0 || i < config.answers()); i++) {
                if (config.rate() > 0) {
                    long due = startNanos + (long) (i * 1e9 / config.rate());
                    LockSupport.parkNanos(due - System.nanoTime()); // pacing, not waiting for a condition
                }
                if (System.nanoTime() >= deadline) {
                    break;
                }
                inFlight.acquireUninterruptibly();
                int n = i;
                Runnable task = () -> {
                    try {
                        answer(n);
                    } finally {
                        inFlight.release();
                    }
                };
                if (inOrderPerLearner) {
                    lastOfLearner.compute(learnerOf(n), (l, last) -> last == null
                            ? java.util.concurrent.CompletableFuture.runAsync(task, workers)
                            : last.thenRunAsync(task, workers));
                } else {
                    workers.submit(task);
                }
            }
            // chained answers are submitted as their predecessors finish: wait for them before closing the pool
            java.util.concurrent.CompletableFuture.allOf(lastOfLearner.values()
                    .toArray(java.util.concurrent.CompletableFuture[]::new)).join();
        }
        endNanos = System.nanoTime();
    }

    private boolean sampled(int n) {
        return config.sampleEvery() > 0 && n % config.sampleEvery() == 0;
    }

    private String learnerOf(int n) {
        return config.runId() + (sampled(n) ? "-V" + n : "-L" + (n % config.learners()));
    }

    /** The one place the driver builds a request (credentials go here once the API asks for them). */
    private HttpRequest markRequest(String baseUrl, String answerId, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/marking/mark"))
                .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                .header("Idempotency-Key", answerId).POST(HttpRequest.BodyPublishers.ofString(body));
        return direct ? TestCredentials.signedStaff(request).build()
                : request.header("Authorization", TestCredentials.authorization(baseUrl)).build();
    }

    private void answer(int n) {
        boolean sampled = sampled(n);
        String learner = learnerOf(n);
        String answerId = config.runId() + "-a" + n;
        String body = "{\"answer\": " + JSON.writeValueAsString(ANSWERS[n % ANSWERS.length]) + ", \"learnerId\": \""
                + learner + "\", \"questionId\": \"" + config.questionId() + "\"}";
        sent.incrementAndGet();
        long first = System.nanoTime();
        long giveUpAt = first + config.giveUpAfter().toNanos();
        long backOffMs = 100;
        for (int attempt = 1; ; attempt++) {
            String base = bases.get(Math.floorMod(nextBase.getAndIncrement(), bases.size()));
            HttpRequest request = markRequest(base, answerId, body);
            long t0 = System.nanoTime();
            int status;
            String reply = "";
            String failure = "";
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                status = r.statusCode();
                reply = r.body();
            } catch (IOException e) {
                status = 0;
                failure = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long latency = System.nanoTime() - t0;
            if (status == 200) {
                String markId = JSON.readTree(reply).path("markId").asString("");
                accepted.put(answerId, new Accepted(answerId, learner, markId, attempt, latency, base));
                if (sampled) {
                    timeMasteryVisible(learner, first);
                }
                return;
            }
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                refused.incrementAndGet();
                System.out.printf("load: %s refused with %d: %s%n", answerId, status, reply);
                return;
            }
            if (System.nanoTime() > giveUpAt || stopped) {
                gaveUp.incrementAndGet();
                return;
            }
            retries.incrementAndGet();
            retriedOn.computeIfAbsent(status == 0 ? failure : String.valueOf(status), k -> new AtomicInteger())
                    .incrementAndGet();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backOffMs)); // back-off between retries
            backOffMs = Math.min(2000, backOffMs * 2);
        }
    }

    private void timeMasteryVisible(String learner, long since) {
        URI uri = URI.create(bases.getFirst() + "/api/v1/progress/learners/" + learner + "/mastery");
        long until = since + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri)
                        .header("Authorization", TestCredentials.authorization(config.baseUrl()))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && JSON.readTree(r.body()).path("outcomes").size() > 0) {
                    masteryVisible.add(System.nanoTime() - since);
                    return;
                }
            } catch (IOException e) {
                // not there yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    /** Creates the benchmark question through the gateway (a 409 means it is there already) and waits for marking. */
    static void ensureQuestion(String baseUrl, String questionId) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String question = """
            {"id": "%s", "unitId": "bench-unit", "learningOutcomes": ["lo-bench"],
             "scheme": {"stem": "Explain how training improves customer service.", "commandWord": "explain",
               "maxMarks": 2, "markingPoints": [
                 {"id": "a", "text": "training closes skills gaps", "accept": ["skills gap", "skills gaps"], "marks": 1},
                 {"id": "b", "text": "customers get consistent service", "accept": ["consistent"], "marks": 1}]}}
            """.formatted(questionId);
        HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/questions"))
                .header("Authorization", TestCredentials.authorization(baseUrl))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(question))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("creating " + questionId + ": " + created.statusCode() + " "
                    + created.body());
        }
        String probe = "{\"answer\": \"warm-up\", \"questionId\": \"" + questionId + "\"}";
        for (int i = 0; i < 600; i++) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/marking/mark"))
                    .header("Authorization", TestCredentials.authorization(baseUrl))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(probe))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return;
            }
            Thread.sleep(100); // marking-service learns the question from QuestionPublished
        }
        throw new IllegalStateException("marking-service never learnt " + questionId);
    }

    /**
     * {@code --gateway URL} (default http://127.0.0.1:8080), {@code --seconds 60}, {@code --answers N} (instead of
     * seconds), {@code --rate R} (0 = as fast as it goes), {@code --concurrency 16}, {@code --learners 50},
     * {@code --sample-every 50}, {@code --question bench-training}, {@code --warmup-seconds 10}, {@code --mongo URI}
     * (then also mastery updates/s, read from progress-service's database).
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String base = opts.getOrDefault("gateway", "http://127.0.0.1:8080");
        String question = opts.getOrDefault("question", "bench-training");
        ensureQuestion(base, question);
        int warmup = Integer.parseInt(opts.getOrDefault("warmup-seconds", "10"));
        Config c = new Config(base, "bench-" + Long.toString(System.currentTimeMillis(), 36), question,
                Integer.parseInt(opts.getOrDefault("answers", "0")),
                Duration.ofSeconds(Long.parseLong(opts.getOrDefault("seconds", "60"))),
                Double.parseDouble(opts.getOrDefault("rate", "0")),
                Integer.parseInt(opts.getOrDefault("concurrency", "16")),
                Integer.parseInt(opts.getOrDefault("learners", "50")), Duration.ofSeconds(60),
                Integer.parseInt(opts.getOrDefault("sample-every", "50")));
        if (warmup > 0) {
            Config w = new Config(base, c.runId() + "-warm", question, 0, Duration.ofSeconds(warmup), 0,
                    c.concurrency(), c.learners(), Duration.ofSeconds(30), 0);
            System.out.println("warm-up: " + new LoadDriver(w).start().await(Duration.ofMinutes(5)).summary());
        }
        LoadDriver driver = new LoadDriver(c);
        Report report = driver.start().await(c.duration().plusMinutes(5));
        System.out.printf("load (%s, concurrency %d, rate %s): %s%n", base, c.concurrency(),
                c.rate() > 0 ? c.rate() + "/s" : "max", report.summary());
        if (opts.containsKey("mongo")) {
            printMasteryRate(opts.get("mongo"), report, driver.accepted());
        }
    }

    /**
     * With {@code --mongo URI}: waits until every accepted answer counts in mastery (progress-service's database) and
     * prints mastery updates/s over the whole run, load plus drain, and how far behind progress was when the load ended.
     */
    private static void printMasteryRate(String mongoUri, Report report, Map<String, Accepted> accepted)
            throws InterruptedException {
        try (Ledger ledger = new Ledger(mongoUri, "")) {
            int atEnd = ledger.count(report, accepted.values(), false).inMastery();
            long t0 = System.nanoTime();
            int inMastery = atEnd;
            while (inMastery < report.accepted() && System.nanoTime() - t0 < TimeUnit.MINUTES.toNanos(10)) {
                Thread.sleep(1000);
                inMastery = ledger.count(report, accepted.values(), false).inMastery();
            }
            double drain = (System.nanoTime() - t0) / 1e9;
            System.out.printf("mastery: %d of %d accepted answers in mastery when the load ended, all %d after %.1f s"
                    + " more: %.1f mastery updates/s over load + drain (%.1f s)%n", atEnd, report.accepted(), inMastery,
                    drain, inMastery / (report.seconds() + drain), report.seconds() + drain);
        }
    }
}

package org.markpoint.marking.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.markpoint.model.security.Identity;
import org.markpoint.model.security.IdentityCodec;
import org.markpoint.model.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bounded HTTP load driver (test scope, java.net.http only). Two modes:
 * <pre>
 *   mark  URL N CONCURRENCY [WARMUP [LEARNERS]]
 *                                      POST N single answers to URL (.../api/v1/marking/mark) from CONCURRENCY
 *                                      threads, each waiting for its answer before sending the next; prints
 *                                      throughput, latency p50/p95/p99/max and errors by status. With LEARNERS
 *                                      (> 0) each answer names one of that many learners, so every mark owes an
 *                                      AnswerMarked the service publishes before it answers; without, none does
 *   batch URL N                        POST one batch of N answers to URL (.../api/v1/marking/batches), poll the
 *                                      job until done; prints the time to accept it and to finish it
 * </pre>
 * Answers are the {@code bench} command's 40-word answers against its 6-point scheme, sent inline.
 */
public final class LoadDriver {

    private static final String USAGE = "usage: mark URL N CONCURRENCY [WARMUP [LEARNERS]] | batch URL N";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private LoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || (args[0].equals("mark") && args.length < 4)) {
            System.err.println(USAGE);
            System.exit(2);
        }
        switch (args[0]) {
            case "mark" -> mark(URI.create(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    args.length > 4 ? Integer.parseInt(args[4]) : 1_000, args.length > 5 ? Integer.parseInt(args[5]) : 0);
            case "batch" -> batch(URI.create(args[1]), Integer.parseInt(args[2]));
            default -> {
                System.err.println(USAGE);
                System.exit(2);
            }
        }
    }

    static String markBody(String answer, String learnerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("answer", answer);
        if (learnerId != null) {
            body.put("learnerId", learnerId);
        }
        body.put("scheme", BenchCommand.SCHEME);
        return JSON.writeValueAsString(body);
    }

    static void mark(URI url, int n, int concurrency, int warmup, int learners) throws Exception {
        List<String> answers = BenchCommand.answers(n + warmup, 7);
        List<String> bodies = new ArrayList<>(answers.size());
        for (int i = 0; i < answers.size(); i++) {
            bodies.add(markBody(answers.get(i), learners > 0 ? "load-learner-" + (i % learners) : null));
        }
        run(url, bodies.subList(0, warmup), concurrency);
        Result r = run(url, bodies.subList(warmup, bodies.size()), concurrency);
        long[] sorted = r.latencies().clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%d answers (%s), concurrency %d: %.2f s, %.0f answers/s; latency ms p50 %.1f, "
                + "p95 %.1f, p99 %.1f, max %.1f; errors %s%n", n,
                learners > 0 ? learners + " learners, AnswerMarked published" : "no learner", concurrency, r.seconds(), n / r.seconds(),
                ms(percentile(sorted, 50)), ms(percentile(sorted, 95)), ms(percentile(sorted, 99)),
                ms(sorted[sorted.length - 1]), r.errors());
        System.out.printf(Locale.ROOT, "{\"load\":\"mark\",\"n\":%d,\"concurrency\":%d,\"answersPerSecond\":%.0f,"
                + "\"p50Ms\":%.1f,\"p95Ms\":%.1f,\"p99Ms\":%.1f,\"maxMs\":%.1f,\"errors\":%d}%n", n, concurrency,
                n / r.seconds(), ms(percentile(sorted, 50)), ms(percentile(sorted, 95)), ms(percentile(sorted, 99)),
                ms(sorted[sorted.length - 1]),
                r.errors().values().stream().mapToInt(Integer::intValue).sum());
    }

    record Result(double seconds, long[] latencies, Map<String, Integer> errors) {
    }

    /** CONCURRENCY threads, each sending its next request only when the last one answered: at most that many open. */
    static Result run(URI url, List<String> bodies, int concurrency) throws InterruptedException {
        long[] latencies = new long[bodies.size()];
        AtomicInteger next = new AtomicInteger();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    HttpRequest request = identified(HttpRequest.newBuilder(url)).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> response = CLIENT.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            errors.computeIfAbsent("http " + response.statusCode(), k -> new LongAdder()).increment();
                        }
                    } catch (Exception e) {
                        errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
                    }
                    latencies[i] = System.nanoTime() - t0;
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Integer> counted = new TreeMap<>();
        errors.forEach((k, v) -> counted.put(k, v.intValue()));
        return new Result(seconds, latencies, counted);
    }

    /**
     * Who the load is sent as: {@code MARKPOINT_TOKEN} as a bearer token (through the gateway), else an identity
     * signed with {@code MARKPOINT_INTERNAL_SECRET} (straight at the service), else nobody.
     */
    static HttpRequest.Builder identified(HttpRequest.Builder b) {
        String token = System.getenv("MARKPOINT_TOKEN");
        String secret = System.getenv("MARKPOINT_INTERNAL_SECRET");
        if (token != null && !token.isBlank()) {
            return b.header("Authorization", "Bearer " + token);
        }
        if (secret != null && !secret.isBlank()) {
            IdentityCodec.Headers h = new IdentityCodec(secret).sign(new Identity("load-driver", "demo",
                    Set.of(Role.LMS, Role.TUTOR), Set.of(), Instant.now().plusSeconds(60)));
            return b.header(IdentityCodec.HEADER, h.identity()).header(IdentityCodec.SIGNATURE_HEADER, h.signature());
        }
        return b;
    }

    static void batch(URI url, int n) throws Exception {
        List<Map<String, String>> items = new ArrayList<>();
        for (String a : BenchCommand.answers(n, 11)) {
            items.add(Map.of("answer", a));
        }
        String body = JSON.writeValueAsString(Map.of("scheme", BenchCommand.SCHEME, "items", items));
        long t0 = System.nanoTime();
        HttpResponse<String> created = CLIENT.send(identified(HttpRequest.newBuilder(url)).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        double accepted = (System.nanoTime() - t0) / 1e9;
        if (created.statusCode() != 202) {
            System.err.println("batch not accepted: " + created.statusCode() + " " + created.body());
            System.exit(1);
        }
        URI job = url.resolve(created.headers().firstValue("Location").orElseThrow());
        JsonNode status;
        do {
            Thread.sleep(100);
            status = JSON.readTree(CLIENT.send(identified(HttpRequest.newBuilder(job)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } while (!status.get("status").asString().equals("done"));
        double finished = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "batch of %d answers (%d KB): accepted (202) in %.2f s, done in %.2f s "
                + "(%.0f answers/s end to end; server run rate %.0f/s), %d errors%n", n, body.length() / 1024,
                accepted, finished, n / finished, status.get("itemsPerSecond").asDouble(), status.get("errors")
                        .asInt());
        System.out.printf(Locale.ROOT, "{\"load\":\"batch\",\"n\":%d,\"acceptedSeconds\":%.2f,\"doneSeconds\":%.2f}%n",
                n, accepted, finished);
    }

    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}

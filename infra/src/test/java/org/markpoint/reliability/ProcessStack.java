package org.markpoint.reliability;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.markpoint.infra.FreePorts;
import org.markpoint.testing.TestCredentials;

/**
 * The dev stack as separate processes started from the built exec jars, the way {@code ./markpoint start} runs them
 * (same JVM flags, same environment variables), but each one under this test's control: stop and restart the broker,
 * {@code kill -9} a service and start it again, freeze and thaw one ({@code SIGSTOP}/{@code SIGCONT}). Logs go to
 * {@code infra/target/reliability/<name>.log}, appended across restarts.
 */
final class ProcessStack implements AutoCloseable {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final String VERSION = "0.1.0-SNAPSHOT";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final Path dataDir;
    private final Path logDir;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> running = new LinkedHashMap<>();
    private final Map<String, Long> logStart = new LinkedHashMap<>();

    ProcessStack(Path dataDir) {
        this.dataDir = dataDir;
        this.logDir = REPO.resolve("infra/target/reliability");
        int[] free = FreePorts.pick(7);
        List<String> names = List.of("kafka", "kafka-controller", "mongo", "question-service", "marking-service",
                "progress-service", "gateway");
        for (int i = 0; i < names.size(); i++) {
            ports.put(names.get(i), free[i]);
        }
    }

    static void requireBuiltJars() {
        List<String> missing = new ArrayList<>();
        for (String module : List.of("question-service", "marking-service", "progress-service", "gateway",
                "infra")) {
            Path jar = jar(module);
            if (!Files.isRegularFile(jar)) {
                missing.add(REPO.relativize(jar).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the reliability tests need the exec jars, missing: " + missing
                    + ". Build them first: ./mvnw -DskipTests package (or run ./mvnw verify from the repo root).");
        }
    }

    private static Path jar(String module) {
        return REPO.resolve(module).resolve("target").resolve(module + "-" + VERSION + "-exec.jar");
    }

    int port(String name) {
        return ports.get(name);
    }

    String url(String name) {
        return "http://127.0.0.1:" + port(name);
    }

    String mongoUri() {
        return "mongodb://127.0.0.1:" + port("mongo");
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + port("kafka");
    }

    /** Starts a component and returns once it serves (infra: its ready line; services: readiness UP). */
    void start(String name) {
        startTogether(List.of(name));
    }

    /** Starts several components at once and returns when all of them serve. */
    void startTogether(List<String> names) {
        names.forEach(this::launch);
        names.forEach(this::awaitUp);
    }

    private void launch(String name) {
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            logStart.put(name, Files.exists(log) ? Files.size(log) : 0L);
            List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Dmarkpoint.component=" + name, "-Xss512k",
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms32m", "--enable-native-access=ALL-UNNAMED"));
            if (Runtime.version().feature() >= 24) {
                cmd.add("--sun-misc-unsafe-memory-access=allow");
            }
            switch (name) {
                case "kafka" -> cmd.addAll(List.of("-Xmx512m", "-jar", jar("infra").toString(), "kafka",
                        "--port", String.valueOf(port("kafka")), "--controller-port",
                        String.valueOf(port("kafka-controller")), "--data", dataDir.resolve("kafka").toString()));
                case "mongo" -> cmd.addAll(List.of("-Xmx256m", "-jar", jar("infra").toString(), "mongo",
                        "--port", String.valueOf(port("mongo")), "--data", dataDir.resolve("mongo").toString()));
                default -> cmd.addAll(List.of("-jar", jar(name).toString(), "--server.port=" + port(name)));
            }
            if (name.equals("question-service")) {
                cmd.add("--markpoint.bank.load-sample=false"); // the tests author the few questions they need
            }
            ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Map<String, String> env = builder.environment();
            env.put("MARKPOINT_MONGODB_URI", mongoUri());
            env.put("MARKPOINT_KAFKA_BOOTSTRAP", kafkaBootstrap());
            env.put("MARKPOINT_QUESTION_URL", url("question-service"));
            env.put("MARKPOINT_MARKING_URL", url("marking-service"));
            env.put("MARKPOINT_PROGRESS_URL", url("progress-service"));
            env.put("MARKPOINT_MARKING_PORT", String.valueOf(port("marking-service")));
            // the gateway signs identities with the tests' secret; rate limits are out of a load test's way
            env.putAll(TestCredentials.stackEnv());
            env.put("MARKPOINT_DEV_ISSUER_KEY_FILE", dataDir.resolve("dev-issuer-key.json").toString());
            running.put(name, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitUp(String name) {
        Process process = running.get(name);
        await(name + " up").atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(300)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up; see " + logDir.resolve(name + ".log"));
            }
            return switch (name) {
                case "kafka", "mongo" -> logSinceStart(name).contains("markpoint-dev-" + name + " ready");
                case "gateway" -> status(url(name) + "/actuator/health") == 200;
                default -> status(url(name) + "/actuator/health/readiness") == 200;
            };
        });
    }

    private String logSinceStart(String name) throws IOException {
        byte[] all = Files.readAllBytes(logDir.resolve(name + ".log"));
        int from = (int) Math.min(all.length, logStart.getOrDefault(name, 0L));
        return new String(all, from, all.length - from, java.nio.charset.StandardCharsets.UTF_8);
    }

    static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** SIGTERM and wait for it to exit (the graceful path: in-flight work finishes, the outbox flushes). */
    void stop(String name) {
        Process p = running.remove(name);
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code kill -9}: no shutdown hook, no flush, no commit. */
    void kill(String name) {
        Process p = running.remove(name);
        if (p == null) {
            return;
        }
        p.destroyForcibly(); // SIGKILL on Linux
        try {
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code kill -STOP}: the process holds its sockets but answers nothing, like a service stuck in a long GC. */
    void freeze(String name) {
        signal(name, "STOP");
    }

    void thaw(String name) {
        signal(name, "CONT");
    }

    private void signal(String name, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(running.get(name).pid()))
                    .inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + name + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Services first, so they never lose their broker or database while still running. */
    @Override
    public void close() {
        List<String> names = new ArrayList<>(running.keySet());
        for (String name : names) {
            if (!name.equals("kafka") && !name.equals("mongo")) {
                thawQuietly(name);
                stop(name);
            }
        }
        stop("kafka");
        stop("mongo");
    }

    private void thawQuietly(String name) {
        try {
            thaw(name);
        } catch (RuntimeException ignored) {
            // it was not frozen, or is gone already
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}

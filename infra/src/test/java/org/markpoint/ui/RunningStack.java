package org.markpoint.ui;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.markpoint.model.security.Role;
import org.markpoint.testing.TestCredentials;

/**
 * The real {@code ./markpoint start --detach} on free ports with a throwaway data dir, as LauncherIT runs it:
 * Kafka broker, MongoDB-wire server, the three services and the gateway serving the web UI, with the sample bank.
 */
final class RunningStack implements AutoCloseable {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> MODULES =
            List.of("question-service", "marking-service", "progress-service", "gateway", "infra");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Path dataDir;
    private final Map<String, String> env = new HashMap<>();
    private final int gatewayPort;

    private RunningStack(Path dataDir) {
        this.dataDir = dataDir;
        int[] ports = freePorts(7);
        gatewayPort = ports[6];
        env.put("MARKPOINT_DATA_DIR", dataDir.toString());
        env.put("MARKPOINT_KAFKA_PORT", String.valueOf(ports[0]));
        env.put("MARKPOINT_KAFKA_CONTROLLER_PORT", String.valueOf(ports[1]));
        env.put("MARKPOINT_MONGO_PORT", String.valueOf(ports[2]));
        env.put("MARKPOINT_QUESTION_PORT", String.valueOf(ports[3]));
        env.put("MARKPOINT_MARKING_PORT", String.valueOf(ports[4]));
        env.put("MARKPOINT_PROGRESS_PORT", String.valueOf(ports[5]));
        env.put("MARKPOINT_GATEWAY_PORT", String.valueOf(gatewayPort));
        env.putAll(TestCredentials.stackEnv()); // the dev issuer on, rate limits out of the tests' way
    }

    private final Map<String, String> tokens = new HashMap<>();

    /** A staff token (admin, tutor, author, lms in tenant demo) from the stack's dev issuer. */
    String token() {
        return token("infra-test");
    }

    /** A staff token for this subject (who the UI shows as signed in, and names on a tutor's decisions). */
    String token(String subject) {
        return tokens.computeIfAbsent(subject, s -> TestCredentials.devToken(baseUrl(), s, "demo", Role.ADMIN,
                Role.TUTOR, Role.AUTHOR, Role.LMS));
    }

    /** Starts the stack and returns once the launcher says it is up with the sample bank loaded. */
    static RunningStack start() throws IOException, InterruptedException {
        requireBuiltJars();
        RunningStack stack = new RunningStack(Files.createTempDirectory("markpoint-ui-"));
        String output = stack.run(Duration.ofMinutes(5), "start", "--detach");
        if (!output.contains("Markpoint is up")) {
            stack.close();
            fail("./markpoint start --detach did not come up:%n%s", output);
        }
        return stack;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    /** A JSON POST through the gateway, with an Idempotency-Key when key is not empty. */
    HttpResponse<String> post(String path, String json, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token())
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (!key.isEmpty()) {
            request.header("Idempotency-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON PUT through the gateway with an If-Match (as an author saving a draft sends). */
    HttpResponse<String> put(String path, String json, String ifMatch) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token()).header("If-Match", ifMatch).PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + token())
                .GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The learner's mastery of the outcome as progress-service has it now; NaN before any evidence. */
    double mastery(String learner, String outcome) throws IOException, InterruptedException {
        Matcher m = Pattern.compile("\"outcomeId\":\"" + Pattern.quote(outcome) + "\",\"mastery\":([0-9.]+)")
                .matcher(get("/api/v1/progress/learners/" + learner + "/mastery").body());
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** A string field of a JSON body (the first with that name). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            fail("no \"%s\" in %s", name, json);
        }
        return m.group(1);
    }

    /** The process id of one component (question-service, marking-service, ..., kafka, mongo). */
    long pid(String component) throws IOException {
        return Long.parseLong(Files.readString(dataDir.resolve("pids").resolve(component + ".pid")).strip());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run(Duration.ofSeconds(90), "stop");
        } finally {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private String run(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", REPO.resolve("markpoint").toString()));
        command.addAll(List.of(args));
        // a file, not a pipe: the detached processes must not hold our stream open
        Path output = Files.createTempFile("markpoint-ui-", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroy();
                fail("./markpoint %s did not finish in %s:%n%s", String.join(" ", args), timeout,
                        Files.readString(output));
            }
            String printed = Files.readString(output);
            System.out.println("$ ./markpoint " + String.join(" ", args) + System.lineSeparator() + printed);
            return printed;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static void requireBuiltJars() {
        List<String> missing = MODULES.stream()
                .map(m -> REPO.resolve(m).resolve("target").resolve(m + "-0.1.0-SNAPSHOT-exec.jar"))
                .filter(jar -> !Files.isRegularFile(jar)).map(jar -> REPO.relativize(jar).toString()).toList();
        if (!missing.isEmpty()) {
            fail("the browser tests need the exec jars, missing: " + missing
                    + ". Build them first: ./mvnw -DskipTests package (or run ./mvnw verify from the repo root).");
        }
    }

    /** Distinct free loopback ports, all held open while choosing so none is picked twice. */
    private static int[] freePorts(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // it only reserved a number
                }
            }
        }
    }
}

package org.markpoint.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs the real {@code ./markpoint} the way a new user does: start detached, curl, stop. */
class LauncherIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path LAUNCHER = REPO.resolve("markpoint");
    private static final List<String> MODULES =
            List.of("question-service", "marking-service", "progress-service", "gateway", "infra");

    @TempDir
    Path dataDir;

    private Map<String, String> env;
    private int kafkaPort;
    private int gatewayPort;
    private int mongoPort;

    @BeforeEach
    void choosePorts() {
        int[] ports = FreePorts.pick(7);
        kafkaPort = ports[0];
        mongoPort = ports[2];
        gatewayPort = ports[6];
        env = new HashMap<>();
        env.put("MARKPOINT_DATA_DIR", dataDir.toString());
        env.put("MARKPOINT_KAFKA_PORT", String.valueOf(kafkaPort));
        env.put("MARKPOINT_KAFKA_CONTROLLER_PORT", String.valueOf(ports[1]));
        env.put("MARKPOINT_MONGO_PORT", String.valueOf(mongoPort));
        env.put("MARKPOINT_QUESTION_PORT", String.valueOf(ports[3]));
        env.put("MARKPOINT_MARKING_PORT", String.valueOf(ports[4]));
        env.put("MARKPOINT_PROGRESS_PORT", String.valueOf(ports[5]));
        env.put("MARKPOINT_GATEWAY_PORT", String.valueOf(gatewayPort));
        // the launcher only warns about a missing bank (asserted below); do not wait the full minute for it
        env.put("MARKPOINT_BANK_TIMEOUT", "30");
    }

    @AfterEach
    void stopWhateverIsLeft() throws Exception {
        run(Duration.ofSeconds(90), "stop");
    }

    @Test
    void givenPortInUse_whenStart_thenFailsNamingPortAndVariable() throws Exception {
        try (ServerSocket taken = new ServerSocket(kafkaPort, 1, InetAddress.getLoopbackAddress())) {
            Result result = run(Duration.ofSeconds(60), "start", "--detach");

            assertThat(result.exitCode()).isNotZero();
            assertThat(result.output())
                    .contains(String.valueOf(kafkaPort))
                    .contains("MARKPOINT_KAFKA_PORT")
                    .doesNotContain("Exception");
            assertThat(pidFiles()).isEmpty();
        }
    }

    @Test
    void givenScaleOutOfRange_whenStart_thenRefusedNamingTheOption() throws Exception {
        Result result = run(Duration.ofSeconds(60), "start", "--detach", "--scale", "0");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("--scale takes a number of instances from 1 to 9, got: 0");
        assertThat(pidFiles()).isEmpty();
    }

    @Test
    void givenScaleTwo_whenTheSecondMarkingInstancesPortIsBusy_thenFailsNamingThatInstanceAndItsVariable()
            throws Exception {
        try (ServerSocket taken = secondInstancePortHeld()) {
            int secondMarking = taken.getLocalPort();
            Result result = run(Duration.ofSeconds(60), "start", "--detach", "--scale", "2");

            assertThat(result.exitCode()).isNotZero();
            assertThat(result.output()).contains("port " + secondMarking + " (marking-service-2) is already in use")
                    .contains("MARKPOINT_MARKING_PORT");
            assertThat(pidFiles()).isEmpty();
        }
    }

    @Test
    void givenBuiltJars_whenStartDetached_thenGatewayIsHealthyAndStopEndsEveryProcess() throws Exception {
        requireBuiltJars();

        Result started = run(Duration.ofMinutes(5), "start", "--detach");
        assertThat(started.exitCode()).as("./markpoint start --detach printed:%n%s", started.output()).isZero();
        assertThat(started.output())
                .contains("Markpoint is up")
                .contains("http://127.0.0.1:" + gatewayPort + "/actuator/health")
                .contains("mongodb://127.0.0.1:" + mongoPort)
                .contains("127.0.0.1:" + kafkaPort)
                .as("the sample bank is served through the gateway")
                .containsPattern("sample bank +loaded")
                .as("a new user is told how to sign in")
                .contains("http://127.0.0.1:" + gatewayPort + "/login.html")
                .contains("tutor1 (tutor)").contains("learner1 (learner)").contains("admin1 (admin)")
                .contains("./markpoint token --role tutor --tenant demo");

        // the launcher made the gateway-to-service secret once, owner-only
        Path secret = dataDir.resolve("internal-secret");
        assertThat(Files.readString(secret).strip()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        assertThat(dataDir.resolve("dev-issuer-key.json")).isRegularFile();

        // the API needs a token; ./markpoint token gets one from the dev issuer
        assertThat(status("/api/v1/units", null)).isEqualTo(401);
        Result token = run(Duration.ofSeconds(30), "token", "--role", "tutor", "--tenant", "demo");
        assertThat(token.exitCode()).as(token.output()).isZero();
        bearer = token.output().strip();
        assertThat(bearer).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        Result badRole = run(Duration.ofSeconds(30), "token", "--role", "root");
        assertThat(badRole.exitCode()).isNotZero();
        assertThat(badRole.output()).contains("--role must be one of");

        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + "/actuator/health"))
                        .timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");

        // the bundled sample bank: all five seed units with their outcomes, and at least 40 published questions
        JsonNode units = JSON.readTree(get("/api/v1/units"));
        assertThat(units).hasSize(5);
        int outcomes = 0;
        for (JsonNode unit : units) {
            outcomes += unit.get("learningOutcomes").asInt();
        }
        assertThat(outcomes).isEqualTo(23);
        int questions = 0;
        String cursor = "";
        do {
            JsonNode page = JSON.readTree(get("/api/v1/questions?status=published&limit=200"
                    + (cursor.isEmpty() ? "" : "&cursor=" + cursor)));
            questions += page.get("items").size();
            cursor = page.hasNonNull("next") ? page.get("next").asString() : "";
        } while (!cursor.isEmpty());
        assertThat(questions).isGreaterThanOrEqualTo(40);

        List<Long> pids = readPids();
        assertThat(pids).hasSize(6);
        assertThat(pids).allMatch(LauncherIT::alive);

        Result stopped = run(Duration.ofSeconds(90), "stop");
        assertThat(stopped.exitCode()).as(stopped.output()).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pids).noneMatch(LauncherIT::alive));
        assertThat(pidFiles()).isEmpty();
    }

    private String bearer;

    private int status(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + path))
                        .header("Authorization", "Bearer " + bearer).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
        return r.body();
    }

    private static void requireBuiltJars() {
        List<String> missing = new ArrayList<>();
        for (String module : MODULES) {
            Path jar = REPO.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT-exec.jar");
            if (!Files.isRegularFile(jar)) {
                missing.add(REPO.relativize(jar).toString());
            }
        }
        if (!missing.isEmpty()) {
            fail("LauncherIT needs the exec jars, missing: " + missing
                    + ". Build them first: ./mvnw -DskipTests package (or run ./mvnw verify from the repo root).");
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !zombie(pid);
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return false;
        }
    }

    private List<Path> pidFiles() throws IOException {
        Path dir = dataDir.resolve("pids");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".pid")).toList();
        }
    }

    private List<Long> readPids() throws IOException {
        List<Long> pids = new ArrayList<>();
        for (Path file : pidFiles()) {
            pids.add(Long.parseLong(Files.readString(file).strip()));
        }
        return pids;
    }

    private Result run(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(List.of(args));
        // output to a file, not a pipe: the stack's processes must not hold our stream open
        Path output = Files.createTempFile("markpoint-", ".out");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(REPO.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroy();
                fail("./markpoint " + String.join(" ", args) + " did not finish in " + timeout + ":%n"
                        + Files.readString(output));
            }
            String printed = Files.readString(output);
            System.out.println("$ ./markpoint " + String.join(" ", args) + System.lineSeparator() + printed);
            return new Result(process.exitValue(), printed);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private record Result(int exitCode, String output) {
    }

    /**
     * Holds the port of marking-service-2 (marking's port + 10). A free port's neighbour 10 up may be taken by
     * something else on a busy machine, so marking's port is re-picked until that neighbour can be held here.
     */
    private ServerSocket secondInstancePortHeld() throws IOException {
        for (int attempt = 0; ; attempt++) {
            int marking = attempt == 0 ? Integer.parseInt(env.get("MARKPOINT_MARKING_PORT")) : FreePorts.pick(1)[0];
            try {
                ServerSocket held = new ServerSocket(marking + 10, 1, InetAddress.getLoopbackAddress());
                env.put("MARKPOINT_MARKING_PORT", String.valueOf(marking));
                return held;
            } catch (java.net.BindException e) {
                if (attempt >= 20) {
                    throw e;
                }
            }
        }
    }
}

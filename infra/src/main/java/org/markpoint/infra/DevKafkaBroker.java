package org.markpoint.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process),
 * run from the Maven jars. Storage is formatted once under the data dir and reused afterwards.
 *
 * <p>The quorum is static ({@code controller.quorum.voters}) rather than {@code --standalone}:
 * a dynamic quorum records the controller's endpoint in the metadata log, so changing the port
 * between runs would strand the broker; a static one reads it from the config every start.
 */
public final class DevKafkaBroker implements AutoCloseable {

    static final String READY_MARKER = "markpoint-dev-kafka ready";
    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final int port;
    private boolean closed;

    private DevKafkaBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static void main(String[] args) throws Exception {
        StackOptions options = StackOptions.parse(args);
        int port = options.port("port", 9092);
        int controllerPort = options.port("controller-port", port + 1);
        Path dataDir = options.path("data", "data/kafka");

        DevKafkaBroker broker = prepare(port, controllerPort, dataDir);
        // registered before startup, as kafka.Kafka does, so a SIGTERM mid-startup still shuts down cleanly
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("markpoint-dev-kafka stopping");
            broker.close();
        }, "kafka-shutdown"));
        broker.startup();
        System.out.println(READY_MARKER + " on " + broker.bootstrapServers() + " (data " + dataDir + ")");
        broker.server.awaitShutdown();
    }

    /** Formats the data dir if needed, starts broker and controller, returns once the broker is serving. */
    public static DevKafkaBroker start(int port, int controllerPort, Path dataDir) throws IOException {
        DevKafkaBroker broker = prepare(port, controllerPort, dataDir);
        broker.startup();
        return broker;
    }

    private static DevKafkaBroker prepare(int port, int controllerPort, Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path configFile = writeConfig(port, controllerPort, dataDir);
        formatIfNeeded(dataDir, configFile);

        Properties props = new Properties();
        try (var reader = Files.newBufferedReader(configFile)) {
            props.load(reader);
        }
        return new DevKafkaBroker(new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM), port);
    }

    private void startup() {
        try {
            server.startup();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.shutdown();
            server.awaitShutdown();
        }
    }

    static Path logDir(Path dataDir) {
        return dataDir.resolve("log");
    }

    private static Path writeConfig(int port, int controllerPort, Path dataDir) throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", String.valueOf(NODE_ID));
        p.setProperty("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", logDir(dataDir).toString());
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("num.partitions", "3");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        // internal topics: one replica, and fewer partitions than the 50 a cluster gets, for a fast first start
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // consumers join a group at once instead of waiting 3 s for others
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.retention.hours", "168");

        Path file = dataDir.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "generated by DevKafkaBroker on every start; edit DevKafkaBroker, not this file");
        }
        return file;
    }

    private static void formatIfNeeded(Path dataDir, Path configFile) throws IOException {
        if (Files.exists(logDir(dataDir).resolve("meta.properties"))) {
            return;
        }
        String clusterId = clusterId(dataDir);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exit = StorageTool.execute(
                    new String[] {"format", "--cluster-id", clusterId, "--config", configFile.toString()}, out);
        }
        String printed = output.toString(StandardCharsets.UTF_8).strip();
        if (exit != 0) {
            throw new IllegalStateException("formatting Kafka storage in " + dataDir + " failed: " + printed);
        }
        System.out.println(printed);
    }

    /** The cluster id is made once and kept beside the storage, so a re-format keeps the same id. */
    private static String clusterId(Path dataDir) throws IOException {
        Path file = dataDir.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id + System.lineSeparator());
        return id;
    }
}

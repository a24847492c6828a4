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
 * A real Apache Kafka broker in KRaft mode (broker and controller in one process), run from the Maven jars:
 * a single node by default, or one node of a cluster ({@code --node-id 2 --voters 1@host:p1,2@host:p2,3@host:p3},
 * as {@code ./markpoint start --scale N} runs three). Storage is formatted once under the data dir and reused.
 *
 * <p>The quorum is static ({@code controller.quorum.voters}) rather than {@code --standalone}:
 * a dynamic quorum records the controller's endpoint in the metadata log, so changing the port
 * between runs would strand the broker; a static one reads it from the config every start.
 */
public final class DevKafkaBroker implements AutoCloseable {

    static final String READY_MARKER = "markpoint-dev-kafka ready";

    /**
     * This node's place in the cluster: its id, every controller as {@code id@host:port}, and the replication
     * factor internal and default topics get (min.insync.replicas is one less, at least 1).
     */
    public record Cluster(int nodeId, String voters, int replication) {

        public static Cluster single(int controllerPort) {
            return new Cluster(1, "1@127.0.0.1:" + controllerPort, 1);
        }

        int minInsync() {
            return Math.max(1, replication - 1);
        }

        /** Every node of a cluster formats with the same id, derived from the voters so nothing is shared. */
        String clusterId() {
            java.util.UUID uuid = java.util.UUID.nameUUIDFromBytes(voters.getBytes(StandardCharsets.UTF_8));
            return new Uuid(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits()).toString();
        }
    }

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
        Cluster cluster = options.values().containsKey("voters")
                ? new Cluster(options.port("node-id", 1), options.values().get("voters"), options.port("replication", 3))
                : Cluster.single(controllerPort);

        DevKafkaBroker broker = prepare(port, controllerPort, dataDir, cluster);
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
        return start(port, controllerPort, dataDir, Cluster.single(controllerPort));
    }

    /** One node of a cluster; returns once its server started (the cluster serves once a quorum is up). */
    public static DevKafkaBroker start(int port, int controllerPort, Path dataDir, Cluster cluster)
            throws IOException {
        DevKafkaBroker broker = prepare(port, controllerPort, dataDir, cluster);
        broker.startup();
        return broker;
    }

    private static DevKafkaBroker prepare(int port, int controllerPort, Path dataDir, Cluster cluster)
            throws IOException {
        Files.createDirectories(dataDir);
        Path configFile = writeConfig(port, controllerPort, dataDir, cluster);
        formatIfNeeded(dataDir, configFile, cluster);

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

    private static Path writeConfig(int port, int controllerPort, Path dataDir, Cluster cluster) throws IOException {
        String replicas = String.valueOf(cluster.replication());
        String minInsync = String.valueOf(cluster.minInsync());
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", String.valueOf(cluster.nodeId()));
        p.setProperty("controller.quorum.voters", cluster.voters());
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", logDir(dataDir).toString());
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("num.partitions", "3");
        p.setProperty("default.replication.factor", replicas);
        p.setProperty("min.insync.replicas", minInsync);
        // internal topics: fewer partitions than the 50 a production cluster gets, for a fast first start
        p.setProperty("offsets.topic.replication.factor", replicas);
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.replication.factor", replicas);
        p.setProperty("transaction.state.log.min.isr", minInsync);
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.replication.factor", replicas);
        p.setProperty("share.coordinator.state.topic.min.isr", minInsync);
        // consumers join a group at once instead of waiting 3 s for others
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.retention.hours", "168");

        Path file = dataDir.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "generated by DevKafkaBroker on every start; edit DevKafkaBroker, not this file");
        }
        return file;
    }

    private static void formatIfNeeded(Path dataDir, Path configFile, Cluster cluster) throws IOException {
        if (Files.exists(logDir(dataDir).resolve("meta.properties"))) {
            return;
        }
        String clusterId = cluster.voters().contains(",") ? cluster.clusterId() : clusterId(dataDir);
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

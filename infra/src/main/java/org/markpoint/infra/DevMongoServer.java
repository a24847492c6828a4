package org.markpoint.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A MongoDB-wire server (mongo-java-server) whose data lives in one H2 MVStore file under the
 * data dir, so it survives restarts. Closing it closes the store, which writes what is pending. The backend is
 * {@link DevH2Backend}: it answers {@code hello} and keeps unique indexes in maps H2 compares natively.
 */
public final class DevMongoServer implements AutoCloseable {

    static final String READY_MARKER = "markpoint-dev-mongo ready";
    static final String STORE_FILE = "markpoint.mv";

    private final MongoServer server;
    private final int port;
    private boolean closed;

    private DevMongoServer(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static void main(String[] args) throws Exception {
        StackOptions options = StackOptions.parse(args);
        int port = options.port("port", 27017);
        Path dataDir = options.path("data", "data/mongo");

        DevMongoServer mongo = start(port, dataDir);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("markpoint-dev-mongo stopping");
            mongo.close();
            stopped.countDown();
        }, "mongo-shutdown"));
        System.out.println(READY_MARKER + " on " + mongo.connectionString() + " (data " + dataDir + ")");
        stopped.await();
    }

    public static DevMongoServer start(int port, Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        H2Backend backend = new DevH2Backend(dataDir.resolve(STORE_FILE).toString());
        MongoServer server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        return new DevMongoServer(server, port);
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.shutdown();
        }
    }
}

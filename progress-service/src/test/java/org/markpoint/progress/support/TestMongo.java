package org.markpoint.progress.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** One in-memory MongoDB-wire server per test JVM (the same server the embedded stack runs). */
public final class TestMongo {

    private static MongoServer server;

    private TestMongo() {
    }

    public static synchronized String uri() {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        }
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }
}

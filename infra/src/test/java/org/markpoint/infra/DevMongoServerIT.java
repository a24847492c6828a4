package org.markpoint.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevMongoServerIT {

    @TempDir
    Path dataDir;

    @Test
    void givenDocumentWritten_whenServerRestarted_thenDocumentIsReadBack() throws Exception {
        int port = FreePorts.pick(1)[0];

        try (DevMongoServer server = DevMongoServer.start(port, dataDir);
                MongoClient client = MongoClients.create(server.connectionString())) {
            collection(client).insertOne(new Document("_id", "q-1").append("stem", "Explain why ..."));
        }

        assertThat(dataDir.resolve(DevMongoServer.STORE_FILE)).exists();

        try (DevMongoServer server = DevMongoServer.start(port, dataDir);
                MongoClient client = MongoClients.create(server.connectionString())) {
            Document found = collection(client).find(Filters.eq("_id", "q-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("stem")).isEqualTo("Explain why ...");
        }
    }

    @Test
    void givenHelloCommand_whenRun_thenAnsweredLikeIsMaster() throws Exception {
        try (DevMongoServer server = DevMongoServer.start(FreePorts.pick(1)[0], dataDir);
                MongoClient client = MongoClients.create(server.connectionString())) {
            // what Spring Boot's MongoHealthIndicator sends
            Document reply = client.getDatabase("questions").runCommand(new Document("hello", 1));
            assertThat(reply.get("ok", Number.class).doubleValue()).isEqualTo(1.0);
            assertThat(reply.getBoolean("isWritablePrimary")).isTrue();
            assertThat(reply.getInteger("maxWireVersion")).isPositive();
        }
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("it").getCollection("docs");
    }
}

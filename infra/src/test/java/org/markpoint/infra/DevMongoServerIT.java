package org.markpoint.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
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

    @Test
    void givenStoreWrittenByPlainH2Backend_whenOpened_thenIndexesMovedAndStillFindAndRefuseDuplicates()
            throws Exception {
        int port = FreePorts.pick(1)[0];
        String file = dataDir.resolve(DevMongoServer.STORE_FILE).toString();
        MongoServer old = new MongoServer(new H2Backend(file));
        old.bind("127.0.0.1", port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> docs = collection(client);
            docs.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            List<Document> written = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                written.add(new Document("_id", "doc-" + i).append("key", i).append("text", "answer " + i));
            }
            docs.insertMany(written);
        } finally {
            old.shutdown();
        }
        assertThat(indexMapNames()).anyMatch(name -> name.contains("._index_"))
                .noneMatch(name -> name.contains("._keyindex_"));

        try (DevMongoServer server = DevMongoServer.start(port, dataDir);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = collection(client);
            assertThat(docs.find(Filters.eq("_id", "doc-17")).first()).containsEntry("text", "answer 17");
            assertThat(docs.find(Filters.eq("key", 230)).first()).containsEntry("_id", "doc-230");
            assertThat(docs.countDocuments()).isEqualTo(300);
            assertDuplicateRefused(() -> docs.insertOne(new Document("_id", "doc-5").append("key", 1000)));
            assertDuplicateRefused(() -> docs.insertOne(new Document("_id", "doc-new").append("key", 5)));
            docs.insertOne(new Document("_id", "doc-new").append("key", 1000));
            docs.updateOne(Filters.eq("_id", "doc-18"), new Document("$set", new Document("text", "changed")));
        }
        assertThat(indexMapNames()).noneMatch(name -> name.contains("._index_"))
                .contains("it.docs._keyindex__id_", "it.docs._keyindex_key_1");

        try (DevMongoServer server = DevMongoServer.start(port, dataDir);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = collection(client);
            assertThat(docs.find(Filters.eq("key", 1000)).first()).containsEntry("_id", "doc-new");
            assertThat(docs.find(Filters.eq("_id", "doc-18")).first()).containsEntry("text", "changed");
            assertThat(docs.find(Filters.eq("_id", "doc-19")).first()).containsEntry("text", "answer 19");
            assertDuplicateRefused(() -> docs.insertOne(new Document("_id", "doc-new")));
        }
    }

    @Test
    void givenUniqueIndexDroppedAndCollectionDropped_whenSameKeysWrittenAgain_thenAccepted() throws Exception {
        try (DevMongoServer server = DevMongoServer.start(FreePorts.pick(1)[0], dataDir);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = collection(client);
            String index = docs.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            docs.insertOne(new Document("_id", "a").append("key", 1));
            assertDuplicateRefused(() -> docs.insertOne(new Document("_id", "b").append("key", 1)));

            docs.dropIndex(index);
            docs.insertOne(new Document("_id", "b").append("key", 1));
            docs.drop();
            docs.insertOne(new Document("_id", "a").append("key", 1));
            assertThat(docs.countDocuments()).isEqualTo(1);
        }
        assertThat(indexMapNames()).containsExactly("it.docs._keyindex__id_");
    }

    private static void assertDuplicateRefused(Runnable write) {
        assertThatThrownBy(write::run).isInstanceOfSatisfying(MongoWriteException.class,
                e -> assertThat(e.getError().getCode()).isEqualTo(11000));
    }

    /** The H2 map names of unique indexes in the (closed) store file. */
    private List<String> indexMapNames() {
        MVStore store = new MVStore.Builder().fileName(dataDir.resolve(DevMongoServer.STORE_FILE).toString())
                .readOnly().open();
        try {
            return store.getMapNames().stream().filter(name -> name.contains("index_")).sorted().toList();
        } finally {
            store.close();
        }
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("it").getCollection("docs");
    }
}

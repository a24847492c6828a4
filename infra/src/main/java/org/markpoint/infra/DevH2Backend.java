package org.markpoint.infra;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 backend with two changes for the dev stack:
 * <ul>
 * <li>it answers {@code hello} (1.47 knows only the legacy {@code isMaster}, and Spring Boot's Mongo health
 * indicator sends {@code hello}) the way it answers {@code isMaster};</li>
 * <li>unique indexes ({@code _id} and the unique secondary ones) are {@link KeyValueUniqueIndex}es, whose keys H2
 * compares natively instead of serialising both sides of every comparison.</li>
 * </ul>
 */
final class DevH2Backend extends H2Backend {

    DevH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if ("hello".equalsIgnoreCase(command)) {
            Document reply = super.handleCommand(channel, databaseName, "isMaster", query);
            reply.put("isWritablePrimary", Boolean.TRUE);
            return reply;
        }
        return super.handleCommand(channel, databaseName, command, query);
    }

    // H2Backend's constructor already opens the databases it finds in the file, so this runs before our own
    // constructor body: it may use only what H2Backend has set up (the store, the cursor registry).
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * An inner class on purpose: H2Database's constructor opens the indexes of existing collections, i.e. calls
     * {@link #openOrCreateUniqueIndex} before a field of this class could be set, and the enclosing backend (which
     * owns the store) is the one reference Java sets before the super constructor runs.
     */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            return new KeyValueUniqueIndex(
                    KeyValueUniqueIndex.openMap(getMvStore(), getFullCollectionNamespace(collectionName), indexName),
                    indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName); // removes the (absent) old-layout map
            getMvStore().removeMap(
                    KeyValueUniqueIndex.mapName(getFullCollectionNamespace(collection.getCollectionName()), indexName));
        }
    }
}

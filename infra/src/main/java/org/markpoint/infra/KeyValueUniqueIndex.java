package org.markpoint.infra;

import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A unique index (the {@code _id} index and every unique secondary one) kept in an H2 map keyed by
 * {@link KeyValueType}: what mongo-java-server's own {@code H2UniqueIndex} does, with keys H2 compares without
 * serialising them.
 *
 * <p>The maps have their own names ({@code <db>.<collection>._keyindex_<index>}): the ordering differs from the
 * map mongo-java-server writes ({@code ._index_}), so an old map must not be read with the new key type. A store
 * written before this class has only old maps; {@link #openMap} copies one into its new map the first time and
 * then removes it. A copy cut short (the process killed) is redone from the start on the next open, because the old
 * map is removed only once the copy is committed.
 */
final class KeyValueUniqueIndex extends AbstractUniqueIndex<Object> {

    static final String MAP_INFIX = "._keyindex_";
    static final String LEGACY_MAP_INFIX = "._index_";

    private final MVMap<KeyValue, Object> map;

    KeyValueUniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
    }

    /** The index map of {@code indexName} on the collection {@code namespace} ({@code db.collection}). */
    static MVMap<KeyValue, Object> openMap(MVStore store, String namespace, String indexName) {
        MVMap<KeyValue, Object> map = store.openMap(mapName(namespace, indexName),
                new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
        String legacyName = namespace + LEGACY_MAP_INFIX + indexName;
        if (store.hasMap(legacyName)) {
            MVMap<KeyValue, Object> legacy = store.openMap(legacyName);
            map.clear();
            for (Map.Entry<KeyValue, Object> entry : legacy.entrySet()) {
                map.put(entry.getKey(), entry.getValue());
            }
            store.commit();
            store.removeMap(legacy);
            store.commit();
        }
        return map;
    }

    static String mapName(String namespace, String indexName) {
        return namespace + MAP_INFIX + indexName;
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return map.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return map.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return map.get(key);
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}

package org.markpoint.infra;

import java.nio.ByteBuffer;
import java.util.Map;

import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * H2 value type for the documents of a collection: writes them as BSON (mongo-java-server's own encoder, the one
 * that puts them on the wire) instead of H2's default, Java serialisation, which took about a third of the dev
 * server's CPU in a batch (writing pages at each commit, reading them back) and much of its garbage.
 *
 * <p>A value written here starts with {@link #BSON_TAG}, a tag {@link ObjectDataType} never writes (its tags end
 * below 128); anything else is read by {@link ObjectDataType}. So a store written before this type opens as it is:
 * old documents are read the old way, and each page is written as BSON the next time it changes. A value BSON cannot
 * hold (mongo-java-server has no encoding for it) is written the old way too.
 *
 * <p>What a round trip through BSON changes is what the wire changes: an {@code Instant} keeps milliseconds (the
 * server's {@code $currentDate} can set finer ones, which clients never saw), any map reads back as a
 * {@code Document} and any collection as a list.
 */
final class BsonDocumentType extends BasicDataType<Object> {

    static final int BSON_TAG = 0xB5;

    private final ObjectDataType fallback = new ObjectDataType();
    /** Running mean of the encoded size: the memory estimate H2 asks for (ObjectDataType guesses the same way). */
    private volatile int averageSize = 1024;

    @Override
    public int getMemory(Object value) {
        return value instanceof Map<?, ?> ? averageSize : fallback.getMemory(value);
    }

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (value instanceof Map<?, ?> document) {
            ByteBuf bson = Unpooled.buffer(Math.max(256, averageSize));
            try {
                @SuppressWarnings("unchecked")
                Map<String, ?> fields = (Map<String, ?>) document;
                BsonEncoder.encodeDocument(fields, bson);
                int size = bson.readableBytes();
                buffer.put((byte) BSON_TAG).putVarInt(size).put(bson.array(), bson.arrayOffset() + bson.readerIndex(),
                        size);
                averageSize = (averageSize * 15 + size) / 16;
                return;
            } catch (IllegalArgumentException notBson) {
                // a value mongo-java-server cannot encode: Java serialisation below, as before
            }
        }
        fallback.write(buffer, value);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if ((buffer.get(buffer.position()) & 0xFF) != BSON_TAG) {
            return fallback.read(buffer);
        }
        buffer.get();
        int size = DataUtils.readVarInt(buffer);
        byte[] bson = new byte[size];
        buffer.get(bson);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}

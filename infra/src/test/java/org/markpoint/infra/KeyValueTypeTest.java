package org.markpoint.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

class KeyValueTypeTest {

    private final KeyValueType type = new KeyValueType();

    @Test
    void givenNumbers_whenCompared_thenInNumericOrderNotByteOrder() {
        assertThat(type.compare(new KeyValue(2.0), new KeyValue(10.0))).isNegative();
        assertThat(type.compare(new KeyValue(10.0), new KeyValue(2.0))).isPositive();
        assertThat(type.compare(new KeyValue(-1.5), new KeyValue(0.0))).isNegative();
    }

    @Test
    void givenMixedTypes_whenCompared_thenInMongoTypeOrder() {
        // MongoDB's order: null < numbers < strings < documents < ObjectId < booleans < dates
        List<KeyValue> ascending = List.of(new KeyValue((Object) null), new KeyValue(3.0), new KeyValue("a"),
                new KeyValue(new Document("x", 1.0)), new KeyValue(new ObjectId()), new KeyValue(true),
                new KeyValue(Instant.parse("2026-11-26T10:00:00Z")));
        for (int i = 0; i + 1 < ascending.size(); i++) {
            assertThat(type.compare(ascending.get(i), ascending.get(i + 1))).as("%s < %s", ascending.get(i),
                    ascending.get(i + 1)).isNegative();
            assertThat(type.compare(ascending.get(i + 1), ascending.get(i))).isPositive();
        }
    }

    @Test
    void givenEqualKeysBuiltSeparately_whenCompared_thenZero() {
        UUID uuid = UUID.randomUUID();
        assertThat(type.compare(new KeyValue("mark-1", 4.0, uuid), new KeyValue("mark-1", 4.0, uuid))).isZero();
        assertThat(type.compare(new KeyValue(new Document("a", 1.0).append("b", "x")),
                new KeyValue(new Document("a", 1.0).append("b", "x")))).isZero();
        assertThat(type.compare(new KeyValue((Object) null), new KeyValue((Object) null))).isZero();
    }

    @Test
    void givenValuesMongoOrdersAsEqualButThatDiffer_whenCompared_thenStillDistinctAndAntisymmetric() {
        // 2^53 + 1 is not a double: mongo-java-server keeps it a Long; ValueComparator sees it equal to 2^53 as Double
        KeyValue bigLong = new KeyValue(9_007_199_254_740_993L);
        KeyValue nearDouble = new KeyValue(9_007_199_254_740_992.0);
        int order = type.compare(bigLong, nearDouble);
        assertThat(order).isNotZero();
        assertThat(type.compare(nearDouble, bigLong)).isEqualTo(-order);
        // field order matters in a MongoDB document, as it did in the serialised comparison
        KeyValue ab = new KeyValue(new Document("a", 1.0).append("b", 2.0));
        KeyValue ba = new KeyValue(new Document("b", 2.0).append("a", 1.0));
        assertThat(type.compare(ab, ba)).isNotZero();
        assertThat(Integer.signum(type.compare(ba, ab))).isEqualTo(-Integer.signum(type.compare(ab, ba)));
    }

    @Test
    void givenCompoundKeys_whenCompared_thenFirstDifferingElementDecides() {
        assertThat(type.compare(new KeyValue("q1", 2.0), new KeyValue("q1", 10.0))).isNegative();
        assertThat(type.compare(new KeyValue("q2", 1.0), new KeyValue("q1", 10.0))).isPositive();
    }

    @Test
    void givenKeysOfEveryKind_whenWrittenAndRead_thenEqualKeysComeBack() {
        List<KeyValue> keys = new ArrayList<>(List.of(new KeyValue("batch-7:chunk-3"), new KeyValue(42.0),
                new KeyValue(Long.MAX_VALUE), new KeyValue((Object) null), new KeyValue(new ObjectId()),
                new KeyValue(Instant.parse("2026-11-26T10:00:00Z")), new KeyValue(UUID.randomUUID()),
                new KeyValue(true), new KeyValue(new Document("tenant", "demo").append("n", 3.0)),
                new KeyValue("tenant-a", "learner-1", 7.0)));
        WriteBuffer buffer = new WriteBuffer();
        for (KeyValue key : keys) {
            type.write(buffer, key);
        }
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        for (KeyValue key : keys) {
            KeyValue read = type.read(written);
            assertThat(read).isEqualTo(key);
            assertThat(type.compare(read, key)).isZero();
            assertThat(type.getMemory(read)).isPositive();
        }
        assertThat(written.hasRemaining()).isFalse();
    }
}

package org.markpoint.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

class BsonDocumentTypeTest {

    private final BsonDocumentType type = new BsonDocumentType();

    @Test
    void givenDocumentOfEveryWireType_whenWrittenAndRead_thenEqualDocumentComesBack() {
        Document chunk = new Document("_id", "batch-1:0").append("n", 42).append("big", 1L << 40)
                .append("score", 0.82).append("done", true).append("missingNot", null)
                .append("oid", new ObjectId()).append("at", Instant.ofEpochMilli(1_764_151_200_123L))
                .append("uuid", UUID.randomUUID())
                .append("items", List.of(new Document("answer", "Training closes the skills gap").append("i", 0),
                        new Document("answer", "été naïve 中文").append("i", 1)))
                .append("nested", new Document("a", new Document("b", List.of(1, 2.5, "x"))));

        Object read = roundTrip(chunk);

        assertThat(read).isInstanceOf(Document.class).isEqualTo(chunk);
        assertThat(((Document) read).keySet()).containsExactlyElementsOf(chunk.keySet());
    }

    @Test
    void givenValueWrittenByH2Default_whenRead_thenReadTheOldWay() {
        Document old = new Document("_id", "q-1").append("stem", "Explain why ...").append("marks", 4);
        WriteBuffer buffer = new WriteBuffer();
        new ObjectDataType().write(buffer, old);
        ByteBuffer written = buffer.getBuffer();
        written.flip();

        assertThat(type.read(written)).isEqualTo(old);
        assertThat(written.hasRemaining()).isFalse();
    }

    @Test
    void givenValueBsonCannotHold_whenWrittenAndRead_thenKeptTheOldWay() {
        Document withFloat = new Document("_id", "f").append("ratio", 0.5f);
        assertThat(roundTrip(withFloat)).isEqualTo(withFloat);
        assertThat(roundTrip("not a document")).isEqualTo("not a document");
    }

    @Test
    void givenDocumentsWritten_whenMemoryAsked_thenEstimateFollowsTheirSize() {
        Document large = new Document("_id", "c").append("text", "x".repeat(100_000));
        for (int i = 0; i < 64; i++) {
            roundTrip(large);
        }
        assertThat(type.getMemory(large)).isGreaterThan(50_000);
    }

    private Object roundTrip(Object value) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, value);
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        Object read = type.read(written);
        assertThat(written.hasRemaining()).isFalse();
        return read;
    }
}

package org.markpoint.marking.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads dead-letter topics with a throwaway consumer that joins no group (assign + seek, nothing committed), so
 * looking never moves anyone's offsets.
 */
@Component
class DeadLetterReader {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final int STACK_TRACE_CHARS = 4000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConsumerFactory<?, ?> consumers;

    DeadLetterReader(ConsumerFactory<?, ?> consumers) {
        this.consumers = consumers;
    }

    /** The newest {@code limit} dead letters of each topic (fewer if there are fewer), newest first overall. */
    List<DeadLetter> newest(List<String> topics, int limit) {
        try (Consumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo p : Optional.ofNullable(consumer.partitionsFor(topic, WAIT)).orElse(List.of())) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, WAIT);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, WAIT);
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, Math.max(begin.get(tp), end.get(tp) - limit));
            }
            List<DeadLetter> found = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> found.add(of(r, false)));
            }
            return found.stream().sorted(Comparator.comparing(DeadLetter::deadAt).reversed()
                    .thenComparing(DeadLetter::id)).limit(limit).toList();
        }
    }

    /** One dead letter with its payload and headers, if that offset holds one. */
    Optional<DeadLetter> find(String topic, int partition, long offset) {
        try (Consumer<String, String> consumer = consumer()) {
            TopicPartition tp = new TopicPartition(topic, partition);
            boolean exists = Optional.ofNullable(consumer.partitionsFor(topic, WAIT)).orElse(List.of()).stream()
                    .anyMatch(p -> p.partition() == partition);
            if (!exists) {
                return Optional.empty();
            }
            consumer.assign(List.of(tp));
            long begin = consumer.beginningOffsets(List.of(tp), WAIT).get(tp);
            long end = consumer.endOffsets(List.of(tp), WAIT).get(tp);
            if (offset < begin || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() == offset) {
                        return Optional.of(of(r, true));
                    }
                    if (r.offset() > offset) {
                        return Optional.empty(); // compacted or transactional marker: nothing at that offset
                    }
                }
            }
            throw new org.apache.kafka.common.errors.TimeoutException("reading " + tp + " at " + offset);
        }
    }

    @SuppressWarnings("unchecked")
    private Consumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis());
        return (Consumer<String, String>) consumers.createConsumer(null, "dead-letters", null, p);
    }

    static DeadLetter of(ConsumerRecord<String, String> r, boolean detail) {
        String payload = r.value();
        JsonNode event = parse(payload);
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), headerText(h));
        }
        DeadLetter.Reason reason = new DeadLetter.Reason(headers.get(KafkaHeaders.DLT_EXCEPTION_FQCN),
                headers.get(KafkaHeaders.DLT_EXCEPTION_MESSAGE), headers.get(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN));
        String originalTopic = headers.getOrDefault(KafkaHeaders.DLT_ORIGINAL_TOPIC, DeadLetters.originalTopic(r.topic()));
        return new DeadLetter(DeadLetters.id(r.topic(), r.partition(), r.offset()), r.topic(), r.partition(),
                r.offset(), Instant.ofEpochMilli(r.timestamp()), originalTopic,
                intHeader(r, KafkaHeaders.DLT_ORIGINAL_PARTITION), longHeader(r, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                headers.get(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP), r.key(), reason,
                text(event, "eventId"), text(event, "type"), null, detail ? payload : null,
                detail ? headers : null);
    }

    private static JsonNode parse(String payload) {
        try {
            return payload == null ? JSON.missingNode() : JSON.readTree(payload);
        } catch (RuntimeException notJson) {
            return JSON.missingNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isString() ? v.asString() : null;
    }

    /** Numbers the error handler wrote as big-endian binary are shown as numbers; the stack trace is cut short. */
    private static String headerText(Header h) {
        byte[] v = h.value();
        if (v == null) {
            return "";
        }
        if (h.key().equals(KafkaHeaders.DLT_ORIGINAL_PARTITION) && v.length == Integer.BYTES) {
            return String.valueOf(ByteBuffer.wrap(v).getInt());
        }
        if ((h.key().equals(KafkaHeaders.DLT_ORIGINAL_OFFSET) || h.key().equals(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP))
                && v.length == Long.BYTES) {
            return String.valueOf(ByteBuffer.wrap(v).getLong());
        }
        String s = new String(v, StandardCharsets.UTF_8);
        return h.key().equals(KafkaHeaders.DLT_EXCEPTION_STACKTRACE) && s.length() > STACK_TRACE_CHARS
                ? s.substring(0, STACK_TRACE_CHARS) + "..." : s;
    }

    private static Integer intHeader(ConsumerRecord<?, ?> r, String key) {
        Header h = r.headers().lastHeader(key);
        return h != null && h.value() != null && h.value().length == Integer.BYTES
                ? ByteBuffer.wrap(h.value()).getInt() : null;
    }

    private static Long longHeader(ConsumerRecord<?, ?> r, String key) {
        Header h = r.headers().lastHeader(key);
        return h != null && h.value() != null && h.value().length == Long.BYTES
                ? ByteBuffer.wrap(h.value()).getLong() : null;
    }
}

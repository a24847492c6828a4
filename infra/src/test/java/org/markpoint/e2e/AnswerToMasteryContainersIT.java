package org.markpoint.e2e;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same scenario against real MongoDB (replica set) and Apache Kafka (KRaft) images. Needs a Docker engine;
 * where none runs (our CI) JUnit reports it skipped, and {@link AnswerToMasteryIT} covers the embedded stack.
 */
@Testcontainers(disabledWithoutDocker = true)
class AnswerToMasteryContainersIT extends AnswerToMasteryScenario {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @Override
    String[] startInfrastructure() {
        return new String[] {MONGO.getReplicaSetUrl("markpoint"), KAFKA.getBootstrapServers()};
    }

    @Override
    void stopInfrastructure() {
        // the Testcontainers extension stops the containers
    }
}

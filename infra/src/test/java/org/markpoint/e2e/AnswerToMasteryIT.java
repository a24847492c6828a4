package org.markpoint.e2e;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.List;
import org.markpoint.model.event.Topics;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The scenario on the embedded default: a real KRaft Kafka broker and the MongoDB-wire server, in this JVM. */
class AnswerToMasteryIT extends AnswerToMasteryScenario {

    private EmbeddedKafkaKraftBroker kafka;
    private MongoServer mongo;

    @Override
    String[] startInfrastructure() {
        List<String> topics = new ArrayList<>(Topics.ALL);
        Topics.ALL.forEach(t -> topics.add(Topics.deadLetter(t)));
        kafka = new EmbeddedKafkaKraftBroker(1, 3, topics.toArray(String[]::new));
        kafka.afterPropertiesSet();
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        return new String[] {"mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort(), kafka.getBrokersAsString()};
    }

    @Override
    void stopInfrastructure() {
        mongo.shutdownNow();
        kafka.destroy();
    }
}

package org.markpoint.progress.support;

import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.markpoint.model.event.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Declares every topic and its dead-letter twin, so the first publisher finds them with our partitioning. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(KafkaConfig.TopicProperties.class)
public class KafkaConfig {

    @ConfigurationProperties("markpoint.topics")
    public record TopicProperties(Integer partitions, Integer replicas) {
        public TopicProperties {
            partitions = partitions == null ? 3 : partitions;
            replicas = replicas == null ? 1 : replicas;
        }
    }

    @Bean
    KafkaAdmin.NewTopics markpointTopics(TopicProperties props) {
        List<NewTopic> topics = Topics.ALL.stream()
                .flatMap(t -> java.util.stream.Stream.of(t, Topics.deadLetter(t)))
                .map(t -> TopicBuilder.name(t).partitions(props.partitions()).replicas(props.replicas()).build())
                .toList();
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}

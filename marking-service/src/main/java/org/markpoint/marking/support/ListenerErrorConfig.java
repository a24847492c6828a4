package org.markpoint.marking.support;

import org.apache.kafka.common.TopicPartition;
import org.markpoint.model.event.MalformedEventException;
import org.markpoint.model.event.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The failure policy of every listener: bounded retries with back-off, then the record goes to its topic's
 * {@code .dlt} twin with the failure in its headers. Malformed events skip the retries: they can never succeed.
 */
@Configuration
class ListenerErrorConfig {

    @Bean
    DefaultErrorHandler listenerErrorHandler(KafkaTemplate<String, String> template) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxAttempts(4);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class, IllegalArgumentException.class);
        return handler;
    }
}

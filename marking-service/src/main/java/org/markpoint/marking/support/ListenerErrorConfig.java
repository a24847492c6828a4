package org.markpoint.marking.support;

import org.apache.kafka.common.TopicPartition;
import org.markpoint.model.event.MalformedEventException;
import org.markpoint.model.event.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The failure policy of every listener: bounded retries with back-off, then the record goes to its topic's
 * {@code .dlt} twin with the failure in its headers. Malformed events skip the retries: they can never succeed.
 * A database that is away is not the record's fault: those failures retry for minutes (holding the partition, so
 * order is kept) before giving up to the dead-letter topic, where they can be replayed.
 */
@Configuration
class ListenerErrorConfig {

    @Bean
    DefaultErrorHandler listenerErrorHandler(KafkaTemplate<String, String> template) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        ExponentialBackOff quick = new ExponentialBackOff(200, 2.0);
        quick.setMaxAttempts(4);
        ExponentialBackOff patient = new ExponentialBackOff(500, 2.0);
        patient.setMaxInterval(10_000);
        patient.setMaxElapsedTime(300_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, quick);
        handler.setBackOffFunction((record, e) -> infrastructureAway(e) ? patient : quick);
        handler.addNotRetryableExceptions(MalformedEventException.class, IllegalArgumentException.class);
        return handler;
    }

    static boolean infrastructureAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException) {
                return true;
            }
        }
        return false;
    }
}

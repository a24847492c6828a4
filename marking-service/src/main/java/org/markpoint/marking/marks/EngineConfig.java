package org.markpoint.marking.marks;

import org.markpoint.marking.engine.MarkingEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class EngineConfig {

    /** Loaded once at start-up (the NLP models take a moment) and shared: the engine is thread-safe. */
    @Bean
    MarkingEngine markingEngine() {
        return MarkingEngine.createDefault();
    }
}

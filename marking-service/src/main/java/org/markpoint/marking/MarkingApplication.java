package org.markpoint.marking;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class MarkingApplication {

    /** Each service reads its own {@code marking-service.yml} so several services can share one test classpath. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(MarkingApplication.class).properties("spring.config.name=marking-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}

package org.markpoint.progress;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class ProgressApplication {

    /** Each service reads its own {@code progress-service.yml} so several services can share one test classpath. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ProgressApplication.class)
                .properties("spring.config.name=progress-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}

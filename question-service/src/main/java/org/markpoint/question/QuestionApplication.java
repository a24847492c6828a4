package org.markpoint.question;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class QuestionApplication {

    /** Each service reads its own {@code question-service.yml} so several services can share one test classpath. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(QuestionApplication.class)
                .properties("spring.config.name=question-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}

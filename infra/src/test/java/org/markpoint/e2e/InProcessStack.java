package org.markpoint.e2e;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.markpoint.gateway.GatewayApplication;
import org.markpoint.infra.FreePorts;
import org.markpoint.marking.MarkingApplication;
import org.markpoint.model.event.Topics;
import org.markpoint.progress.ProgressApplication;
import org.markpoint.question.QuestionApplication;
import org.markpoint.testing.TestCredentials;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The three real services (and, when asked, the real gateway in front of them) in this JVM over an embedded Kafka
 * broker with every topic and its dead-letter topic, and an in-memory MongoDB-wire server; each service on a free
 * port with the tests' internal secret, no sample bank, and a fast outbox. {@link #close()} stops it all.
 */
final class InProcessStack implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker kafka;
    private final MongoServer mongo;
    private final List<ConfigurableApplicationContext> services = new ArrayList<>();
    final String mongoUri;
    final String question;
    final String marking;
    final String progress;
    /** {@code http://127.0.0.1:<port>} of the gateway, or "" when the stack runs without it. */
    final String gateway;
    final ConfigurableApplicationContext progressContext;

    private InProcessStack(boolean withGateway, List<String> progressArgs) {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        List<String> topics = new ArrayList<>(Topics.ALL);
        Topics.ALL.forEach(t -> topics.add(Topics.deadLetter(t)));
        kafka = new EmbeddedKafkaKraftBroker(1, 3, topics.toArray(String[]::new));
        kafka.afterPropertiesSet();
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        mongoUri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
        // the gateway's port is known before progress-service starts: its public (LTI tool) URL names it
        gateway = withGateway ? "http://127.0.0.1:" + FreePorts.pick(1)[0] : "";
        List<String> common = List.of("--server.port=0", "--spring.mongodb.uri=" + mongoUri,
                "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                "--markpoint.bank.load-sample=false", "--markpoint.outbox.poll-ms=50",
                "--markpoint.security.internal-secret=" + TestCredentials.SECRET);
        try {
            question = url(start(QuestionApplication.builder(), common));
            marking = url(start(MarkingApplication.builder(), common));
            List<String> progressAll = new ArrayList<>(common);
            progressAll.add("--markpoint.marking.url=" + marking);
            progressAll.add("--markpoint.question.url=" + question);
            if (withGateway) {
                progressAll.add("--markpoint.lti.tool-url=" + gateway);
            }
            progressAll.addAll(progressArgs);
            progressContext = start(ProgressApplication.builder(), progressAll);
            progress = url(progressContext);
            if (withGateway) {
                // the gateway's application.yml reads the launcher's environment variables: arguments stand in for them
                List<String> gatewayArgs = new ArrayList<>(List.of("--server.port=" + gateway.substring(
                        gateway.lastIndexOf(':') + 1), "--MARKPOINT_QUESTION_URL=" + question,
                        "--MARKPOINT_MARKING_URL=" + marking, "--MARKPOINT_PROGRESS_URL=" + progress,
                        "--MARKPOINT_LTI_SESSION_JWKS_URI=" + progress + "/lti/session-keys",
                        "--MARKPOINT_MONGODB_URI=" + mongoUri,
                        // infra's failsafe turns it off for the servlet apps of this JVM (see infra/pom.xml)
                        "--spring.cloud.gateway.server.webflux.enabled=true"));
                TestCredentials.stackEnv().forEach((name, value) -> gatewayArgs.add("--" + name + "=" + value));
                start(new SpringApplicationBuilder(GatewayApplication.class).web(WebApplicationType.REACTIVE),
                        gatewayArgs);
            }
        } catch (RuntimeException e) {
            close(); // what did start stops again: the next test class gets the ports and threads back
            throw e;
        }
    }

    /** The three services, no gateway; {@code progressArgs} are extra arguments for progress-service. */
    static InProcessStack services(String... progressArgs) {
        return new InProcessStack(false, List.of(progressArgs));
    }

    /** The three services behind the gateway (the LTI tool URL is the gateway's). */
    static InProcessStack withGateway(String... progressArgs) {
        return new InProcessStack(true, List.of(progressArgs));
    }

    private ConfigurableApplicationContext start(SpringApplicationBuilder builder, List<String> args) {
        ConfigurableApplicationContext context = builder.run(args.toArray(String[]::new));
        services.add(context);
        return context;
    }

    private static String url(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
        Collections.reverse(services);
        services.forEach(ConfigurableApplicationContext::close);
        mongo.shutdownNow();
        kafka.destroy();
    }
}

package org.markpoint.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.markpoint.marking.support.KafkaConfig;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml and infra/k8s are configuration the build never runs (no Docker here), so this checks them
 * against the code they deploy: every env var a manifest sets is one the service reads, ports agree, probes hit
 * the endpoints the services expose, and the Kafka cluster keeps the replication the scale-out design needs.
 */
class DeploymentManifestsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern ENV_REF = Pattern.compile("\\$\\{(MARKPOINT_[A-Z_]+)(?::([^}]*))?}");
    private static final List<String> SERVICES = List.of("question-service", "marking-service", "progress-service",
            "gateway");
    /** Env vars Spring binds by relaxed binding to {@code markpoint.topics.*} (checked against the record below). */
    private static final Set<String> TOPIC_VARS = Set.of("MARKPOINT_TOPICS_PARTITIONS", "MARKPOINT_TOPICS_REPLICAS");

    /**
     * The gateway-to-service identity secret: every component gets it, the gateway reads it here; the services read
     * it through {@code markpoint.security.internal-secret} (their identity filter, issue 8).
     */
    private static final String INTERNAL_SECRET = "MARKPOINT_INTERNAL_SECRET";

    private static Map<String, Object> compose;
    private static Map<String, List<Map<String, Object>>> k8s;

    @BeforeAll
    static void load() throws IOException {
        compose = yaml(ROOT.resolve("infra/docker-compose.yml")).getFirst();
        k8s = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("infra/k8s"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                k8s.put(f.getFileName().toString(), yaml(f));
            }
        }
    }

    @Test
    void topicEnvVarsBindToTheTopicProperties() {
        List<String> components = Stream.of(KafkaConfig.TopicProperties.class.getRecordComponents())
                .map(c -> "MARKPOINT_TOPICS_" + c.getName().toUpperCase()).toList();
        assertThat(components).containsExactlyInAnyOrderElementsOf(TOPIC_VARS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"question-service", "marking-service", "progress-service", "gateway"})
    void composeServiceMatchesItsConfig(String service) {
        ServiceConfig config = ServiceConfig.of(service);
        Map<String, Object> svc = map(map(compose.get("services")).get(service));
        Map<String, String> env = stringMap(svc.get("environment"));

        assertThat(unknownVars(env.keySet(), config)).as("env vars %s sets that %s never reads", service, service)
                .isEmpty();
        assertThat(env).containsEntry(config.portVar(), String.valueOf(config.defaultPort()));
        if (config.readsVar("MARKPOINT_MONGODB_URI")) {
            assertThat(env.get("MARKPOINT_MONGODB_URI")).contains("replicaSet=rs0");
            assertThat(env.get("MARKPOINT_KAFKA_BOOTSTRAP").split(",")).hasSize(3);
        }
        String health = String.join(" ", strings(map(svc.get("healthcheck")).get("test")));
        assertThat(health).contains("/dev/tcp/127.0.0.1/" + config.defaultPort())
                .contains("/actuator/health/readiness");
        assertThat(config.probesEnabled()).as("%s exposes liveness/readiness groups", service).isTrue();
        env.forEach((name, value) -> {
            if (name.endsWith("_URL") && !name.equals(PUBLIC_URL)) {
                assertServiceUrl(name, value);
            }
        });
    }

    @Test
    void everyServiceGetsTheOneInternalSecretTheGatewaySignsWith() {
        assertThat(ServiceConfig.of("gateway").readsVar(INTERNAL_SECRET)).isTrue();
        Map<String, Object> services = map(compose.get("services"));
        Set<String> values = new TreeSet<>();
        for (String service : SERVICES) {
            String value = stringMap(map(services.get(service)).get("environment")).get(INTERNAL_SECRET);
            assertThat(value).as("%s in compose", service).startsWith("${" + INTERNAL_SECRET + ":?");
            values.add(value);
            Object envFrom = at(map(list(at(kind(k8s.get(service + ".yaml"), "Deployment"), "spec", "template", "spec",
                    "containers")).getFirst()), "envFrom");
            assertThat(envFrom.toString()).as("%s in k8s", service).contains("markpoint-internal");
        }
        assertThat(values).as("one secret for all").hasSize(1);
        Map<String, Object> secret = k8s.get("config.yaml").stream()
                .filter(d -> "Secret".equals(d.get("kind")) && "markpoint-internal".equals(at(d, "metadata", "name")))
                .findFirst().orElseThrow();
        assertThat(stringMap(secret.get("stringData"))).containsOnlyKeys(INTERNAL_SECRET);
    }

    @Test
    void composeRunsAThreeBrokerClusterAndAReplicaSet() {
        Map<String, Object> services = map(compose.get("services"));
        for (int i = 1; i <= 3; i++) {
            Map<String, String> env = stringMap(map(services.get("kafka-" + i)).get("environment"));
            assertThat(env).containsEntry("KAFKA_NODE_ID", String.valueOf(i))
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                    .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3");
            assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").split(",")).hasSize(3);
            assertThat(strings(map(services.get("mongo-" + i)).get("command"))).contains("--replSet", "rs0");
        }
        assertThat(map(services.get("gateway")).get("ports").toString()).contains("8080:8080");
        assertThat(services.keySet()).filteredOn(s -> !s.startsWith("kafka") && !s.startsWith("mongo"))
                .containsExactlyInAnyOrderElementsOf(SERVICES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"question-service", "marking-service", "progress-service", "gateway"})
    void kubernetesDeploymentMatchesItsConfig(String service) {
        ServiceConfig config = ServiceConfig.of(service);
        List<Map<String, Object>> docs = k8s.get(service + ".yaml");
        Map<String, Object> deployment = kind(docs, "Deployment");
        Map<String, Object> container = map(list(at(deployment, "spec", "template", "spec", "containers")).getFirst());

        int containerPort = ((Number) map(list(container.get("ports")).getFirst()).get("containerPort")).intValue();
        assertThat(containerPort).isEqualTo(config.defaultPort());
        Map<String, String> env = new HashMap<>(configMap());
        if (container.get("envFrom").toString().contains("markpoint-mongo")) {
            env.putAll(secret());
        }
        for (Object e : list(container.get("env"))) {
            env.put((String) map(e).get("name"), String.valueOf(map(e).get("value")));
        }
        assertThat(env).containsEntry(config.portVar(), String.valueOf(config.defaultPort()));
        if (config.readsVar("MARKPOINT_MONGODB_URI")) {
            assertThat(env).containsKeys("MARKPOINT_MONGODB_URI", "MARKPOINT_KAFKA_BOOTSTRAP");
        }
        assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
        assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat(at(container, "readinessProbe", "httpGet", "port")).isEqualTo("http");

        Object labels = at(deployment, "spec", "selector", "matchLabels");
        assertThat(at(kind(docs, "Service"), "spec", "selector")).isEqualTo(labels);
        assertThat(at(kind(docs, "PodDisruptionBudget"), "spec", "selector", "matchLabels")).isEqualTo(labels);
        Map<String, Object> hpa = kind(docs, "HorizontalPodAutoscaler");
        assertThat(at(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(service);
        int maxReplicas = ((Number) at(hpa, "spec", "maxReplicas")).intValue();
        int partitions = Integer.parseInt(configMap().get("MARKPOINT_TOPICS_PARTITIONS"));
        assertThat(maxReplicas).as("more consumers than partitions would sit idle").isLessThanOrEqualTo(partitions);
    }

    @Test
    void configMapOnlySetsVarsSomeServiceReads() {
        Set<String> everyVar = new TreeSet<>(TOPIC_VARS);
        SERVICES.forEach(s -> everyVar.addAll(ServiceConfig.of(s).vars().keySet()));
        Set<String> set = new TreeSet<>(configMap().keySet());
        set.addAll(secret().keySet());
        set.remove("JAVA_TOOL_OPTIONS");
        assertThat(everyVar).containsAll(set);
        configMap().forEach((name, value) -> {
            if (name.endsWith("_URL") && !name.equals(PUBLIC_URL)) {
                assertServiceUrl(name, value);
            }
        });
    }

    @Test
    void kustomizationListsEveryManifestAndKafkaKeepsItsReplication() {
        List<String> resources = strings(k8s.get("kustomization.yaml").getFirst().get("resources"));
        assertThat(resources).containsExactlyInAnyOrderElementsOf(
                k8s.keySet().stream().filter(f -> !f.equals("kustomization.yaml")).toList());
        Map<String, Object> kafka = kind(k8s.get("kafka.yaml"), "StatefulSet");
        assertThat(at(kafka, "spec", "replicas")).isEqualTo(3);
        String env = at(kafka, "spec", "template", "spec", "containers").toString();
        assertThat(env).contains("name=KAFKA_MIN_INSYNC_REPLICAS, value=2")
                .contains("name=KAFKA_DEFAULT_REPLICATION_FACTOR, value=3");
        assertThat(configMap()).containsEntry("MARKPOINT_TOPICS_REPLICAS", "3");
    }

    /** Where LMSs and browsers reach Markpoint: not a service-to-service URL. */
    private static final String PUBLIC_URL = "MARKPOINT_PUBLIC_URL";

    /** A service URL names a service that exists and the port that service listens on. */
    private static void assertServiceUrl(String var, String url) {
        Matcher m = Pattern.compile("http://([a-z-]+):(\\d+)").matcher(url);
        assertThat(m.matches()).as("%s=%s", var, url).isTrue();
        assertThat(SERVICES).contains(m.group(1));
        assertThat(Integer.parseInt(m.group(2))).as(var).isEqualTo(ServiceConfig.of(m.group(1)).defaultPort());
        assertThat(var).isEqualTo("MARKPOINT_" + m.group(1).replace("-service", "").toUpperCase() + "_URL");
    }

    private static Set<String> unknownVars(Set<String> vars, ServiceConfig config) {
        Set<String> unknown = new TreeSet<>(vars);
        unknown.removeIf(v -> config.readsVar(v) || TOPIC_VARS.contains(v) && !config.name().equals("gateway")
                || v.equals("JAVA_TOOL_OPTIONS"));
        return unknown;
    }

    private static Map<String, String> configMap() {
        return stringMap(kind(k8s.get("config.yaml"), "ConfigMap").get("data"));
    }

    private static Map<String, String> secret() {
        return stringMap(kind(k8s.get("config.yaml"), "Secret").get("stringData"));
    }

    /** What a service's own config file reads: its env vars with their defaults, its port, its probes switch. */
    record ServiceConfig(String name, Map<String, String> vars, String portVar, int defaultPort,
            boolean probesEnabled) {

        static ServiceConfig of(String service) {
            Path file = service.equals("gateway") ? ROOT.resolve("gateway/src/main/resources/application.yml")
                    : ROOT.resolve(service + "/src/main/resources/" + service + ".yml");
            try {
                String text = Files.readString(file);
                Map<String, String> vars = new LinkedHashMap<>();
                Matcher m = ENV_REF.matcher(text);
                while (m.find()) {
                    vars.putIfAbsent(m.group(1), m.group(2));
                }
                Map<String, Object> first = yaml(file).getFirst();
                String port = String.valueOf(at(first, "server", "port"));
                Matcher pm = ENV_REF.matcher(port);
                assertThat(pm.matches()).as("%s server.port is an env var with a default", service).isTrue();
                boolean probes = Boolean.TRUE.equals(at(first, "management", "endpoint", "health", "probes",
                        "enabled"));
                return new ServiceConfig(service, vars, pm.group(1), Integer.parseInt(pm.group(2)), probes);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        boolean readsVar(String var) {
            return vars.containsKey(var);
        }
    }

    private static List<Map<String, Object>> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Object doc : new Yaml(new LoaderOptions()).loadAll(reader)) {
                if (doc != null) {
                    docs.add(map(doc));
                }
            }
            return docs;
        }
    }

    private static Map<String, Object> kind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + docs));
    }

    private static Object at(Map<String, Object> doc, String... path) {
        Object current = doc;
        for (String key : path) {
            assertThat(current).as("%s at %s", String.join(".", path), key).isInstanceOf(Map.class);
            current = map(current).get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    private static List<String> strings(Object o) {
        return list(o).stream().map(String::valueOf).toList();
    }

    private static Map<String, String> stringMap(Object o) {
        Map<String, String> out = new LinkedHashMap<>();
        map(o).forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}

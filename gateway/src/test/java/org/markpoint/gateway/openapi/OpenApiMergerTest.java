package org.markpoint.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.markpoint.gateway.openapi.OpenApiMerger.ServiceDoc;
import org.markpoint.model.problem.ProblemTypes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public document: the committed per-service contracts (docs/openapi/, pinned against the running services by
 * infra's AnswerToMasteryIT) merged here must equal the committed docs/openapi.json; regenerate it with
 * {@code ./mvnw -B -ntp -o -pl gateway -am test -Dtest=OpenApiMergerTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dopenapi.update=true}.
 */
class OpenApiMergerTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final List<String> SERVICES = List.of("question-service", "marking-service", "progress-service");
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private static ObjectNode merged() throws IOException {
        List<ServiceDoc> docs = new ArrayList<>();
        for (String s : SERVICES) {
            docs.add(new ServiceDoc(s, CANONICAL.readTree(Files.readString(DOCS.resolve("openapi/" + s + ".json")))));
        }
        return new OpenApiMerger(ApiDocsController.examples()).merge(docs, List.of());
    }

    private static String canonical(JsonNode doc) {
        return CANONICAL.writeValueAsString(CANONICAL.treeToValue(doc, Object.class)) + "\n";
    }

    @Test
    void givenTheCommittedServiceContracts_whenMerged_thenTheResultIsTheCommittedPublicDocument() throws IOException {
        String merged = canonical(merged());
        Path committed = DOCS.resolve("openapi.json");
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(committed, merged, StandardCharsets.UTF_8);
        }
        assertThat(merged).as("docs/openapi.json is stale: regenerate it (see this class's comment) and commit it")
                .isEqualTo(Files.readString(committed, StandardCharsets.UTF_8));
    }

    @Test
    void givenTheExamples_whenMerged_thenEachNamesAnExistingOperationAndTheLmsCallsHaveThem() throws IOException {
        JsonNode paths = merged().get("paths");
        for (Map.Entry<String, JsonNode> e : ApiDocsController.examples().properties()) {
            String[] key = e.getKey().split(" ", 2);
            assertThat(paths.path(key[1]).path(key[0].toLowerCase()).isObject())
                    .as("example for an operation that does not exist: " + e.getKey()).isTrue();
        }
        JsonNode mark = paths.path("/api/v1/marking/mark").path("post");
        assertThat(mark.at("/requestBody/content/application~1json/example/answer").asString()).isNotBlank();
        assertThat(mark.at("/responses/200/content/application~1json/example/markId").asString()).isNotBlank();
        assertThat(paths.at("/~1api~1v1~1marking~1webhooks/post/responses/201/content/application~1json/example/secret")
                .asString()).startsWith("whsec_");
    }

    @Test
    void givenEveryProblemType_whenMerged_thenEachHasAnExampleAndEveryOperationDeclaresTheAuthProblems()
            throws Exception {
        ObjectNode doc = merged();
        List<String> exampleTypes = new ArrayList<>();
        doc.at("/components/examples").forEach(x -> exampleTypes.add(x.at("/value/type").asString()));
        for (Field f : ProblemTypes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == URI.class) {
                assertThat(exampleTypes).as("no example for problem type " + f.getName())
                        .contains(f.get(null).toString());
            }
        }
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(doc.at("/components/securitySchemes/apiKey/name").asString()).isEqualTo("X-Api-Key");
        int operations = 0;
        for (Map.Entry<String, JsonNode> p : doc.get("paths").properties()) {
            for (String m : METHODS) {
                JsonNode op = p.getValue().path(m);
                if (op.isObject()) {
                    operations++;
                    assertThat(op.at("/responses/401/$ref").asString()).as(m + " " + p.getKey())
                            .isEqualTo("#/components/responses/Problem401");
                }
            }
        }
        assertThat(operations).isGreaterThan(40);
        assertThat(doc.get("openapi").asString()).isEqualTo("3.1.0");
    }

    @Test
    void givenTwoServicesWithDifferentSchemasOfOneName_whenMerged_thenTheSecondIsPrefixedAndItsRefsFollow() {
        JsonNode a = CANONICAL.readTree("""
            {"paths": {"/api/v1/a": {"get": {"responses": {"200": {"content": {"application/json":
              {"schema": {"$ref": "#/components/schemas/Page"}}}}}}}},
             "components": {"schemas": {"Page": {"type": "object", "properties": {"items": {"type": "array"}}}}}}
            """);
        JsonNode b = CANONICAL.readTree("""
            {"paths": {"/api/v1/b": {"get": {"responses": {"200": {"content": {"application/json":
              {"schema": {"$ref": "#/components/schemas/Page"}}}}}}}},
             "components": {"schemas": {"Page": {"type": "object", "properties": {"rows": {"type": "array"}}}}}}
            """);
        ObjectNode merged = new OpenApiMerger(CANONICAL.createObjectNode())
                .merge(List.of(new ServiceDoc("question-service", a), new ServiceDoc("progress-service", b)),
                        List.of("marking-service"));

        assertThat(merged.at("/components/schemas/Page/properties").has("items")).isTrue();
        assertThat(merged.at("/components/schemas/ProgressPage/properties").has("rows")).isTrue();
        assertThat(merged.at("/paths/~1api~1v1~1a/get/responses/200/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Page");
        assertThat(merged.at("/paths/~1api~1v1~1b/get/responses/200/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/ProgressPage");
        assertThat(merged.at("/info/x-markpoint-unavailable").asString()).isEqualTo("marking-service");
    }
}

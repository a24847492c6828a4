package org.markpoint.gateway.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges the services' OpenAPI documents into the one public document (pure: JSON in, JSON out). Paths and tags are
 * unioned; schemas too, a name two services use for different shapes being prefixed with the service's name (and
 * its references rewritten). Then it adds what only the gateway knows: the credentials (bearer JWT or API key), the
 * problem-details responses every operation can give (one example per problem type) and the request/response
 * examples of {@code openapi/examples.json}.
 */
public final class OpenApiMerger {

    /** One service's document. */
    public record ServiceDoc(String service, JsonNode doc) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private static final String SCHEMA_REF = "#/components/schemas/";

    private final JsonNode examples;

    /** {@code examples}: {@code {"POST /api/v1/marking/mark": {"request": {...}, "responses": {"200": {...}}}}}. */
    public OpenApiMerger(JsonNode examples) {
        this.examples = examples;
    }

    public ObjectNode merge(List<ServiceDoc> docs, List<String> unavailable) {
        ObjectNode out = JSON.createObjectNode();
        out.put("openapi", "3.1.0");
        out.set("info", info(unavailable));
        out.putArray("servers").addObject().put("url", "/").put("description", "the Markpoint gateway");
        ArrayNode security = out.putArray("security");
        security.addObject().putArray("bearer");
        security.addObject().putArray("apiKey");
        ArrayNode tags = out.putArray("tags");
        ObjectNode paths = out.putObject("paths");
        ObjectNode components = out.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        Set<String> tagNames = new HashSet<>();
        for (ServiceDoc sd : docs) {
            Map<String, String> renames = renames(sd, schemas);
            JsonNode doc = rewriteRefs(sd.doc(), renames);
            for (Map.Entry<String, JsonNode> s : doc.path("components").path("schemas").properties()) {
                schemas.set(renames.getOrDefault(s.getKey(), s.getKey()), s.getValue());
            }
            for (Map.Entry<String, JsonNode> p : doc.path("paths").properties()) {
                if (!paths.has(p.getKey())) {
                    paths.set(p.getKey(), p.getValue());
                }
            }
            for (JsonNode t : doc.path("tags")) {
                if (tagNames.add(t.path("name").asString())) {
                    tags.add(t);
                }
            }
        }
        schemas.set("Problem", problemSchema());
        components.set("securitySchemes", securitySchemes());
        components.set("examples", problemExamples());
        components.set("responses", problemResponses());
        addStandardResponses(paths);
        applyExamples(paths);
        return out;
    }

    /** Schema names this service shares with an earlier one but shapes differently get its prefix. */
    private static Map<String, String> renames(ServiceDoc sd, ObjectNode taken) {
        Map<String, String> renames = new HashMap<>();
        String prefix = prefix(sd.service());
        for (Map.Entry<String, JsonNode> s : sd.doc().path("components").path("schemas").properties()) {
            if (taken.has(s.getKey()) && !taken.get(s.getKey()).equals(s.getValue())) {
                renames.put(s.getKey(), prefix + s.getKey());
            }
        }
        return renames;
    }

    private static String prefix(String service) {
        String name = service.replace("-service", "");
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** A copy of {@code node} with every reference to a renamed schema rewritten. */
    private static JsonNode rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                JsonNode value = e.getValue();
                if (e.getKey().equals("$ref") && value.isString() && value.asString().startsWith(SCHEMA_REF)) {
                    String name = value.asString().substring(SCHEMA_REF.length());
                    copy.put("$ref", SCHEMA_REF + renames.getOrDefault(name, name));
                } else {
                    copy.set(e.getKey(), rewriteRefs(value, renames));
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(n -> copy.add(rewriteRefs(n, renames)));
            return copy;
        }
        return node;
    }

    private static ObjectNode obj(ObjectNode parent, String name) {
        JsonNode existing = parent.get(name);
        return existing instanceof ObjectNode o ? o : parent.putObject(name);
    }

    private static ObjectNode info(List<String> unavailable) {
        ObjectNode info = JSON.createObjectNode();
        info.put("title", "Markpoint API");
        info.put("version", "v1");
        info.put("description", """
            Marks free-text answers against examiner marking points, runs adaptive quizzes and tracks mastery.

            **Authentication**: every `/api/**` call needs a credential: `Authorization: Bearer <JWT>` (a user, \
            or `./markpoint token --role lms` on a dev stack) or an LMS API key as `Authorization: Bearer mpk_...` \
            or `X-Api-Key: mpk_...`. Missing or bad credentials answer 401, a role that may not do it 403, another \
            tenant's ids 404.

            **Errors** are RFC 9457 `application/problem+json`; `type` is one of the URIs under \
            https://markpoint.org/problems/ (examples below), and 400s name the offending field in `errors[].field`.

            **Webhooks** are signed: header `Markpoint-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \
            "<t>.<raw body>" keyed with the webhook secret>`. Recompute, compare in constant time, reject old `t`.

            Guide: docs/lms-guide.md in the repository.""");
        if (!unavailable.isEmpty()) {
            info.put("x-markpoint-unavailable", String.join(",", unavailable));
        }
        return info;
    }

    private static ObjectNode securitySchemes() {
        ObjectNode schemes = JSON.createObjectNode();
        schemes.putObject("bearer").put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                .put("description", "A JWT from the identity provider (or the dev issuer), or an LMS API key "
                        + "mpk_... as a bearer token");
        schemes.putObject("apiKey").put("type", "apiKey").put("in", "header").put("name", "X-Api-Key")
                .put("description", "An LMS API key (mpk_...) created by a tenant admin; role lms");
        return schemes;
    }

    private static ObjectNode problemSchema() {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("type", "object").put("description", "RFC 9457 problem details");
        ObjectNode props = schema.putObject("properties");
        props.putObject("type").put("type", "string").put("format", "uri");
        props.putObject("title").put("type", "string");
        props.putObject("status").put("type", "integer");
        props.putObject("detail").put("type", "string");
        props.putObject("instance").put("type", "string").put("format", "uri-reference");
        ObjectNode error = props.putObject("errors").put("type", "array").putObject("items").put("type", "object");
        error.putObject("properties").putObject("field").put("type", "string");
        obj(error, "properties").putObject("message").put("type", "string");
        schema.putArray("required").add("type").add("title").add("status");
        return schema;
    }

    private static ObjectNode problemExamples() {
        ObjectNode examples = JSON.createObjectNode();
        for (ProblemCatalog.Entry e : ProblemCatalog.ALL) {
            ObjectNode value = JSON.createObjectNode();
            value.put("type", e.type().toString()).put("title", e.title()).put("status", e.status())
                    .put("detail", e.detail()).put("instance", "/api/v1/marking/mark");
            if (!e.field().isEmpty()) {
                value.putArray("errors").addObject().put("field", e.field()).put("message", "must not be blank");
            }
            examples.putObject(e.name()).put("summary", e.type().toString()).set("value", value);
        }
        return examples;
    }

    private static ObjectNode problemResponses() {
        Map<Integer, List<ProblemCatalog.Entry>> byStatus = new LinkedHashMap<>();
        ProblemCatalog.ALL.forEach(e -> byStatus.computeIfAbsent(e.status(), s -> new ArrayList<>()).add(e));
        ObjectNode responses = JSON.createObjectNode();
        byStatus.forEach((status, entries) -> {
            ObjectNode media = JSON.createObjectNode();
            media.putObject("schema").put("$ref", SCHEMA_REF + "Problem");
            ObjectNode ex = media.putObject("examples");
            entries.forEach(e -> ex.putObject(e.name()).put("$ref", "#/components/examples/" + e.name()));
            ObjectNode response = responses.putObject("Problem" + status);
            response.put("description", entries.getFirst().title() + " (RFC 9457 problem details)");
            response.putObject("content").set("application/problem+json", media);
        });
        return responses;
    }

    /** What any operation can answer besides its own responses: credentials, validation, missing ids, the gateway. */
    private static void addStandardResponses(ObjectNode paths) {
        for (Map.Entry<String, JsonNode> p : paths.properties()) {
            for (String method : METHODS) {
                JsonNode op = p.getValue().path(method);
                if (!op.isObject()) {
                    continue;
                }
                ObjectNode responses = obj((ObjectNode) op, "responses");
                boolean takesInput = op.has("requestBody") || !op.path("parameters").isEmpty();
                standard(responses, "400", takesInput);
                standard(responses, "401", true);
                standard(responses, "403", true);
                standard(responses, "404", p.getKey().contains("{"));
                standard(responses, "415", op.has("requestBody"));
                standard(responses, "429", true);
                standard(responses, "503", true);
            }
        }
    }

    private static void standard(ObjectNode responses, String status, boolean applies) {
        if (applies) {
            responses.putObject(status).put("$ref", "#/components/responses/Problem" + status);
        }
    }

    private void applyExamples(ObjectNode paths) {
        for (Map.Entry<String, JsonNode> e : examples.properties()) {
            String[] key = e.getKey().split(" ", 2);
            JsonNode op = paths.path(key[1]).path(key[0].toLowerCase(java.util.Locale.ROOT));
            if (!op.isObject()) {
                continue; // OpenApiMergerTest fails on an example whose operation is gone
            }
            JsonNode request = e.getValue().path("request");
            if (!request.isMissingNode()) {
                ObjectNode content = obj(obj((ObjectNode) op, "requestBody"), "content");
                String media = content.isEmpty() ? "application/json" : content.properties().iterator().next().getKey();
                obj(content, media).set("example", request);
            }
            for (Map.Entry<String, JsonNode> r : e.getValue().path("responses").properties()) {
                ObjectNode response = obj(obj((ObjectNode) op, "responses"), r.getKey());
                response.remove("$ref");
                if (!response.has("description")) {
                    response.put("description", "OK");
                }
                ObjectNode content = obj(response, "content");
                String media = content.isEmpty() ? "application/json" : content.properties().iterator().next().getKey();
                obj(content, media).set("example", r.getValue());
            }
        }
    }
}

package org.markpoint.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import org.markpoint.testing.TestCredentials;

/**
 * A seeded fuzzer for the public JSON endpoints: it takes a valid request per endpoint and sends mutations of it
 * (a field dropped, retyped, nulled, made huge or exotic; an unknown field; the body cut short, replaced by random
 * JSON, random bytes or deep nesting; the wrong content type; odd path and query values). A 5xx or no answer within
 * the timeout is a finding; anything else (2xx, 4xx problem) is fine.
 */
final class ApiFuzzer {

    /** One endpoint: {@code path} may hold {name} placeholders filled from {@code ids}; body null = no body. */
    record Endpoint(String method, String path, String body, String contentType) {

        static Endpoint post(String path, String body) {
            return new Endpoint("POST", path, body, "application/json");
        }

        static Endpoint get(String path) {
            return new Endpoint("GET", path, null, null);
        }
    }

    /** A request that got a 5xx or hung. */
    record Finding(String method, String uri, String body, String outcome) {

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
            return method + " " + uri + " -> " + outcome + (shown.isEmpty() ? "" : "  body: " + shown);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] ODD_STRINGS = {"", " ", "\u0000", "null", "-1", "0", "1e309", "😀🎓", "\u202e",
        "<script>alert(1)</script>", "../../etc/passwd", "%", "%00", "a".repeat(300), "{}", "[]", "\"", "\\",
        "ж\u0301", "\uFEFF", "DROP TABLE", "$where", "{\"$gt\": \"\"}", "NaN", "true"};

    private final String base;
    private final Random random;
    private final HttpClient http;
    private final Duration timeout;
    private int sent;

    ApiFuzzer(String base, long seed, Duration timeout) {
        this.base = base;
        this.random = new Random(seed);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    int sent() {
        return sent;
    }

    /** Sends {@code cases} mutated requests spread over the endpoints; returns the 5xx answers and hangs. */
    List<Finding> run(List<Endpoint> endpoints, Map<String, String> ids, int cases) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            Endpoint e = endpoints.get(i % endpoints.size());
            String path = fillPath(e.path(), ids);
            String contentType = e.contentType();
            byte[] body = null;
            if (e.body() != null) {
                body = mutateBody(e.body());
                if (random.nextInt(25) == 0) {
                    contentType = pick("text/plain", "application/xml", "application/json; charset=latin1",
                            "multipart/form-data", "application/x-www-form-urlencoded", "");
                }
            }
            Finding f = send(e.method(), path, contentType, body);
            if (f != null) {
                findings.add(f);
            }
        }
        return findings;
    }

    private Finding send(String method, String path, String contentType, byte[] body) {
        sent++;
        URI uri;
        try {
            uri = URI.create(base + path);
        } catch (IllegalArgumentException notAUri) {
            return null; // the client cannot even send it
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Authorization", TestCredentials.authorization(base));
        if (contentType != null && !contentType.isEmpty()) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        String shown = body == null ? null : new String(body, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() >= 500
                    ? new Finding(method, uri.toString(), shown, r.statusCode() + " " + abbreviate(r.body())) : null;
        } catch (HttpTimeoutException e) {
            return new Finding(method, uri.toString(), shown, "no answer in " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Finding(method, uri.toString(), shown, "connection failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private String fillPath(String template, Map<String, String> ids) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            out.append(template, i, open);
            String name = template.substring(open + 1, close);
            String value = random.nextInt(3) > 0 ? ids.getOrDefault(name, "x") : oddString();
            out.append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
            i = close + 1;
        }
        String path = out.toString();
        if (path.contains("?") && random.nextBoolean()) {
            path = mutateQuery(path);
        }
        return path;
    }

    private String mutateQuery(String path) {
        int q = path.indexOf('?');
        String[] params = path.substring(q + 1).split("&");
        int which = random.nextInt(params.length);
        String name = params[which].split("=", 2)[0];
        params[which] = name + "=" + URLEncoder.encode(oddString(), StandardCharsets.UTF_8);
        return path.substring(0, q + 1) + String.join("&", params);
    }

    private byte[] mutateBody(String valid) {
        JsonNode root = JSON.readTree(valid);
        return switch (random.nextInt(12)) {
            case 0, 1, 2 -> bytes(setRandomField(root.deepCopy(), randomValue(2)));
            case 3 -> bytes(removeRandomField(root.deepCopy()));
            case 4 -> bytes(addUnknownField(root.deepCopy()));
            case 5 -> bytes(randomValue(3));
            case 6 -> truncate(valid);
            case 7 -> randomBytes();
            case 8 -> nested(random.nextInt(4000) + 10);
            case 9 -> bytes(setRandomField(root.deepCopy(), NODES.nullNode()));
            case 10 -> bytes(setRandomField(root.deepCopy(), NODES.stringNode(bigString())));
            default -> valid.replaceFirst("\\{", "{\"" + pick("answer", "id", "learnerId", "scheme") + "\": 1, ")
                    .getBytes(StandardCharsets.UTF_8); // a duplicated key
        };
    }

    private static byte[] bytes(JsonNode node) {
        return JSON.writeValueAsBytes(node);
    }

    private byte[] truncate(String valid) {
        return valid.substring(0, random.nextInt(Math.max(1, valid.length()))).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] randomBytes() {
        byte[] b = new byte[random.nextInt(200)];
        random.nextBytes(b);
        return b;
    }

    private static byte[] nested(int depth) {
        return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    private String bigString() {
        return pick("a", "é", "😀", " ", "word ").repeat(random.nextInt(30_000) + 1);
    }

    /** Replaces a field somewhere in the tree (descending into objects and arrays) with {@code value}. */
    private JsonNode setRandomField(JsonNode root, JsonNode value) {
        List<JsonNode> containers = containers(root);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode o && !o.isEmpty()) {
            List<String> names = new ArrayList<>(o.propertyNames());
            o.set(names.get(random.nextInt(names.size())), value);
        } else if (target instanceof ArrayNode a && !a.isEmpty()) {
            a.set(random.nextInt(a.size()), value);
        } else if (target instanceof ArrayNode a) {
            a.add(value);
        }
        return root;
    }

    private JsonNode removeRandomField(JsonNode root) {
        List<JsonNode> containers = containers(root);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode o && !o.isEmpty()) {
            List<String> names = new ArrayList<>(o.propertyNames());
            o.remove(names.get(random.nextInt(names.size())));
        } else if (target instanceof ArrayNode a && !a.isEmpty()) {
            a.remove(random.nextInt(a.size()));
        }
        return root;
    }

    private JsonNode addUnknownField(JsonNode root) {
        if (root instanceof ObjectNode o) {
            o.set(pick("extra", "$where", "__proto__", "id", "tenantId"), randomValue(2));
        }
        return root;
    }

    private static List<JsonNode> containers(JsonNode root) {
        List<JsonNode> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(JsonNode node, List<JsonNode> found) {
        if (node.isObject() || node.isArray()) {
            found.add(node);
            for (Iterator<JsonNode> it = node.values().iterator(); it.hasNext(); ) {
                collect(it.next(), found);
            }
        }
    }

    private JsonNode randomValue(int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 7);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt());
            case 3 -> NODES.numberNode(pick(Long.MAX_VALUE, Long.MIN_VALUE, -1L, 0L, 1L << 40));
            case 4 -> NODES.numberNode(pick(Double.MAX_VALUE, -0.0, 1e-300, 0.5, 2.5));
            case 5, 6 -> NODES.stringNode(oddString());
            case 7 -> {
                ArrayNode a = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    a.add(randomValue(depth - 1));
                }
                yield a;
            }
            default -> {
                ObjectNode o = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    o.set(oddString(), randomValue(depth - 1));
                }
                yield o;
            }
        };
    }

    private String oddString() {
        return random.nextInt(4) == 0 ? Long.toString(random.nextLong(), 36) : pick(ODD_STRINGS);
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}

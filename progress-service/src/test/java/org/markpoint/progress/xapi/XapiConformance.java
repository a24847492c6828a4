package org.markpoint.progress.xapi;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The xAPI 1.0.3 (IEEE 9274.1.1) statement rules Markpoint's statements must meet, written from the spec (Data part,
 * section 2.4) independently of the code that builds them: returns the violations, empty when conformant.
 */
final class XapiConformance {

    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$");
    private static final List<String> IFIS = List.of("mbox", "mbox_sha1sum", "openid", "account");

    private XapiConformance() {
    }

    static List<String> violations(JsonNode s) {
        List<String> v = new ArrayList<>();
        noNulls(s, "statement", v);
        if (!s.hasNonNull("id") || !UUID.matcher(s.get("id").asString()).matches()) {
            v.add("id must be a UUID (RFC 4122, lower-case hex)");
        }
        JsonNode actor = s.path("actor");
        long ifis = IFIS.stream().filter(actor::has).count();
        if (ifis != 1) {
            v.add("actor must have exactly one inverse functional identifier, has " + ifis);
        }
        if (actor.has("objectType") && !actor.get("objectType").asString().equals("Agent")) {
            v.add("actor.objectType must be Agent");
        }
        if (actor.has("account")) {
            if (!iri(actor.path("account").path("homePage").asString(""))) {
                v.add("actor.account.homePage must be an IRL");
            }
            if (actor.path("account").path("name").asString("").isEmpty()) {
                v.add("actor.account.name is required");
            }
        }
        if (!iri(s.path("verb").path("id").asString(""))) {
            v.add("verb.id must be an IRI");
        }
        languageMap(s.path("verb").path("display"), "verb.display", v);
        JsonNode object = s.path("object");
        if (!iri(object.path("id").asString(""))) {
            v.add("object.id must be an IRI");
        }
        if (object.has("objectType") && !object.get("objectType").asString().equals("Activity")) {
            v.add("object.objectType must be Activity");
        }
        if (object.path("definition").has("name")) {
            languageMap(object.path("definition").path("name"), "object.definition.name", v);
        }
        JsonNode score = s.path("result").path("score");
        if (!score.isMissingNode()) {
            double scaled = score.path("scaled").asDouble(0);
            if (scaled < -1 || scaled > 1) {
                v.add("result.score.scaled must be in [-1, 1]");
            }
            if (score.has("raw") && (score.get("raw").asDouble() < score.path("min").asDouble(Double.NEGATIVE_INFINITY)
                    || score.get("raw").asDouble() > score.path("max").asDouble(Double.POSITIVE_INFINITY))) {
                v.add("result.score.raw must lie between min and max");
            }
        }
        try {
            OffsetDateTime.parse(s.path("timestamp").asString(""));
        } catch (RuntimeException e) {
            v.add("timestamp must be ISO 8601 with a time zone");
        }
        if (!s.path("version").asString("").startsWith("1.0.")) {
            v.add("version must be 1.0.x");
        }
        return v;
    }

    private static boolean iri(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getScheme() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static void languageMap(JsonNode map, String where, List<String> v) {
        if (!map.isObject() || map.isEmpty()) {
            v.add(where + " must be a non-empty language map");
            return;
        }
        for (Map.Entry<String, JsonNode> e : map.properties()) {
            if (!LANGUAGE_TAG.matcher(e.getKey()).matches()) {
                v.add(where + " key '" + e.getKey() + "' is not an RFC 5646 language tag");
            }
        }
    }

    private static void noNulls(JsonNode node, String path, List<String> v) {
        if (node.isNull()) {
            v.add(path + " is null (xAPI leaves absent properties out)");
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                noNulls(e.getValue(), path + "." + e.getKey(), v);
            }
        } else if (node.isArray()) {
            Iterator<JsonNode> it = node.iterator();
            for (int i = 0; it.hasNext(); i++) {
                noNulls(it.next(), path + "[" + i + "]", v);
            }
        }
    }
}

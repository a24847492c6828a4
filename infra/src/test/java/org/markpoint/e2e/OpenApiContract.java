package org.markpoint.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API contract: a service's live OpenAPI document must equal the committed {@code docs/openapi/<service>.json}
 * (compared in canonical form: keys sorted, pretty-printed). After a deliberate API change, regenerate with
 * {@code -Dopenapi.update=true} (see docs/lms-guide.md) and commit the diff together with the code.
 */
final class OpenApiContract {

    static final Path DIR = Path.of("..", "docs", "openapi");
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).enable(SerializationFeature.INDENT_OUTPUT).build();
    static final String REGENERATE = "./mvnw -B -ntp -o -pl infra -am verify -Dtest=none "
            + "-Dit.test=AnswerToMasteryIT -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false "
            + "-Dopenapi.update=true";

    private OpenApiContract() {
    }

    /** Keys sorted, pretty-printed, without springdoc's "Generated server url" (it names the test's random port). */
    static String canonical(String json) {
        Map<?, ?> doc = CANONICAL.readValue(json, Map.class);
        doc.remove("servers");
        return CANONICAL.writeValueAsString(doc) + "\n";
    }

    static void check(String service, String liveJson) {
        Path committed = DIR.resolve(service + ".json");
        String live = canonical(liveJson);
        try {
            if (Boolean.getBoolean("openapi.update")) {
                Files.createDirectories(DIR);
                Files.writeString(committed, live, StandardCharsets.UTF_8);
                return;
            }
            assertThat(Files.exists(committed)).as("no committed contract " + committed + "; create it with: "
                    + REGENERATE).isTrue();
            assertThat(live).as(service + "'s API no longer matches " + committed + ". If the change is meant, "
                    + "regenerate (" + REGENERATE + "), then the merged docs/openapi.json (see docs/lms-guide.md), "
                    + "and commit them").isEqualTo(Files.readString(committed, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.markpoint.progress.xapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An xAPI 1.0.3 statement (IEEE 9274.1.1), only the parts Markpoint writes. Absent optional parts are left off the
 * wire rather than sent as null, as the spec asks.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Statement(String id, Agent actor, Verb verb, Activity object, Result result, Context context,
                        String timestamp, String version) {

    public static final String VERSION = "1.0.3";

    /** Identified by an account on Markpoint (the inverse functional identifier): home page + learner id. */
    public record Agent(String objectType, Account account) {

        public static Agent learner(String homePage, String learnerId) {
            return new Agent("Agent", new Account(homePage, learnerId));
        }
    }

    public record Account(String homePage, String name) {
    }

    public record Verb(String id, Map<String, String> display) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Activity(String objectType, String id, Definition definition) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Definition(Map<String, String> name, String type, String interactionType) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(Score score, Boolean success, Boolean completion, String response,
                         Map<String, Object> extensions) {
    }

    public record Score(double scaled, double raw, double min, double max) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Context(String platform, String language, ContextActivities contextActivities,
                          Map<String, Object> extensions) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ContextActivities(List<Activity> parent, List<Activity> grouping) {
    }
}

package org.markpoint.progress.quiz;

import java.util.ArrayList;
import java.util.List;
import org.markpoint.model.event.AnswerMarked;
import org.markpoint.model.event.MarkOverridden;
import org.markpoint.progress.quiz.session.MarkDetails;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reads the parts of a mark a quiz keeps, from marking-service's reply or from an {@code AnswerMarked} event. */
final class MarkResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MarkResponses() {
    }

    static MarkDetails details(JsonNode response) {
        List<String> hit = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (JsonNode point : response.path("points")) {
            String status = point.path("status").asString("");
            if (status.equals("hit")) {
                hit.add(point.path("id").asString());
            } else if (status.equals("missed")) {
                missed.add(point.path("id").asString());
            }
        }
        return new MarkDetails(response.path("markId").asString(""), response.path("mark").asInt(),
                response.path("maxMarks").asInt(), hit, missed, JSON.writeValueAsString(response));
    }

    static MarkDetails details(AnswerMarked e) {
        return new MarkDetails(e.markId(), e.mark(), e.maxMarks(), e.pointsHit(), e.pointsMissed(), "");
    }

    /** The item's mark after a tutor's override: the new mark, also in marking-service's stored reply. */
    static MarkDetails overridden(MarkDetails m, MarkOverridden e) {
        String response = m.markingResponse();
        if (!response.isEmpty()) {
            ObjectNode reply = (ObjectNode) JSON.readTree(response);
            reply.put("mark", e.newMark());
            reply.put("overridden", true);
            response = JSON.writeValueAsString(reply);
        }
        return new MarkDetails(m.markId(), e.newMark(), e.maxMarks(), m.pointsHit(), m.pointsMissed(), response, true);
    }

    /** marking-service's reply when we have it, else what the event told us. */
    static JsonNode asJson(MarkDetails m) {
        if (!m.markingResponse().isEmpty()) {
            return JSON.readTree(m.markingResponse());
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("markId", m.markId());
        node.put("mark", m.mark());
        node.put("maxMarks", m.maxMarks());
        node.putPOJO("pointsHit", m.pointsHit());
        node.putPOJO("pointsMissed", m.pointsMissed());
        if (m.overridden()) {
            node.put("overridden", true);
        }
        return node;
    }
}

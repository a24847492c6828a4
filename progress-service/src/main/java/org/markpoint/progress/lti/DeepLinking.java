package org.markpoint.progress.lti;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.markpoint.progress.catalog.PublishedQuestion;
import org.markpoint.progress.catalog.QuestionCatalog;
import org.springframework.stereotype.Service;

/**
 * LTI Deep Linking 2.0: a teacher picks a Markpoint quiz (one unit's adaptive quiz) into their course. The picker
 * lists the tenant's units with published questions; the answer to the platform is a signed
 * {@code LtiDeepLinkingResponse} with one {@code ltiResourceLink} carrying {@code custom.unit} and a line item, so
 * launches of it start that quiz and scores flow back to the gradebook.
 */
@Service
class DeepLinking {

    static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

    private final QuestionCatalog catalog;
    private final SessionTokens signer;
    private final LtiProperties props;
    private final Clock clock;

    DeepLinking(QuestionCatalog catalog, SessionTokens signer, LtiProperties props, Clock clock) {
        this.catalog = catalog;
        this.signer = signer;
        this.props = props;
        this.clock = clock;
    }

    List<LtiPages.Choice> choices(String tenantId) {
        Map<String, List<PublishedQuestion>> byUnit = new TreeMap<>();
        for (PublishedQuestion q : catalog.live(tenantId)) {
            if (!q.unitId().isEmpty()) {
                byUnit.computeIfAbsent(q.unitId(), u -> new ArrayList<>()).add(q);
            }
        }
        List<LtiPages.Choice> choices = new ArrayList<>();
        byUnit.forEach((unit, questions) -> {
            int outcomes = new TreeSet<>(questions.stream().flatMap(q -> q.learningOutcomes().stream()).toList())
                    .size();
            choices.add(new LtiPages.Choice("unit:" + unit, "Unit " + unit, questions.size() + " questions over "
                    + outcomes + " learning outcomes"));
        });
        return choices;
    }

    /** The signed response JWT for the chosen unit. */
    String response(LtiRegistration reg, LaunchStates.PendingPick pick, String choice) {
        if (!choice.startsWith("unit:") || choices(reg.tenantId()).stream().noneMatch(c -> c.value().equals(choice))) {
            throw new LaunchRejected(400, "'" + choice + "' is not one of the quizzes offered");
        }
        String unit = choice.substring("unit:".length());
        String title = "Markpoint quiz: unit " + unit;
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", "ltiResourceLink");
        item.put("title", title);
        item.put("text", "An adaptive quiz over the learning outcomes of unit " + unit
                + ": each question chosen from what you have and have not mastered yet.");
        item.put("url", props.launchUrl());
        item.put("custom", Map.of("unit", unit));
        if (pick.settings().acceptLineItem()) {
            item.put("lineItem", Map.of("scoreMaximum", 100, "label", title, "resourceId", "unit:" + unit));
        }
        Instant now = clock.instant();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", reg.clientId());
        claims.put("aud", reg.issuer());
        claims.put("iat", Date.from(now));
        claims.put("exp", Date.from(now.plusSeconds(300)));
        claims.put("nonce", LaunchStates.random());
        claims.put(IdTokenValidator.LTI + "message_type", "LtiDeepLinkingResponse");
        claims.put(IdTokenValidator.LTI + "version", "1.3.0");
        claims.put(IdTokenValidator.LTI + "deployment_id", pick.deploymentId());
        if (!pick.settings().data().isEmpty()) {
            claims.put(DL + "data", pick.settings().data());
        }
        claims.put(DL + "content_items", List.of(item));
        return signer.toPlatform(reg, claims);
    }
}

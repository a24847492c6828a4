package org.markpoint.model.event;

/** A learner's mastery of one learning outcome moved. {@code evidence} counts the answers behind the estimate. */
public record MasteryUpdated(String learnerId, String outcomeId, double previous, double mastery, int evidence)
        implements MasteryEvent {
}

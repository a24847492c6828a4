package org.markpoint.model.event;

/** A misconception the marker spotted in an answer (the scheme's misconception id) and the correction shown. */
public record SpottedMisconception(String id, String correction) {

    public SpottedMisconception {
        correction = correction == null ? "" : correction;
    }
}

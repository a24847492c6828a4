package org.markpoint.marking.engine;

import java.util.Locale;

public enum PointStatus {
    HIT, PARTIAL, MISSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

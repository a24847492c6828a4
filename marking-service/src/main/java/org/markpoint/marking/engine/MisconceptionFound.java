package org.markpoint.marking.engine;

import java.util.List;

public record MisconceptionFound(String id, String correction, List<Evidence> evidence) {

    public MisconceptionFound {
        evidence = List.copyOf(evidence);
    }
}

package org.markpoint.marking.engine;

/** One engine for every test class: the OpenNLP models take a couple of seconds to load. */
final class SharedEngine {

    static final MarkingEngine ENGINE = MarkingEngine.createDefault();

    private SharedEngine() {
    }
}

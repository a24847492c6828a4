package org.markpoint.marking.engine;

import java.util.List;
import java.util.Set;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.model.scheme.Misconception;

/** A scheme made ready to mark with: phrases compiled once and cached by the engine. */
record CompiledScheme(MarkingScheme scheme, List<CompiledPoint> points, List<CompiledMisconception> misconceptions,
                      Set<String> vocabulary, Set<String> stemKeys, boolean derived) {

    record CompiledPoint(MarkingPoint point, List<Phrase> accepts, List<Phrase> rejects) {
    }

    record CompiledMisconception(Misconception misconception, Phrase phrase, boolean patternNegated) {
    }
}

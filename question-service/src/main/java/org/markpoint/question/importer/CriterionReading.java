package org.markpoint.question.importer;

import java.util.List;
import org.markpoint.model.scheme.CommandWord;

/**
 * What an examiner criterion ("Award credit for clear analysis of X, including A, B and C") asks: the command word,
 * a question stem, the main points in the examiner's words, the components it lists (each worth a mark) and the
 * examples it gives (accepted phrasings, not required).
 */
record CriterionReading(String text, CommandWord commandWord, String stem, List<String> mainPoints,
                        List<String> components, List<String> examples) {

    CriterionReading {
        mainPoints = List.copyOf(mainPoints);
        components = List.copyOf(components);
        examples = List.copyOf(examples);
    }
}

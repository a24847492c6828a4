package org.markpoint.question.importer;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON form of a sample bank: pretty, fields in record order, so the committed file diffs cleanly. */
final class SampleBankJson {

    private SampleBankJson() {
    }

    static JsonMapper mapper() {
        return JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }
}

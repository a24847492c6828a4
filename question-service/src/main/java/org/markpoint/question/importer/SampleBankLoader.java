package org.markpoint.question.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.markpoint.question.bank.SampleBank;

/** Reads the bundled sample bank from the classpath; the product never needs the seed pages at run time. */
public final class SampleBankLoader {

    public static final String RESOURCE = "bank/sample-bank.json";

    private SampleBankLoader() {
    }

    public static SampleBank load() {
        return load(RESOURCE);
    }

    public static SampleBank load(String resource) {
        ClassLoader loader = SampleBankLoader.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("sample bank " + resource + " is not on the classpath");
            }
            return SampleBankJson.mapper().readValue(in, SampleBank.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample bank " + resource, e);
        }
    }
}

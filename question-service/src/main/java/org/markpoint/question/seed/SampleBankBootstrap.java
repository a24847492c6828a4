package org.markpoint.question.seed;

import java.io.IOException;
import java.io.InputStream;
import org.markpoint.question.authoring.QuestionBank;
import org.markpoint.question.authoring.UnitStore;
import org.markpoint.question.bank.QuestionSpec;
import org.markpoint.question.bank.SampleBank;
import org.markpoint.question.bank.Unit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the bundled sample bank (generated from the seed revision pages) into an empty bank at start-up, so a new
 * user has units and questions to try. Skips tenants that already have units: a restart never duplicates. First
 * rewrites questions an older release stored (keyed by the bare id, or without versions or revisions).
 */
@Component
@EnableConfigurationProperties(SampleBankBootstrap.Settings.class)
class SampleBankBootstrap implements ApplicationRunner {

    @ConfigurationProperties("markpoint.bank")
    record Settings(Boolean loadSample, String sampleTenant, String sampleResource) {
        Settings {
            loadSample = loadSample == null || loadSample;
            sampleTenant = sampleTenant == null ? "demo" : sampleTenant;
            sampleResource = sampleResource == null ? "bank/sample-bank.json" : sampleResource;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(SampleBankBootstrap.class);

    private final QuestionBank bank;
    private final UnitStore units;
    private final Settings settings;
    private final JsonMapper json;

    SampleBankBootstrap(QuestionBank bank, UnitStore units, Settings settings, JsonMapper json) {
        this.bank = bank;
        this.units = units;
        this.settings = settings;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        int upgraded = bank.upgradeStored();
        if (upgraded > 0) {
            log.info("rewrote {} questions stored by an older release (bare-id keys, no versions)", upgraded);
        }
        if (!settings.loadSample() || units.count(settings.sampleTenant()) > 0) {
            return;
        }
        ClassPathResource resource = new ClassPathResource(settings.sampleResource());
        if (!resource.exists()) {
            log.warn("sample bank {} not on the classpath; starting with an empty bank", settings.sampleResource());
            return;
        }
        SampleBank sample;
        try (InputStream in = resource.getInputStream()) {
            sample = json.readValue(in, SampleBank.class);
        }
        String tenant = settings.sampleTenant();
        for (QuestionSpec q : sample.questions()) {
            if (!bank.exists(tenant, q.id())) {
                bank.create(tenant, q, true);
            }
        }
        // units last: their presence marks the load as complete, so a crash mid-load resumes on restart
        for (Unit unit : sample.units()) {
            units.save(tenant, unit);
        }
        log.info("sample bank loaded for tenant '{}': {} units, {} questions", tenant, sample.units().size(),
                sample.questions().size());
    }
}

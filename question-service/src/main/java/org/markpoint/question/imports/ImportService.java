package org.markpoint.question.imports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.markpoint.question.authoring.QuestionBank;
import org.markpoint.question.authoring.UnitStore;
import org.markpoint.question.bank.QuestionSpec;
import org.markpoint.question.bank.SampleBank;
import org.markpoint.question.bank.Unit;
import org.markpoint.question.imports.ImportJobDocument.ItemReport;
import org.markpoint.question.support.UnprocessableFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Runs imports: the file is parsed up front (so a broken file is refused at once, nothing applied), then its items
 * are applied in the background with progress recorded on the job. Each item is applied on its own and reported, so
 * one bad question never silently drops or half-applies the rest.
 */
@Service
public class ImportService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final QuestionBank bank;
    private final UnitStore units;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    public ImportService(QuestionBank bank, UnitStore units, MongoTemplate mongo, Clock clock) {
        this.bank = bank;
        this.units = units;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Parses now (throws {@link IllegalArgumentException}-like errors for a bad file) and applies in background. */
    public ImportJobDocument start(String tenantId, ImportFormat format, String source, byte[] content) {
        SampleBank parsed;
        try {
            parsed = format.parse(source, content);
        } catch (RuntimeException e) {
            // the parsers refuse DOCTYPEs, entity bombs, zip bombs and unsafe paths with a message that says so
            throw new UnprocessableFileException("cannot import " + source + " as " + format.name().toLowerCase(
                    java.util.Locale.ROOT) + ": " + e.getMessage(), e);
        }
        int total = parsed.units().size() + parsed.questions().size();
        ImportJobDocument job = new ImportJobDocument(UUID.randomUUID().toString(), tenantId,
                format.name().toLowerCase(java.util.Locale.ROOT), source, "running", total, 0, List.of(),
                parsed.skipped(), parsed.warnings(), clock.instant(), null);
        mongo.insert(job);
        workers.submit(() -> apply(job, parsed));
        return job;
    }

    public Optional<ImportJobDocument> find(String tenantId, String jobId) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("_id").is(jobId).and("tenantId")
                .is(tenantId)), ImportJobDocument.class));
    }

    private void apply(ImportJobDocument job, SampleBank parsed) {
        List<ItemReport> items = new ArrayList<>();
        ImportJobDocument current = job;
        try {
            for (QuestionSpec q : parsed.questions()) {
                items.add(applyQuestion(job.tenantId(), q));
                current = progress(current, items, "running");
            }
            // units after their questions: a unit that shows up has all its questions in place
            for (Unit unit : parsed.units()) {
                units.save(job.tenantId(), unit);
                items.add(new ItemReport("unit", unit.id(), "imported", ""));
                current = progress(current, items, "running");
            }
            progress(current, items, "done");
        } catch (RuntimeException e) {
            log.error("import {} failed", job.id(), e);
            progress(current, items, "failed");
        }
    }

    private ItemReport applyQuestion(String tenantId, QuestionSpec q) {
        try {
            return new ItemReport("question", q.id(),
                    bank.upsert(tenantId, q).name().toLowerCase(java.util.Locale.ROOT), "");
        } catch (RuntimeException e) {
            return new ItemReport("question", q.id(), "failed", e.getMessage());
        }
    }

    private ImportJobDocument progress(ImportJobDocument job, List<ItemReport> items, String status) {
        ImportJobDocument next = new ImportJobDocument(job.id(), job.tenantId(), job.format(), job.source(), status,
                job.total(), items.size(), items, job.skipped(), job.warnings(), job.createdAt(),
                "running".equals(status) ? null : clock.instant());
        mongo.save(next);
        return next;
    }

    @Override
    public void close() {
        workers.close();
    }
}

package org.markpoint.question.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
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
import org.markpoint.question.support.IdempotencyKeyReusedException;
import org.markpoint.question.support.UnprocessableFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
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

    /**
     * Parses now (a bad file is refused at once) and applies in the background, once per {@code idempotencyKey}
     * (blank: no key). The job id is derived from tenant and key, so a retry, even one racing the first request, gets
     * the job the first request stored (the unique {@code _id} decides) and nothing is imported twice. The same key
     * with a different format, source or file is refused.
     */
    public ImportJobDocument start(String tenantId, ImportFormat format, String source, byte[] content,
                                   String idempotencyKey) {
        String formatName = format.name().toLowerCase(Locale.ROOT);
        boolean keyed = !idempotencyKey.isBlank();
        String jobId = keyed ? jobId(tenantId, idempotencyKey) : UUID.randomUUID().toString();
        String requestHash = keyed ? requestHash(formatName, source, content) : "";
        if (keyed) {
            Optional<ImportJobDocument> earlier = find(tenantId, jobId);
            if (earlier.isPresent()) {
                return sameRequest(earlier.get(), requestHash);
            }
        }
        SampleBank parsed;
        try {
            parsed = format.parse(source, content);
        } catch (RuntimeException e) {
            // the parsers refuse DOCTYPEs, entity bombs, zip bombs and unsafe paths with a message that says so
            throw new UnprocessableFileException("cannot import " + source + " as " + formatName + ": "
                    + e.getMessage(), e);
        }
        int total = parsed.units().size() + parsed.questions().size();
        ImportJobDocument job = new ImportJobDocument(jobId, tenantId, formatName, source, "running", total, 0,
                List.of(), parsed.skipped(), parsed.warnings(), clock.instant(), null, requestHash);
        try {
            mongo.insert(job);
        } catch (DuplicateKeyException raced) {
            // a concurrent request with the same key stored its job first: that one runs, this one reports it
            return sameRequest(find(tenantId, jobId).orElseThrow(() -> raced), requestHash);
        }
        workers.submit(() -> apply(job, parsed));
        return job;
    }

    /** The job id an idempotency key always maps to, so a retry finds the job the first try stored. */
    private static String jobId(String tenantId, String idempotencyKey) {
        return UUID.nameUUIDFromBytes(("import\u0000" + tenantId + "\u0000" + idempotencyKey)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static ImportJobDocument sameRequest(ImportJobDocument earlier, String requestHash) {
        if (!earlier.requestHash().equals(requestHash)) {
            throw new IdempotencyKeyReusedException("this Idempotency-Key started import " + earlier.id()
                    + " with a different format, source or file; use a new key for a new import");
        }
        return earlier;
    }

    private static String requestHash(String format, String source, byte[] content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((format + "\u0000" + source + "\u0000").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
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
                    bank.upsert(tenantId, q).name().toLowerCase(Locale.ROOT), "");
        } catch (RuntimeException e) {
            return new ItemReport("question", q.id(), "failed", e.getMessage());
        }
    }

    private ImportJobDocument progress(ImportJobDocument job, List<ItemReport> items, String status) {
        ImportJobDocument next = new ImportJobDocument(job.id(), job.tenantId(), job.format(), job.source(), status,
                job.total(), items.size(), items, job.skipped(), job.warnings(), job.createdAt(),
                "running".equals(status) ? null : clock.instant(), job.requestHash());
        mongo.save(next);
        return next;
    }

    @Override
    public void close() {
        workers.close();
    }
}

package org.markpoint.question.authoring;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.markpoint.question.bank.QuestionSpec;
import org.markpoint.question.support.ConflictException;
import org.markpoint.question.support.IfMatch;
import org.markpoint.question.support.NotFoundException;
import org.markpoint.question.support.PreconditionFailedException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The questions' write and read paths over MongoDB; every query is scoped to one tenant. Every change is one
 * conditional single-document update: it applies only if the revision is still the one the change was computed
 * from, and it appends the events it owes to the document's outbox in the same write.
 */
@Service
public class QuestionBank {

    private static final String QUESTION_ID = "questionId";
    private static final Pattern REGEX_META = Pattern.compile("[\\\\^$.|?*+()\\[\\]{}/-]");

    private final MongoTemplate mongo;
    private final Clock clock;

    public QuestionBank(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Stores a new question as version 1, published in the same write when asked. */
    public QuestionDocument create(String tenantId, QuestionSpec spec, boolean publish) {
        Instant now = clock.instant();
        String id = spec.id() == null || spec.id().isBlank() ? UUID.randomUUID().toString() : spec.id();
        QuestionDocument draft = QuestionDocument.draft(id, tenantId, spec, now);
        QuestionDocument stored = publish ? draft.publish(now).next() : draft;
        try {
            mongo.insert(stored);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("question '" + id + "' already exists");
        }
        return stored;
    }

    /**
     * Applies {@code change} to the question if {@code ifMatch} matches its revision, in one conditional write;
     * 412 when it does not, including when another writer got in between the read and the write.
     */
    public QuestionDocument change(String tenantId, String questionId, IfMatch ifMatch,
                                   Function<QuestionDocument, QuestionDocument.Change> change) {
        QuestionDocument current = find(tenantId, questionId)
                .orElseThrow(() -> new NotFoundException("question", questionId));
        ifMatch.check("question '" + questionId + "'", current.revision());
        QuestionDocument.Change c = change.apply(current);
        Document set = new Document();
        mongo.getConverter().write(c.next(), set);
        set.remove("_id");
        set.remove("outbox");
        Document update = new Document("$set", set);
        if (!c.owed().isEmpty()) {
            List<Object> owed = c.owed().stream().map(e -> mongo.getConverter().convertToMongoType(e)).toList();
            update.append("$push", new Document("outbox", new Document("$each", owed)));
        }
        long matched = mongo.getCollection(mongo.getCollectionName(QuestionDocument.class))
                .updateOne(whenStill(current), update).getMatchedCount();
        if (matched == 0) {
            long now = find(tenantId, questionId).map(QuestionDocument::revision).orElse(current.revision());
            throw new PreconditionFailedException("question '" + questionId + "'", now);
        }
        return c.next();
    }

    /** What an upsert did to one question. */
    public enum Upsert { CREATED, REPUBLISHED, UNCHANGED }

    /**
     * Imports one question: new ids are created and published; a live question whose content changed is published
     * as its next version; an identical one is left alone, so re-importing a file is idempotent. A question with an
     * author's unpublished draft, or a retired one, is refused rather than overwritten.
     */
    public Upsert upsert(String tenantId, QuestionSpec spec) {
        Optional<QuestionDocument> current = find(tenantId, spec.id());
        if (current.isEmpty()) {
            create(tenantId, spec, true);
            return Upsert.CREATED;
        }
        QuestionDocument doc = current.get();
        if (doc.status() == QuestionStatus.DRAFT) {
            throw new ConflictException("has an unpublished draft (version " + doc.version()
                    + "); publish or finish it before importing over it");
        }
        if (doc.liveContentEquals(spec)) {
            return Upsert.UNCHANGED;
        }
        change(tenantId, spec.id(), IfMatch.CURRENT, d -> d.edit(spec, clock.instant()).publish(clock.instant()));
        return Upsert.REPUBLISHED;
    }

    /**
     * Rewrites questions an older release stored: first those keyed by the bare question id (moved to the per-tenant
     * key), then those stored before versions and revisions were kept, so search by status and text finds them and
     * their ETag is a real revision. Safe to run at every start: it only touches documents lacking those fields.
     *
     * @return how many documents it rewrote
     */
    public int upgradeStored() {
        int rekeyed = rekeyStored();
        List<QuestionDocument> old = mongo.find(new Query(Criteria.where("revision").exists(false)),
                QuestionDocument.class);
        for (QuestionDocument d : old) {
            change(d.tenantId(), d.id(), IfMatch.CURRENT, x -> new QuestionDocument.Change(x.rewritten(), List.of()));
        }
        return rekeyed + old.size();
    }

    /**
     * Moves documents stored under the bare question id (one id per installation) to {@code tenant:id}, keeping the
     * bare id in {@code questionId}. Insert, then delete: a crash between the two leaves a copy that the next run
     * finds already moved, and only deletes.
     */
    private int rekeyStored() {
        MongoCollection<Document> questions = mongo.getCollection(mongo.getCollectionName(QuestionDocument.class));
        List<Document> old = questions.find(new Document(QUESTION_ID, new Document("$exists", false)))
                .into(new ArrayList<>());
        for (Document d : old) {
            Object bare = d.get("_id");
            String tenantId = d.getString("tenantId");
            Document moved = new Document("_id", QuestionDocument.key(tenantId, String.valueOf(bare)))
                    .append(QUESTION_ID, String.valueOf(bare));
            d.forEach((field, value) -> moved.putIfAbsent(field, value));
            try {
                questions.insertOne(moved);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            questions.deleteOne(new Document("_id", bare).append("tenantId", tenantId));
        }
        return old.size();
    }

    public boolean exists(String tenantId, String questionId) {
        return mongo.exists(byKey(tenantId, questionId), QuestionDocument.class);
    }

    public Optional<QuestionDocument> find(String tenantId, String questionId) {
        return Optional.ofNullable(mongo.findOne(byKey(tenantId, questionId), QuestionDocument.class));
    }

    /**
     * One page of questions in id order, filtered; {@code after} is the last (bare) id of the previous page. In one
     * tenant {@code _id} order is question id order (every key starts with the same "tenant:").
     */
    public List<QuestionDocument> page(String tenantId, QuestionFilter filter, String after, int limit) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("tenantId").is(tenantId));
        if (!filter.unitId().isBlank()) {
            all.add(Criteria.where("unitId").is(filter.unitId()));
        }
        if (!filter.outcomeId().isBlank()) {
            all.add(Criteria.where("learningOutcomes").is(filter.outcomeId()));
        }
        if (!filter.commandWord().isBlank()) {
            all.add(Criteria.where("scheme.commandWord").is(filter.commandWord()));
        }
        switch (filter.status()) {
            case "draft" -> all.add(Criteria.where("status").is(QuestionStatus.DRAFT.name()));
            case "retired" -> all.add(Criteria.where("status").is(QuestionStatus.RETIRED.name()));
            case "published" -> {
                all.add(Criteria.where("status").ne(QuestionStatus.RETIRED.name()));
                all.add(Criteria.where("publishedVersion").gt(0));
            }
            default -> { }
        }
        // each word literally (metacharacters escaped): no regex injection, and a literal pattern cannot backtrack
        filter.words().forEach(w -> all.add(Criteria.where("searchText").regex(literal(w))));
        if (!after.isBlank()) {
            all.add(Criteria.where("_id").gt(QuestionDocument.key(tenantId, after)));
        }
        Query q = new Query(new Criteria().andOperator(all));
        return mongo.find(q.with(Sort.by("_id")).limit(limit), QuestionDocument.class);
    }

    /** Escapes every regex metacharacter, so the pattern means exactly the text (in Java and PCRE alike). */
    static String literal(String text) {
        return REGEX_META.matcher(text).replaceAll("\\\\$0");
    }

    private static Document whenStill(QuestionDocument d) {
        Document filter = new Document("_id", d.key()).append("tenantId", d.tenantId());
        // documents stored before revisions were kept have none: revision 0 is "no field yet"
        return d.revision() == 0
                ? filter.append("revision", new Document("$exists", false))
                : filter.append("revision", d.revision());
    }

    private static Query byKey(String tenantId, String questionId) {
        return new Query(Criteria.where("_id").is(QuestionDocument.key(tenantId, questionId)).and("tenantId")
                .is(tenantId));
    }
}

package org.markpoint.question.authoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.markpoint.model.event.EventEnvelope;
import org.markpoint.model.event.MarkpointEvent;
import org.markpoint.model.event.QuestionPublished;
import org.markpoint.model.event.QuestionRetired;
import org.markpoint.model.scheme.MarkingPoint;
import org.markpoint.model.scheme.MarkingScheme;
import org.markpoint.question.bank.QuestionSpec;
import org.markpoint.question.bank.SchemeChecks;
import org.markpoint.question.bank.SchemeWarning;
import org.markpoint.question.support.ConflictException;
import org.markpoint.question.support.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * A question with every version it has had. The top-level content mirrors the latest version (the one an author
 * edits); {@code publishedVersion} is the one markers use, which stays live while a newer draft is written.
 * {@code revision} grows with every write and is the ETag: writes are conditional on it, so two authors never
 * overwrite each other. {@code outbox} holds the events this state owes until the relay publishes them.
 * Stored per tenant like units: {@code _id} = tenant + ":" + question id, the bare id in {@code questionId}; so two
 * tenants may hold the same question id, and in one tenant's {@code _id} order is its question id order.
 */
@Document("questions")
@CompoundIndexes({
    @CompoundIndex(name = "tenant_unit", def = "{'tenantId': 1, 'unitId': 1, '_id': 1}"),
    @CompoundIndex(name = "tenant_outcome", def = "{'tenantId': 1, 'learningOutcomes': 1}"),
    @CompoundIndex(name = "tenant_status", def = "{'tenantId': 1, 'status': 1, '_id': 1}")
})
public record QuestionDocument(@Id String key, @Field("questionId") String id, String tenantId, String unitId, List<String> learningOutcomes,
                               String context, MarkingScheme scheme, int version, QuestionStatus status,
                               int publishedVersion, List<SchemeWarning> warnings, String searchText,
                               long revision, List<QuestionVersion> versions, Instant createdAt,
                               Instant updatedAt, List<OutboxEntry> outbox) {

    /** A new state and the events it owes (already in its outbox; listed apart for an update that appends them). */
    public record Change(QuestionDocument next, List<OutboxEntry> owed) {
    }

    public QuestionDocument {
        key = key(tenantId, id);
        learningOutcomes = learningOutcomes == null ? List.of() : List.copyOf(learningOutcomes);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
        context = context == null ? "" : context;
        unitId = unitId == null ? "" : unitId;
        if ((versions == null || versions.isEmpty()) && scheme != null) {
            // stored before versions were kept: the one version there is, as it was
            VersionStatus s = VersionStatus.valueOf(status.name());
            versions = List.of(new QuestionVersion(version, s, unitId, learningOutcomes, context, scheme, warnings,
                    createdAt, s == VersionStatus.PUBLISHED ? updatedAt : null, null));
            publishedVersion = status == QuestionStatus.PUBLISHED ? version : publishedVersion;
        }
        versions = versions == null ? List.of() : List.copyOf(versions);
        searchText = searchable(scheme, context);
    }

    /** How documents are read: those stored before versions and revisions were kept lack the numbers (read as 0). */
    @PersistenceCreator
    static QuestionDocument read(String key, String id, String tenantId, String unitId, List<String> learningOutcomes,
                                 String context, MarkingScheme scheme, int version, QuestionStatus status,
                                 Integer publishedVersion, List<SchemeWarning> warnings, String searchText,
                                 Long revision, List<QuestionVersion> versions, Instant createdAt,
                                 Instant updatedAt, List<OutboxEntry> outbox) {
        return new QuestionDocument(key, id, tenantId, unitId, learningOutcomes, context, scheme, version, status,
                publishedVersion == null ? 0 : publishedVersion, warnings, searchText,
                revision == null ? 0 : revision, versions, createdAt, updatedAt, outbox);
    }

    /** A new question: version 1, a draft, with its marks checked (capped at the maximum, odd totals flagged). */
    public static QuestionDocument draft(String id, String tenantId, QuestionSpec spec, Instant at) {
        QuestionVersion first = version(1, spec, at);
        return new QuestionDocument(null, id, tenantId, first.unitId(), first.learningOutcomes(), first.context(),
                first.scheme(), 1, QuestionStatus.DRAFT, 0, first.warnings(), "", 1, List.of(first), at, at,
                List.of());
    }

    /** Edits the draft in place, or starts the next version as a draft when the latest one is published. */
    public QuestionDocument edit(QuestionSpec spec, Instant at) {
        if (status == QuestionStatus.RETIRED) {
            throw new ConflictException("question '" + id + "' is retired; it cannot be edited");
        }
        List<QuestionVersion> next = new ArrayList<>(versions);
        if (status == QuestionStatus.DRAFT) {
            QuestionVersion head = next.removeLast();
            next.add(version(head.number(), spec, head.createdAt()));
        } else {
            next.add(version(version + 1, spec, at));
        }
        return withVersions(next, publishedVersion, at);
    }

    /** Freezes the draft as the live version (the one before is superseded) and owes {@code QuestionPublished}. */
    public Change publish(Instant at) {
        if (status != QuestionStatus.DRAFT) {
            throw new ConflictException("question '" + id + "' has no draft to publish (version " + version
                    + " is " + status.name().toLowerCase(Locale.ROOT) + "); edit it to start a new draft");
        }
        List<QuestionVersion> next = new ArrayList<>();
        for (QuestionVersion v : versions) {
            next.add(v.number() == version ? v.withStatus(VersionStatus.PUBLISHED, at)
                    : v.status() == VersionStatus.PUBLISHED ? v.withStatus(VersionStatus.SUPERSEDED, at) : v);
        }
        QuestionPublished event = new QuestionPublished(id, version, unitId, learningOutcomes, scheme, context);
        return owing(withVersions(next, version, at), event, at);
    }

    /**
     * Withdraws the question: the live version and any draft are retired, and markers hear {@code QuestionRetired}
     * for the version they hold. A question never published is retired quietly: nobody outside knows it.
     */
    public Change retire(Instant at) {
        if (status == QuestionStatus.RETIRED) {
            throw new ConflictException("question '" + id + "' is already retired");
        }
        List<QuestionVersion> next = versions.stream().map(v -> v.status() == VersionStatus.SUPERSEDED ? v
                : v.withStatus(VersionStatus.RETIRED, at)).toList();
        QuestionDocument retired = withVersions(next, publishedVersion, at);
        return publishedVersion > 0 ? owing(retired, new QuestionRetired(id, publishedVersion), at)
                : new Change(retired, List.of());
    }

    /** The same state written afresh (a new revision): fills the fields documents stored before them lack. */
    QuestionDocument rewritten() {
        return withVersions(versions, publishedVersion, updatedAt);
    }

    public Optional<QuestionVersion> version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    /** True when the version an import would replace already has exactly this content. */
    public boolean liveContentEquals(QuestionSpec spec) {
        MarkingScheme checked = SchemeChecks.marks(spec.scheme(), "scheme").scheme();
        return status == QuestionStatus.PUBLISHED && versions.getLast().sameContent(spec.unitId(),
                spec.learningOutcomes(), spec.context(), checked);
    }

    private static QuestionVersion version(int number, QuestionSpec spec, Instant at) {
        SchemeChecks.Checked checked = SchemeChecks.marks(spec.scheme(), "scheme");
        return new QuestionVersion(number, VersionStatus.DRAFT, spec.unitId(), spec.learningOutcomes(),
                spec.context(), checked.scheme(), checked.warnings(), at, null, null);
    }

    private QuestionDocument withVersions(List<QuestionVersion> next, int live, Instant at) {
        QuestionVersion head = next.getLast();
        QuestionStatus headStatus = switch (head.status()) {
            case PUBLISHED -> QuestionStatus.PUBLISHED;
            case RETIRED -> QuestionStatus.RETIRED;
            default -> QuestionStatus.DRAFT;
        };
        return new QuestionDocument(key, id, tenantId, head.unitId(), head.learningOutcomes(), head.context(),
                head.scheme(), head.number(), headStatus, live, head.warnings(), "", revision + 1, next,
                createdAt, at, outbox);
    }

    private Change owing(QuestionDocument next, MarkpointEvent event, Instant at) {
        List<OutboxEntry> owed = List.of(OutboxEntry.of(EventEnvelope.wrap(tenantId, event, at)));
        QuestionDocument withEvent = new QuestionDocument(next.key, next.id, tenantId, next.unitId,
                next.learningOutcomes, next.context, next.scheme, next.version, next.status, next.publishedVersion,
                next.warnings, "", next.revision, next.versions, createdAt, next.updatedAt,
                Stream.concat(next.outbox.stream(), owed.stream()).toList());
        return new Change(withEvent, owed);
    }

    /** The stored {@code _id} of a tenant's question. */
    static String key(String tenantId, String questionId) {
        return tenantId + ":" + questionId;
    }

    /** Stem, context, model answer and point texts in lower case, for a literal "contains" search. */
    private static String searchable(MarkingScheme scheme, String context) {
        if (scheme == null) {
            return "";
        }
        return Stream.concat(Stream.of(scheme.stem(), context, scheme.modelAnswer()),
                        scheme.markingPoints().stream().map(MarkingPoint::text))
                .filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(" \n ")).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}

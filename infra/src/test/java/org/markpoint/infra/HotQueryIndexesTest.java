package org.markpoint.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.IndexResolver;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * Every hot query path has an index that serves it: its equality fields are the index's leading keys, and the field
 * it sorts or pages by (if any) comes next. Against a real MongoDB, {@code explain("executionStats")} would show it
 * (IXSCAN, not COLLSCAN); the embedded mongo-java-server has no {@code explain} and ignores secondary indexes, so this
 * checks the index definitions the services declare on their documents (what {@code auto-index-creation} creates at
 * start-up), resolved the way Spring Data resolves them. A query added without an index, or an index changed so that
 * a hot query no longer fits it, fails here. Each row names the code that runs the query.
 */
class HotQueryIndexesTest {

    /** A query: its collection's document class, the fields it matches exactly, the field it sorts/pages by. */
    record HotQuery(String where, String documentClass, List<String> equality, String sortedBy) {

        @Override
        public String toString() {
            return where;
        }
    }

    static List<HotQuery> hotQueries() {
        String marks = "org.markpoint.marking.marks.MarkDocument";
        String questions = "org.markpoint.question.authoring.QuestionDocument";
        String catalog = "org.markpoint.progress.catalog.PublishedQuestion";
        return List.of(
                new HotQuery("marking ModerationService.queue: review queue, paged by mark id", marks,
                        List.of("tenantId", "review.status"), "_id"),
                new HotQuery("marking ModerationService.agreement: a question's moderated marks", marks,
                        List.of("tenantId", "questionId"), ""),
                new HotQuery("marks of a learner, newest first (learner data export and erasure)", marks,
                        List.of("tenantId", "learnerId"), "createdAt"),
                new HotQuery("marking BatchWorkers.resumeUnfinished: unfinished batches at start-up",
                        "org.markpoint.marking.batch.BatchDocument", List.of("status"), ""),
                new HotQuery("marking BatchService: a batch's chunks by first item",
                        "org.markpoint.marking.batch.BatchChunk", List.of("batchId"), "firstItem"),
                new HotQuery("progress ProgressTracker.forEachLearner: a tenant's learners (refit)",
                        "org.markpoint.progress.tracking.LearnerProgressDocument", List.of("tenantId"), ""),
                new HotQuery("progress QuizStore.findByMark: the quiz holding a mark (overrides)",
                        "org.markpoint.progress.quiz.QuizDocument",
                        List.of("tenantId", "quiz.items.markDetails.markId"), ""),
                new HotQuery("progress QuestionCatalog: a unit's published questions", catalog,
                        List.of("tenantId", "unitId"), ""),
                new HotQuery("progress QuestionCatalog: an outcome's published questions", catalog,
                        List.of("tenantId", "learningOutcomes"), ""),
                new HotQuery("progress CohortStore.page: cohorts paged by id",
                        "org.markpoint.progress.cohort.CohortDocument", List.of("tenantId"), "_id"),
                new HotQuery("question QuestionBank.list by unit, paged by id", questions,
                        List.of("tenantId", "unitId"), "_id"),
                new HotQuery("question QuestionBank.list by outcome", questions,
                        List.of("tenantId", "learningOutcomes"), ""),
                new HotQuery("question QuestionBank.list by status, paged by id", questions,
                        List.of("tenantId", "status"), "_id"),
                new HotQuery("question UnitStore: a tenant's units", "org.markpoint.question.authoring.UnitDocument",
                        List.of("tenantId"), ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hotQueries")
    void givenAHotQuery_whenItsCollectionsIndexesAreResolved_thenOneHasItsFieldsAsLeadingKeys(HotQuery query)
            throws Exception {
        List<List<String>> indexes = indexKeys(Class.forName(query.documentClass()));
        assertThat(indexes).as("indexes of %s for: %s", query.documentClass(), query.where())
                .anySatisfy(keys -> {
                    int n = query.equality().size();
                    assertThat(keys.size()).isGreaterThanOrEqualTo(n);
                    assertThat(Set.copyOf(keys.subList(0, n))).isEqualTo(Set.copyOf(query.equality()));
                    if (!query.sortedBy().isEmpty()) {
                        assertThat(keys).hasSizeGreaterThan(n);
                        assertThat(keys.get(n)).isEqualTo(query.sortedBy());
                    }
                });
    }

    /** The key fields, in order, of every index Spring Data creates for the document class. */
    private static List<List<String>> indexKeys(Class<?> documentClass) {
        MongoMappingContext context = new MongoMappingContext();
        // Instant and the other types the driver stores as they are, as Spring Boot's context sets them up
        context.setSimpleTypeHolder(new MongoCustomConversions(List.of()).getSimpleTypeHolder());
        context.setAutoIndexCreation(true);
        IndexResolver resolver = IndexResolver.create(context);
        List<List<String>> keys = new ArrayList<>();
        StreamSupport.stream(resolver.resolveIndexFor(documentClass).spliterator(), false)
                .map(IndexDefinition::getIndexKeys)
                .map(Document::keySet)
                .forEach(k -> keys.add(List.copyOf(k)));
        return keys;
    }
}

package org.markpoint.progress.privacy;

import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Where progress-service keeps things about a learner, as stored: their progress document (mastery, evidence, marked
 * answers, daily history: what the dashboards are computed from), their quizzes, the cohort rosters naming them and
 * the xAPI statements made about them.
 */
@Component
class LocalLearnerData {

    static final String PROGRESS = "learner_progress";
    static final String QUIZZES = "quizzes";
    static final String COHORTS = "cohorts";
    static final String STATEMENTS = "xapi_statements";

    /** Everything, as stored. */
    record Held(List<Document> progress, List<Document> quizzes, List<Document> cohorts, List<Document> statements) {

        boolean found() {
            return !progress.isEmpty() || !quizzes.isEmpty() || !cohorts.isEmpty() || !statements.isEmpty();
        }
    }

    private final MongoTemplate mongo;

    LocalLearnerData(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Held find(String tenantId, String learnerId) {
        return new Held(mongo.find(progressOf(tenantId, learnerId), Document.class, PROGRESS),
                mongo.find(quizzesOf(tenantId, learnerId), Document.class, QUIZZES),
                mongo.find(cohortsNaming(tenantId, learnerId), Document.class, COHORTS),
                mongo.find(statementsAbout(tenantId, learnerId), Document.class, STATEMENTS));
    }

    void erase(String tenantId, String learnerId) {
        mongo.remove(progressOf(tenantId, learnerId), PROGRESS);
        mongo.remove(quizzesOf(tenantId, learnerId), QUIZZES);
        mongo.remove(statementsAbout(tenantId, learnerId), STATEMENTS);
        mongo.updateMulti(cohortsNaming(tenantId, learnerId), new Update().pull("learnerIds", learnerId).inc("version", 1),
                COHORTS);
    }

    private static Query progressOf(String tenantId, String learnerId) {
        return new Query(Criteria.where("tenantId").is(tenantId).and("progress.learnerId").is(learnerId));
    }

    private static Query quizzesOf(String tenantId, String learnerId) {
        return new Query(Criteria.where("tenantId").is(tenantId).and("quiz.learnerId").is(learnerId));
    }

    private static Query statementsAbout(String tenantId, String learnerId) {
        return new Query(Criteria.where("tenantId").is(tenantId).and("learnerId").is(learnerId));
    }

    private static Query cohortsNaming(String tenantId, String learnerId) {
        return new Query(Criteria.where("tenantId").is(tenantId).and("learnerIds").is(learnerId));
    }
}

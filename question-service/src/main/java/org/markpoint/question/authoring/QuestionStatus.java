package org.markpoint.question.authoring;

public enum QuestionStatus {
    DRAFT, PUBLISHED, RETIRED
}

package org.markpoint.progress.adaptive;

/**
 * The next question and why: the outcome that most needs work, how much, and the predicted chance of success on
 * the chosen question. {@code reason} is a sentence a learner or tutor can read.
 */
public record QuestionChoice(CandidateQuestion question, double outcomeNeed, double predictedSuccess, String reason) {
}

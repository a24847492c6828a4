package org.markpoint.question.authoring;

/** Where one version of a question stands: being written, live, replaced by a later version, or withdrawn. */
public enum VersionStatus {
    DRAFT, PUBLISHED, SUPERSEDED, RETIRED
}

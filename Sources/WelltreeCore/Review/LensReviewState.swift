/// One lens review of a workload as `status` shows it: the review with the lens's status, the
/// notes, the risks of the questions the workload's profile prioritizes and the evidence its
/// answers cite, read now or as a milestone recorded them. The workspace gathers it
/// (`Workspace.lensReviewState`); the renderers only print it.
package struct LensReviewState: Sendable {
    /// The workload as read (now, or at the milestone).
    package var workload: Workload
    /// The milestone read, nil for the present.
    package var milestone: Milestone?
    /// The lens as the workload applies it (its alias).
    package var applied: WorkloadLens
    package var record: LensRecord
    /// The lens version the review is judged by.
    package var version: String
    package var review: LensReview
    /// Whether the lens version is current, deprecated, not current or deleted.
    package var status: WorkloadLensStatus
    /// The newest answer update, or the workload's when no answer has one.
    package var updatedAt: String
    package var notes: LensReviewNotes
    /// Nil when the workload has no profile that prioritizes questions of this lens.
    package var prioritized: PrioritizedRiskCounts?
    /// The profile's name when `prioritized` is set.
    package var profileName: String?
    /// The evidence the answers cite, in question id order (empty when not read).
    package var evidence: [CitedEvidence]

    package init(
        workload: Workload, milestone: Milestone?, applied: WorkloadLens, record: LensRecord, version: String, review: LensReview,
        status: WorkloadLensStatus, updatedAt: String, notes: LensReviewNotes, prioritized: PrioritizedRiskCounts?, profileName: String?,
        evidence: [CitedEvidence]
    ) {
        self.workload = workload
        self.milestone = milestone
        self.applied = applied
        self.record = record
        self.version = version
        self.review = review
        self.status = status
        self.updatedAt = updatedAt
        self.notes = notes
        self.prioritized = prioritized
        self.profileName = profileName
        self.evidence = evidence
    }

    /// The version to upgrade to, shown when the review's version is not current or deprecated.
    package var upgradeAvailable: String? {
        [.notCurrent, .deprecated].contains(status) ? record.currentVersion?.version : nil
    }
}
